import type { Client, Config } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { busyTimeoutMs } from "./busy";
import { openClient } from "./connection";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./url";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { spendsensePrisma?: PrismaClient };

/** Prisma's libsql adapter over our configured connections (busy timeout, no stuck statements: ./connection). */
class SpendSenseLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return openClient(config.url);
  }
}

export function createPrisma(url: string = databaseUrl()): PrismaClient {
  // A transaction may wait for the write lock as long as any write does before it starts.
  return new PrismaClient({ adapter: new SpendSenseLibSQL({ url }), transactionOptions: { maxWait: busyTimeoutMs() + 1000 } });
}

/** The one Prisma client for the process (reused across Next.js hot reloads). */
export function prisma(): PrismaClient {
  globalForPrisma.spendsensePrisma ??= createPrisma();
  return globalForPrisma.spendsensePrisma;
}
