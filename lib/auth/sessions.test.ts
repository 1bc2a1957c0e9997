// Sessions end on the server: a session cookie copied before sign-out, or before a role change,
// is refused afterwards by every server-side reader (staff routes, the developer API, pages via
// next-auth's jwt callback). Driven through the real next-auth options and route handlers.
import { encode, type JWT } from "next-auth/jwt";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as me from "../../app/api/me/route";
import * as reviewQueue from "../../app/api/operator/review/route";
import { apiDatabase } from "../api/database";
import { apiTestEnv, call, type ApiTestEnv } from "../api/testing";
import { createStaff, setStaffRole } from "../services/staff";
import { authOptions } from "./options";

const PASSWORD = "correct horse battery";
let env: ApiTestEnv;
beforeAll(async () => {
  env = await apiTestEnv();
  const db = apiDatabase().db;
  await createStaff(db, { email: "op@bank.example", role: "operator", password: PASSWORD });
  await createStaff(db, { email: "ana@bank.example", role: "analyst", password: PASSWORD });
});
afterAll(() => env.cleanup());

const provider = authOptions.providers[0] as CredentialsConfig & { options: CredentialsConfig };
const callbacks = authOptions.callbacks!;

/** Signs in the way next-auth's credentials callback does: authorize, then the jwt callback, then the cookie. */
async function signIn(email: string): Promise<{ token: JWT; cookie: string }> {
  const user = await provider.options.authorize!({ email, password: PASSWORD }, { headers: { "x-forwarded-for": "198.51.100.7" } } as never);
  expect(user).toMatchObject({ email });
  const token = await callbacks.jwt!({ token: { email, sub: user!.id }, user: user!, account: null });
  return { token, cookie: `next-auth.session-token=${await encode({ token, secret: process.env.NEXTAUTH_SECRET! })}` };
}

const meStatus = async (cookie: string) => (await call(me.GET as never, { path: "/api/me", cookie })).status;
const queueStatus = async (cookie: string) => (await call(reviewQueue.GET, { path: "/api/operator/review", cookie })).status;
/** What a page's getServerSession would get: next-auth runs the jwt callback on the decoded cookie. */
const pageSession = (token: JWT) => callbacks.jwt!({ token: { ...token }, user: undefined as never, account: null });

describe("sign-out", () => {
  it("ends the session on the server: the same cookie is refused afterwards everywhere", async () => {
    const { token, cookie } = await signIn("op@bank.example");
    expect(await meStatus(cookie)).toBe(200);
    expect(await queueStatus(cookie)).toBe(200);
    await expect(pageSession(token)).resolves.toMatchObject({ email: "op@bank.example", role: "operator" });

    await authOptions.events!.signOut!({ token, session: undefined as never });

    expect(await meStatus(cookie)).toBe(401);
    expect(await queueStatus(cookie)).toBe(401);
    await expect(pageSession(token)).rejects.toThrow(/session has ended/);
  });

  it("ends only that session: the same person signed in elsewhere stays signed in", async () => {
    const laptop = await signIn("op@bank.example");
    const phone = await signIn("op@bank.example");
    await authOptions.events!.signOut!({ token: laptop.token, session: undefined as never });
    expect(await meStatus(laptop.cookie)).toBe(401);
    expect(await meStatus(phone.cookie)).toBe(200);
  });

  it("refuses a validly signed token that carries no open session (forged, or issued before sessions were tracked)", async () => {
    const legacy = await encode({ token: { email: "op@bank.example", role: "operator", sub: "1" }, secret: process.env.NEXTAUTH_SECRET! });
    expect(await meStatus(`next-auth.session-token=${legacy}`)).toBe(401);
    const invented = await encode({ token: { email: "op@bank.example", role: "admin", sub: "1", sid: "made-up" }, secret: process.env.NEXTAUTH_SECRET! });
    expect(await queueStatus(`next-auth.session-token=${invented}`)).toBe(401);
  });
});

describe("role change", () => {
  it("ends the account's sessions, so a demoted operator's cookie no longer opens operator routes", async () => {
    const { token, cookie } = await signIn("op@bank.example");
    expect(await queueStatus(cookie)).toBe(200);
    await setStaffRole(apiDatabase().db, { email: "op@bank.example", role: "analyst" }, "admin@bank.example");
    expect(await queueStatus(cookie)).toBe(401);
    expect(await meStatus(cookie)).toBe(401);
    await expect(pageSession(token)).rejects.toThrow(/session has ended/);
    // Signing in again gives the new role, which the permission table then applies.
    const again = await signIn("op@bank.example");
    expect((await call(me.GET as never, { path: "/api/me", cookie: again.cookie })).json).toMatchObject({ role: "analyst" });
    expect(await queueStatus(again.cookie)).toBe(403);
  });
});
