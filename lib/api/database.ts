// The database the API works on: the process's one Prisma client over DATABASE_URL, unless a
// test points the API at a temporary database.
import { createPrisma, prisma, type Db } from "../db/client";
import { databaseUrl } from "../db/url";

export interface ApiDatabase {
  /** Prisma, for row-at-a-time reads and writes. */
  db: Db;
  /** For services that open their own raw connection (engine, ingest, consent, customer view). */
  url: string;
}

let injected: ApiDatabase | undefined;

export function apiDatabase(): ApiDatabase {
  return injected ?? { db: prisma(), url: databaseUrl() };
}

/** Tests: route every handler to the database at `url` (null restores the default). */
export async function setApiDatabase(url: string | null): Promise<void> {
  await injected?.db.$disconnect();
  injected = url === null ? undefined : { db: createPrisma(url), url };
}
