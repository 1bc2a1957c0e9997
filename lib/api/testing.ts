// Test helpers for the developer API: a temporary database with a few generated customers (and
// an engine run), keys and staff session cookies, and a way to call a route handler directly.
import { encode } from "next-auth/jwt";
import type { Role } from "../auth/permissions";
import { SCOPE_NAMES, type Scope } from "../auth/scopes";
import { createApiKey, revokeApiKey } from "../services/api-keys";
import { setConsent } from "../services/consent";
import { startStaffSession } from "../services/staff-sessions";
import { runEngine } from "../services/engine";
import { loadGenerated } from "../services/generate";
import { tempDb, type TempDb } from "../testing/temp-db";
import { apiDatabase, setApiDatabase } from "./database";
import type { RouteContext } from "./handler";

export const TEST_AS_OF = "2026-10-31";
const SECRET = "spendsense-api-test-secret";

export interface ApiTestEnv {
  db: TempDb;
  /** Customer ids with and without consent (when customers were generated). */
  consenting: string[];
  declined: string[];
  key(scopes?: Scope[]): Promise<string>;
  revokedKey(scopes?: Scope[]): Promise<string>;
  cleanup(): Promise<void>;
}

export async function apiTestEnv(opts: { users?: number; engine?: boolean } = {}): Promise<ApiTestEnv> {
  process.env.NEXTAUTH_SECRET = SECRET;
  const db = await tempDb();
  if (opts.users) {
    await loadGenerated({ users: opts.users, seed: 5, asOf: TEST_AS_OF, months: 7, url: db.url });
    // Make sure at least one customer has declined, whatever the generator chose.
    const last = await db.sql.execute("SELECT user_id FROM customers ORDER BY user_id DESC LIMIT 1");
    await setConsent(db.sql, String(last.rows[0].user_id), false, { source: "test" });
  }
  if (opts.engine) await runEngine({ url: db.url, asOf: TEST_AS_OF, workers: 0 });
  await setApiDatabase(db.url);
  const prisma = apiDatabase().db;
  const ids = async (consent: number) => (await db.sql.execute({ sql: "SELECT user_id FROM customers WHERE consent = ? ORDER BY user_id", args: [consent] })).rows.map((r) => String(r.user_id));
  const key = async (scopes: Scope[] = SCOPE_NAMES) => (await createApiKey(prisma, { name: "test", scopes, createdBy: "test" })).key;
  return {
    db,
    consenting: await ids(1),
    declined: await ids(0),
    key,
    async revokedKey(scopes) {
      const k = await key(scopes);
      await revokeApiKey(prisma, k.split("_")[1], "test");
      return k;
    },
    async cleanup() {
      await setApiDatabase(null);
      db.cleanup();
    },
  };
}

/**
 * A staff session cookie as next-auth would set it after sign-in: the account (created with that
 * role when missing) gets an open session in the API's database, whose id the token carries.
 */
export async function staffCookie(role: Role, email = `${role}@spendsense.test`): Promise<string> {
  const db = apiDatabase().db;
  const user = await db.staffUser.upsert({ where: { email }, create: { email, role, password_hash: "not-a-password-hash" }, update: { role } });
  const sid = await startStaffSession(db, user.id);
  return `next-auth.session-token=${await encode({ token: { email, role, sub: String(user.id), sid }, secret: SECRET })}`;
}

type Handler = (req: Request, ctx: RouteContext) => Promise<Response>;

export interface CallOptions {
  /** Path and query, e.g. `/api/transactions?page=2`. */
  path: string;
  method?: string;
  key?: string;
  cookie?: string;
  /** An object is sent as JSON; a string is sent as it is (to test malformed JSON). */
  body?: unknown;
  params?: Record<string, string>;
}

export async function call(handler: Handler, o: CallOptions) {
  const headers = new Headers();
  if (o.key) headers.set("authorization", `Bearer ${o.key}`);
  if (o.cookie) headers.set("cookie", o.cookie);
  if (o.body !== undefined) headers.set("content-type", "application/json");
  const body = o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body);
  const res = await handler(new Request(`http://localhost${o.path}`, { method: o.method ?? (body === undefined ? "GET" : "POST"), headers, body }), { params: Promise.resolve(o.params ?? {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // CSV or empty
  }
  // Tests read fields of the JSON they expect; `any` keeps them short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, text, json: json as any };
}
