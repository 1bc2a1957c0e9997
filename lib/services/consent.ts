// Consent (SPEC §3.4): every change is an event in the customer's history. Revoking stops
// processing at once: derived data (signals, personas and their overrides, traces) is deleted
// and undelivered recommendations are withdrawn with their numbers removed; delivered ones and
// the consent history stay for audit. One transaction: all of it happens or none.
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
    const c = await tx.execute({ sql: "SELECT consent FROM customers WHERE user_id = ?", args: [userId] });
    if (!c.rows.length) throw new NotFoundError(`no customer with id "${userId}"`);
    const was = Number(c.rows[0].consent) === 1;
    let withdrawn = 0;
    if (was !== granted) {
      await tx.execute({ sql: "INSERT INTO consent_events (user_id, granted, source, note) VALUES (?, ?, ?, ?)", args: [userId, granted ? 1 : 0, opts.source, opts.note ?? null] });
      await tx.execute({ sql: "UPDATE customers SET consent = ? WHERE user_id = ?", args: [granted ? 1 : 0, userId] });
      if (!granted) {
        const w = await tx.execute({
          sql: `UPDATE recommendations SET status = 'withdrawn', rationale = '[withdrawn: consent revoked]', citations = '[]', trace_id = NULL
                WHERE user_id = ? AND status IN ('pending_review', 'approved')`,
          args: [userId],
        });
        withdrawn = w.rowsAffected;
        await tx.batch([
          { sql: "DELETE FROM signal_snapshots WHERE user_id = ?", args: [userId] },
          { sql: "DELETE FROM persona_assignments WHERE user_id = ?", args: [userId] },
          { sql: "DELETE FROM persona_overrides WHERE user_id = ?", args: [userId] },
          { sql: "DELETE FROM decision_traces WHERE user_id = ? AND id NOT IN (SELECT trace_id FROM recommendations WHERE user_id = ? AND trace_id IS NOT NULL)", args: [userId, userId] },
        ]);
      }
      await tx.execute({
        sql: "INSERT INTO audit_log (actor, action, target_type, target_id, user_id, reason, details) VALUES (?, ?, 'customer', ?, ?, ?, ?)",
        args: [opts.actor ?? opts.source, granted ? "consent.grant" : "consent.revoke", userId, userId, opts.note ?? null, JSON.stringify({ withdrawn_recommendations: withdrawn })],
      });
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
