import type { Client } from "@libsql/client";
import { openClient } from "./connection";
import { dialectOf } from "./dialect";
import { databaseUrl } from "./url";

export type Sql = Client;

/**
 * A raw libsql connection for bulk work (ingest, migrations): batched multi-row statements in
 * one write transaction are ~17× faster than Prisma's createMany here (STACK.md). Every
 * connection is configured and waits for the write lock the same way (see ./connection).
 */
export async function openSql(url: string = databaseUrl()): Promise<Sql> {
  const client = openClient(url);
  // Opens (and checks) the connection now.
  await client.execute(dialectOf(client) === "postgres" ? "SELECT 1" : "PRAGMA foreign_keys = ON");
  return client;
}

/** `?, ?, ?` — one bound-parameter placeholder per value of an IN list. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

/**
 * Lets the event loop turn once. libsql frees a finished statement, with the arguments bound to
 * it (a bulk insert's JSON is about half a megabyte), only in a finalizer that runs between turns
 * of the event loop; a long chain of awaited statements that never yields keeps every one of them
 * in native memory (a 10 000-customer ingest grew to 2.3 GB that way). Bulk loops call this after
 * each chunk.
 */
export function releaseStatements(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
