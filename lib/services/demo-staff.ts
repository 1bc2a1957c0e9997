// Who can sign in after `npm start`. Demo staff with a known password are created on an empty
// staff table only outside production, or in production when explicitly asked for with a
// password of the operator's own; a production start refuses to run while any account still
// signs in with the published demo password.
import bcrypt from "bcryptjs";
import type { Db } from "../db/client";
import { countStaff, staffPasswordHashes } from "../db/queries/staff";
import { DEMO_STAFF, ensureDemoStaff } from "./staff";

/** Published in the README: fine on a laptop, never in production. */
export const DEV_DEMO_PASSWORD = "spendsense-demo";

export interface StartEnv {
  NODE_ENV?: string;
  /** "1" creates the demo staff in production too (with SPENDSENSE_DEMO_PASSWORD). */
  SPENDSENSE_DEMO_STAFF?: string;
  SPENDSENSE_DEMO_PASSWORD?: string;
}

export class UnsafeStartError extends Error {}

export type StartStaff = { created: Array<{ email: string; role: string }>; password: "environment" | "development" | null; note?: string };

/** The accounts (emails) whose password is the published demo password. */
async function accountsWithDemoPassword(db: Db): Promise<string[]> {
  const rows = await staffPasswordHashes(db);
  const hits = await Promise.all(rows.map(async (r) => ((await bcrypt.compare(DEV_DEMO_PASSWORD, r.password_hash)) ? r.email : null)));
  return hits.filter((e): e is string => e !== null);
}

export async function prepareStartStaff(db: Db, env: StartEnv): Promise<StartStaff> {
  const production = env.NODE_ENV === "production";
  if (production && env.SPENDSENSE_DEMO_PASSWORD === DEV_DEMO_PASSWORD) throw new UnsafeStartError(`SPENDSENSE_DEMO_PASSWORD is the published demo password; choose another for production.`);
  let result: StartStaff = { created: [], password: null };
  if (!production || env.SPENDSENSE_DEMO_STAFF === "1") {
    if (production && !env.SPENDSENSE_DEMO_PASSWORD) throw new UnsafeStartError("SPENDSENSE_DEMO_STAFF=1 in production needs SPENDSENSE_DEMO_PASSWORD (the demo password is published).");
    const created = await ensureDemoStaff(db, env.SPENDSENSE_DEMO_PASSWORD ?? DEV_DEMO_PASSWORD);
    result = { created, password: env.SPENDSENSE_DEMO_PASSWORD ? "environment" : "development" };
  } else if ((await countStaff(db)) === 0) {
    result.note = `No staff accounts yet: create one with \`npx spendsense staff create --email you@bank.example --role admin\` (demo staff ${DEMO_STAFF.map((s) => s.email).join(", ")} are not created in production).`;
  }
  if (production) {
    const weak = await accountsWithDemoPassword(db);
    if (weak.length) throw new UnsafeStartError(`refusing to start in production: ${weak.join(", ")} still sign(s) in with the published demo password; change or remove those accounts first.`);
  }
  return result;
}
