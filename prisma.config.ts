import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseUrl } from "./lib/db/url";

// Prisma 6.19 runs its schema engine as WASM through the libsql adapter: no native binary
// download (see ../shared/STACK.md). Migrations themselves are applied by lib/db/migrate.ts.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaLibSQL({ url: databaseUrl() });
  },
});
