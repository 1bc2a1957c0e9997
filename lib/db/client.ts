import type { Client, Config } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { busyTimeoutMs } from "./busy";
import { openClient } from "./connection";
import { isPostgresUrl } from "./dialect";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { lockTimeoutSql, WRITE_LOCK_KEY } from "./pg";
import { processSingleton } from "./process-singleton";
import { databaseUrl } from "./url";

/**
 * The Prisma client. Both databases have a client generated from the same models (PostgreSQL's
 * from prisma/postgres/schema.prisma, derived by bin/pg-schema.mjs), so they share one API; the
 * SQLite client's types stand for both.
 */
export type Db = PrismaClient;

/** Prisma's libsql adapter over our configured connections (busy timeout, no stuck statements: ./connection). */
class SpendSenseLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return openClient(config.url);
  }
}

/**
 * Prisma's pg adapter whose transactions take the same advisory lock as our raw write
 * transactions (./pg), waiting for it as long: Prisma transactions keep the serialised-writer
 * guarantee (and the busy timeout) they have on SQLite.
 */
class SpendSensePg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      try {
        await tx.executeRaw({ sql: lockTimeoutSql(), args: [], argTypes: [] });
        await tx.executeRaw({ sql: `SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`, args: [], argTypes: [] });
      } catch (err) {
        // Never started for Prisma, so never ended by it: end it and give the connection back here
        // (the adapter's rollback() only releases; Prisma sends the ROLLBACK itself).
        await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
        await tx.rollback().catch(() => undefined);
        throw err;
      }
      return tx;
    };
    return adapter;
  }
}

export function createPrisma(url: string = databaseUrl()): PrismaClient {
  // A transaction may wait for the write lock as long as any write does before it starts.
  const transactionOptions = { maxWait: busyTimeoutMs() + 1000 };
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.SPENDSENSE_PG_POOL ?? 5), allowExitOnIdle: true });
    pool.on("error", () => undefined);
    return new PostgresPrismaClient({ adapter: new SpendSensePg(pool, { disposeExternalPool: true }), transactionOptions }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new SpendSenseLibSQL({ url }), transactionOptions });
}

/** The one Prisma client for the process (reused across Next.js hot reloads). */
export function prisma(): PrismaClient {
  return processSingleton("prisma", () => createPrisma());
}
