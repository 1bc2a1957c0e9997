// What reviewer overrides read and write (lib/services/overrides): a stored decision — the
// signals, the engine's persona and a reviewer's — to replay the engine's recommend step from, the
// recommendation being reviewed, what is already live for its window; and, on the caller's
// transaction, the swapped-in item, the reviewer's persona and the remade decision.
import type { DecisionTrace } from "../../engine";
import type { Prisma } from "../generated/client";
import type { Sql } from "../sql";
import { placeholders } from "../sql";
import type { Strength } from "../../engine/personas/assign";
import type { WindowSignals } from "../../engine/signals/types";
import type { PersonaId } from "../../engine/types";
import { standingSql } from "./current-results";

type Exec = Pick<Sql, "execute">;
type Tx = Prisma.TransactionClient;

export interface StoredDecision {
  signals: WindowSignals;
  engine: { primary: PersonaId | null; secondary: PersonaId[]; strength: Strength };
  /** A reviewer's latest persona for this decision, or null. */
  override: PersonaId | null;
  credit_score: number | null;
  /** The customer's accounts, for what they already hold. */
  accounts: Array<{ subtype: string; holder_category: string }>;
}

/** The decision standing for (customer, window, asOf) — the latest eligible run's — or null when it is not stored. */
export async function storedDecision(sql: Exec, userId: string, window: string, asOf: string): Promise<StoredDecision | null> {
  const rs = await sql.execute({
    sql: `SELECT s.payload AS signals, p.primary_persona, p.secondary, p.strength, c.credit_score,
            (SELECT persona FROM persona_overrides o WHERE o.user_id = s.user_id AND o."window" = s."window" AND o.as_of = s.as_of ORDER BY o.id DESC LIMIT 1) AS override
          FROM signal_snapshots s JOIN customers c ON c.user_id = s.user_id
          JOIN persona_assignments p ON p.user_id = s.user_id AND p."window" = s."window" AND p.as_of = s.as_of AND p.run_id = s.run_id
          WHERE s.user_id = ? AND s."window" = ? AND s.as_of = ? AND ${standingSql("s")}`,
    args: [userId, window, asOf],
  });
  const r = rs.rows[0];
  if (!r) return null;
  const held = await sql.execute({ sql: "SELECT subtype, holder_category FROM accounts WHERE user_id = ? ORDER BY account_id", args: [userId] });
  return {
    signals: JSON.parse(String(r.signals)) as WindowSignals,
    engine: {
      primary: r.primary_persona === null ? null : (String(r.primary_persona) as PersonaId),
      secondary: r.secondary === null ? [] : (JSON.parse(String(r.secondary)) as PersonaId[]),
      strength: (r.strength ?? "none") as Strength,
    },
    override: r.override === null ? null : (String(r.override) as PersonaId),
    credit_score: r.credit_score === null ? null : Number(r.credit_score),
    accounts: held.rows.map((h) => ({ subtype: String(h.subtype), holder_category: String(h.holder_category) })),
  };
}

export interface ReviewedRecommendation {
  user_id: string;
  window: string;
  as_of: string;
  kind: string;
  status: string;
  /** The decision trace it was chosen in (parsed), or null when none is stored. */
  trace: { config_hash: string } | null;
}

/** A recommendation with the decision trace it was chosen in, or null for an unknown id. */
export async function recommendationWithTrace(sql: Exec, id: number): Promise<ReviewedRecommendation | null> {
  const rs = await sql.execute({
    sql: `SELECT r.user_id, r."window", r.as_of, r.kind, r.status, t.payload AS trace FROM recommendations r LEFT JOIN decision_traces t ON t.id = r.trace_id WHERE r.id = ?`,
    args: [id],
  });
  const r = rs.rows[0];
  if (!r) return null;
  return { user_id: String(r.user_id), window: String(r.window), as_of: String(r.as_of), kind: String(r.kind), status: String(r.status), trace: r.trace === null ? null : JSON.parse(String(r.trace)) };
}

/** Content ids of a window's decision (customer, window, asOf) whose items are in one of `statuses`. */
export async function contentIdsWithStatus(sql: Exec, userId: string, window: string, asOf: string, statuses: readonly string[]): Promise<Set<string>> {
  const rs = await sql.execute({
    sql: `SELECT content_id FROM recommendations WHERE user_id = ? AND "window" = ? AND as_of = ? AND status IN (${placeholders(statuses)})`,
    args: [userId, window, asOf, ...statuses],
  });
  return new Set(rs.rows.map((r) => String(r.content_id)));
}

/** An item the engine's recommend step chose or offered, as a reviewer's override stores it. */
export interface ChosenItem {
  content_id: string;
  kind: string;
  format: string;
  title: string;
  rationale: string;
  citations: unknown[];
  disclaimer: string;
  rank: number;
  score: number | null;
}

type Decision = { user_id: string; window: string; as_of: string };

/** Adds the item a reviewer swapped in for recommendation `replaced` (approved at once, in its place); returns its id. */
export async function insertSwappedItem(tx: Tx, replaced: Decision & { id: number; run_id: number; trace_id: number | null; rank: number }, item: ChosenItem): Promise<number> {
  const created = await tx.recommendation.create({
    data: {
      run_id: replaced.run_id,
      trace_id: replaced.trace_id,
      user_id: replaced.user_id,
      window: replaced.window,
      as_of: replaced.as_of,
      content_id: item.content_id,
      kind: item.kind,
      format: item.format,
      title: item.title,
      rationale: item.rationale,
      citations: JSON.stringify(item.citations),
      disclaimer: item.disclaimer,
      rank: replaced.rank,
      score: item.score,
      status: "approved",
      source: "override",
      replaces_id: replaced.id,
    },
  });
  return created.id;
}

/** A reviewer's latest persona for a decision, or undefined. */
export async function latestPersonaOverride(tx: Tx, d: Decision): Promise<string | undefined> {
  return (await tx.personaOverride.findFirst({ where: d, orderBy: { id: "desc" } }))?.persona;
}

/** Records a reviewer's persona for a decision; returns its id. */
export async function insertPersonaOverride(tx: Tx, d: Decision, o: { from_persona: string | null; persona: string; justification: string; actor: string }): Promise<number> {
  return (await tx.personaOverride.create({ data: { ...d, ...o } })).id;
}

/** Supersedes a decision's items still waiting for review; returns how many. */
export async function supersedePending(tx: Tx, d: Decision): Promise<number> {
  return (await tx.recommendation.updateMany({ where: { ...d, status: "pending_review" }, data: { status: "superseded", version: { increment: 1 } } })).count;
}

/** The latest decision trace run `runId` stored for a decision (parsed), or null. */
export async function latestTraceOfRun(tx: Tx, d: Decision, runId: number): Promise<DecisionTrace | null> {
  const old = await tx.decisionTrace.findFirst({ where: { ...d, run_id: runId }, orderBy: { id: "desc" } });
  return old ? (JSON.parse(old.payload) as DecisionTrace) : null;
}

/** Stores a remade decision of run `runId`: its trace and the items it chose (awaiting review). Returns the trace id. */
export async function insertRemadeDecision(tx: Tx, d: Decision, runId: number, trace: unknown, items: readonly ChosenItem[]): Promise<number> {
  const created = await tx.decisionTrace.create({ data: { ...d, run_id: runId, payload: JSON.stringify(trace) } });
  for (const item of items) {
    const { content_id, kind, format, title, rationale, citations, disclaimer, rank, score } = item;
    await tx.recommendation.create({ data: { ...d, run_id: runId, trace_id: created.id, content_id, kind, format, title, rationale, citations: JSON.stringify(citations), disclaimer, rank, score } });
  }
  return created.id;
}
