// Consent (SPEC §3.4): every change is an event in the customer's history. Revoking stops
// processing at once and removes every derived value of the customer, in every table
// (lib/db/customer-data.ts declares which) and in every evaluation folder the app wrote
// (`traces/<user_id>.json`); undelivered recommendations are withdrawn. Ids, statuses,
// timestamps, the customer's own data and the consent history stay. One transaction: all of it
// happens or none. Every consent path (staff page, `POST /api/consent`, `spendsense consent`)
// comes through here.
import fs from "node:fs";
import path from "node:path";
import type { Transaction } from "@libsql/client";
import { recordAudit } from "../db/audit";
import { customerConsent, removeDerivedData } from "../db/customer-data";
import { evalOutDirs, withdrawUndelivered, writeConsent } from "../db/queries/consent";
import type { Sql } from "../db/sql";
import { NotFoundError } from "./errors";

export interface ConsentChange {
  user_id: string;
  granted: boolean;
  changed: boolean;
  withdrawn_recommendations: number;
}

export async function setConsent(sql: Sql, userId: string, granted: boolean, opts: { source: string; note?: string; actor?: string }): Promise<ConsentChange> {
  const tx = await sql.transaction("write");
  try {
    const was = await customerConsent(tx, userId);
    if (was === undefined) throw new NotFoundError(`no customer with id "${userId}"`);
    let withdrawn = 0;
    if (was !== granted) {
      await writeConsent(tx, userId, granted, opts.source, opts.note ?? null);
      if (!granted) {
        withdrawn = await withdrawUndelivered(tx, userId);
        await removeDerivedData(tx, userId);
        // Files last, still inside the transaction: if one cannot be removed, nothing is committed.
        await removeEvalTraces(tx, userId);
      }
      await recordAudit(tx, granted ? "consent.grant" : "consent.revoke", { type: "customer", id: userId, user_id: userId }, { actor: opts.actor ?? opts.source, reason: opts.note ?? null, details: { withdrawn_recommendations: withdrawn } });
    }
    await tx.commit();
    return { user_id: userId, granted, changed: was !== granted, withdrawn_recommendations: withdrawn };
  } catch (err) {
    await tx.rollback();
    throw err;
  } finally {
    tx.close();
  }
}

/** The customer's decision-trace file in an evaluation folder; null for an id that would leave the folder. */
export function evalTraceFile(outDir: string, userId: string): string | null {
  const dir = path.resolve(outDir, "traces");
  const file = path.resolve(dir, `${userId}.json`);
  return path.dirname(file) === dir ? file : null;
}

/** Deletes `traces/<user_id>.json` from every evaluation folder recorded in eval_runs. */
async function removeEvalTraces(tx: Transaction, userId: string): Promise<void> {
  for (const dir of await evalOutDirs(tx)) {
    const file = evalTraceFile(dir, userId);
    if (file) fs.rmSync(file, { force: true });
  }
}
