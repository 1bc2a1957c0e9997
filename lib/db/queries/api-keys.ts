// API keys (lib/services/api-keys.ts holds the rules). Every developer API request looks its key
// up with apiKeyByPrefix, so that lookup is one raw indexed read: a Prisma query costs ~2 ms of
// client overhead. Functions taking `Tx` run on the client or inside the caller's transaction.
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import type { Sql } from "../sql";

type Tx = Prisma.TransactionClient;

/** A key as lists show it: everything but its hash. */
export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  /** The scopes as stored (a JSON array). */
  scopes: string;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export function insertApiKey(tx: Tx, data: { name: string; prefix: string; key_hash: string; scopes: string; created_by: string }): Promise<ApiKeyRow> {
  return tx.apiKey.create({ data, omit: { key_hash: true } });
}

export function apiKeyRows(db: Db): Promise<ApiKeyRow[]> {
  return db.apiKey.findMany({ orderBy: { id: "asc" }, omit: { key_hash: true } });
}

export function apiKeyByRef(tx: Tx, ref: { prefix: string } | { id: number }): Promise<ApiKeyRow | null> {
  return tx.apiKey.findUnique({ where: ref, omit: { key_hash: true } });
}

export function markApiKeyRevoked(tx: Tx, id: number, at: Date): Promise<ApiKeyRow> {
  return tx.apiKey.update({ where: { id }, data: { revoked_at: at }, omit: { key_hash: true } });
}

export async function markApiKeyUsed(db: Db, id: number, at: Date): Promise<void> {
  await db.apiKey.update({ where: { id }, data: { last_used_at: at } });
}

export interface StoredApiKey {
  id: number;
  prefix: string;
  /** SHA-256 of the whole key, hex. */
  key_hash: string;
  /** The scopes as stored (a JSON array). */
  scopes: string;
  last_used_at: Date | null;
  revoked: boolean;
}

// A timestamp as either database hands it back: ISO text, or (SQLite, written by Prisma) epoch milliseconds.
const time = (v: unknown) => (v === null || v === undefined ? null : new Date(typeof v === "number" || typeof v === "bigint" ? Number(v) : String(v)));

/** The key with this prefix (revoked or not), or null. */
export async function apiKeyByPrefix(sql: Pick<Sql, "execute">, prefix: string): Promise<StoredApiKey | null> {
  const rs = await sql.execute({ sql: "SELECT id, prefix, key_hash, scopes, last_used_at, revoked_at FROM api_keys WHERE prefix = ?", args: [prefix] });
  const row = rs.rows[0];
  if (!row) return null;
  return { id: Number(row.id), prefix: String(row.prefix), key_hash: String(row.key_hash), scopes: String(row.scopes), last_used_at: time(row.last_used_at), revoked: row.revoked_at !== null };
}
