// API keys for the developer API (SPEC §5). A key is shown once, at creation; only its SHA-256
// hash is stored. The key is `ss_<prefix>_<secret>`: the prefix finds the row (and names the key
// in lists and audit entries), the 256-bit random secret makes it unguessable.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Scope } from "../auth/scopes";
import { recordAudit } from "../db/audit";
import { apiKeyByPrefix, apiKeyByRef, apiKeyRows, insertApiKey, markApiKeyRevoked, markApiKeyUsed, type ApiKeyRow } from "../db/queries/api-keys";
import { prisma, type Db } from "../db/client";
import { apiKeyInput } from "../validation/api";
import type { Sql } from "../db/sql";
import { NotFoundError } from "./errors";
import { onProcessDb } from "./database";

const KEY_PATTERN = /^ss_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
/** Writing last_used_at on every request would serialise reads behind SQLite's one writer. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyInfo {
  id: number;
  name: string;
  prefix: string;
  scopes: Scope[];
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

interface VerifiedKey {
  id: number;
  prefix: string;
  scopes: Scope[];
}

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");

function info(row: ApiKeyRow): ApiKeyInfo {
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: JSON.parse(row.scopes), created_by: row.created_by, created_at: row.created_at, last_used_at: row.last_used_at, revoked_at: row.revoked_at };
}

/** Creates a key and returns it in full: the only time the secret exists outside the caller. */
export async function createApiKey(db: Db, input: { name: string; scopes: string[]; createdBy: string }): Promise<ApiKeyInfo & { key: string }> {
  const { name, scopes, createdBy } = apiKeyInput.parse(input);
  const prefix = randomBytes(6).toString("hex");
  const key = `ss_${prefix}_${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const r = await insertApiKey(tx, { name, prefix, key_hash: sha256(key), scopes: JSON.stringify(scopes), created_by: createdBy });
    await recordAudit(tx, "apikey.create", { type: "api_key", id: r.id }, { actor: createdBy, details: { name, prefix, scopes } });
    return r;
  });
  return { ...info(row), key };
}

export async function listApiKeys(db: Db = prisma()): Promise<ApiKeyInfo[]> {
  return (await apiKeyRows(db)).map(info);
}

/** Revokes by numeric id or by prefix (with or without `ss_`). Revoking twice is harmless. */
/** Revokes a key; revoking one already revoked changes nothing (`changed: false`) and is not audited again. */
export async function revokeApiKey(db: Db, idOrPrefix: string, actor: string): Promise<ApiKeyInfo & { changed: boolean }> {
  const ref = idOrPrefix.trim().replace(/^ss_/, "").split("_")[0];
  // A prefix is 12 hex digits and may be all decimal digits, so it is checked first.
  const where = /^[0-9a-f]{12}$/.test(ref) || !/^\d+$/.test(ref) ? { prefix: ref } : { id: Number(ref) };
  return db.$transaction(async (tx) => {
    const row = await apiKeyByRef(tx, where);
    if (!row) throw new NotFoundError(`no API key with id or prefix "${idOrPrefix}"`);
    if (row.revoked_at) return { ...info(row), changed: false };
    const revoked = await markApiKeyRevoked(tx, row.id, new Date());
    await recordAudit(tx, "apikey.revoke", { type: "api_key", id: row.id }, { actor, details: { name: row.name, prefix: row.prefix } });
    return { ...info(revoked), changed: true };
  });
}

/**
 * The key's identity and scopes when it is well-formed, known and not revoked; otherwise null.
 * Every API request comes through here (the lookup is one raw indexed read). `stale` says last_used_at is over a minute old: the caller
 * records the use with `touchApiKey` (a write, so not on this read connection).
 */
export async function verifyApiKey(sql: Sql, key: string): Promise<(VerifiedKey & { stale: boolean }) | null> {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  const row = await apiKeyByPrefix(sql, m[1]);
  if (!row || row.revoked) return null;
  const given = Buffer.from(sha256(key), "hex");
  const stored = Buffer.from(row.key_hash, "hex");
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  const lastUsed = row.last_used_at?.getTime() ?? Number.NaN;
  const stale = Number.isNaN(lastUsed) || Date.now() - lastUsed > LAST_USED_RESOLUTION_MS;
  return { id: row.id, prefix: row.prefix, scopes: JSON.parse(row.scopes), stale };
}

/** Records that a key was just used (bookkeeping: a failure here never fails the request). */
export async function touchApiKey(db: Db, id: number): Promise<void> {
  await markApiKeyUsed(db, id, new Date()).catch(() => undefined);
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const apiKeysOnProcessDb = onProcessDb({ createApiKey, revokeApiKey });
