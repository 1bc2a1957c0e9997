// API key reads on the request path (lib/services/api-keys.ts holds the rules). Every developer
// API request looks its key up here, so the lookup is one raw indexed read: a Prisma query costs
// ~2 ms of client overhead.
import type { Sql } from "../sql";

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
