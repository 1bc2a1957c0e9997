import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./url";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { spendsensePrisma?: PrismaClient };

export function createPrisma(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

/** The one Prisma client for the process (reused across Next.js hot reloads). */
export function prisma(): PrismaClient {
  globalForPrisma.spendsensePrisma ??= createPrisma();
  return globalForPrisma.spendsensePrisma;
}
