// A customer's personas: the current assignment per window with a reviewer's latest override of
// it (the ONE query the customer view, `spendsense show` and the persona API read), and the
// history of assignments standing for each earlier as-of.
import type { WindowId } from "../../engine/types";
import type { Db } from "../client";
import { storedTimeIso } from "../dialect";
import type { Sql } from "../sql";
import { currentSql, ELIGIBLE_RESULT, standingPerAsOf, standingSql } from "./current-results";

type Exec = Pick<Sql, "execute">;

export interface PersonaOverrideRef {
  persona: string;
  from_persona: string | null;
  justification: string;
  actor: string;
  as_of: string;
  /** When the reviewer set it (ISO-8601). */
  created_at: string;
}

export interface CurrentPersona {
  id: number;
  run_id: number;
  window: WindowId;
  as_of: string;
  primary: string | null;
  secondary: string[];
  strength: string;
  criteria: unknown[];
  reason: string;
  transition: { from: string | null; kind: string; celebration: string | null };
  /** A reviewer's latest persona for this assignment (the engine's primary stays above), or null. */
  override: PersonaOverrideRef | null;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The current assignment of each window the customer has one for, with a reviewer's latest override of it. */
export async function readCurrentPersonas(sql: Exec, userId: string): Promise<Partial<Record<WindowId, CurrentPersona>>> {
  const rs = await sql.execute({
    sql: `SELECT pa.id, pa.run_id, pa."window", pa.as_of, pa.primary_persona, pa.secondary, pa.strength, pa.criteria, pa.reason, pa.transition_from, pa.transition_kind, pa.celebration,
            o.persona AS o_persona, o.from_persona AS o_from, o.justification AS o_justification, o.actor AS o_actor, o.as_of AS o_as_of, o.created_at AS o_created_at
          FROM persona_assignments pa
          LEFT JOIN persona_overrides o ON o.id = (SELECT MAX(x.id) FROM persona_overrides x WHERE x.user_id = pa.user_id AND x."window" = pa."window" AND x.as_of = pa.as_of)
          WHERE pa.user_id = ? AND ${currentSql("pa")}`,
    args: [userId],
  });
  const out: Partial<Record<WindowId, CurrentPersona>> = {};
  for (const r of rs.rows) {
    const window = String(r.window) as WindowId;
    out[window] = {
      id: Number(r.id),
      run_id: Number(r.run_id),
      window,
      as_of: String(r.as_of),
      primary: text(r.primary_persona),
      secondary: JSON.parse(String(r.secondary)) as string[],
      strength: String(r.strength),
      criteria: JSON.parse(String(r.criteria)) as unknown[],
      reason: String(r.reason),
      transition: { from: text(r.transition_from), kind: String(r.transition_kind), celebration: text(r.celebration) },
      override:
        r.o_persona === null
          ? null
          : { persona: String(r.o_persona), from_persona: text(r.o_from), justification: String(r.o_justification), actor: String(r.o_actor), as_of: String(r.o_as_of), created_at: storedTimeIso(r.o_created_at)! },
    };
  }
  return out;
}

export interface PersonaHistoryEntry {
  as_of: string;
  primary: string | null;
  strength: string;
  transition_kind: string;
}

/** The assignments standing for each as-of up to `asOf` in one window, newest first. */
export async function personaHistory(sql: Exec, userId: string, window: WindowId, asOf: string): Promise<PersonaHistoryEntry[]> {
  const rs = await sql.execute({
    sql: `SELECT as_of, primary_persona, strength, transition_kind FROM persona_assignments pa WHERE user_id = ? AND "window" = ? AND as_of <= ? AND ${standingSql("pa")} ORDER BY as_of DESC`,
    args: [userId, window, asOf],
  });
  return rs.rows.map((r) => ({ as_of: String(r.as_of), primary: text(r.primary_persona), strength: String(r.strength), transition_kind: String(r.transition_kind) }));
}

/**
 * The assignments standing for each as-of (the latest eligible run's; a re-run at the same as-of
 * keeps the earlier run's rows), newest as-of first: in one window or all, up to `upTo` when given.
 */
export async function standingAssignments(db: Pick<Db, "personaAssignment">, userId: string, opts: { window?: WindowId; upTo?: string } = {}) {
  const rows = await db.personaAssignment.findMany({
    where: { user_id: userId, ...ELIGIBLE_RESULT, ...(opts.window ? { window: opts.window } : {}), ...(opts.upTo ? { as_of: { lte: opts.upTo } } : {}) },
    orderBy: [{ as_of: "desc" }, { window: "asc" }, { run_id: "desc" }],
  });
  return standingPerAsOf(rows);
}

/** The assignments one run made for a customer, by window. */
export function assignmentsOfRun(db: Pick<Db, "personaAssignment">, userId: string, runId: number) {
  return db.personaAssignment.findMany({ where: { user_id: userId, run_id: runId }, orderBy: { window: "asc" } });
}
