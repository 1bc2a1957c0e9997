// The review queue's read (SPEC §4): pending recommendations grouped by customer — one card per
// customer with their name and persona — and, within a card, by content item, so the 30-day and
// 180-day copies of the same item sit together. Paging is by customer and happens in SQL; the
// filters (persona, kind, window, flagged, waiting time) apply to each copy, so a card lists
// exactly the copies an action on it will touch.
import type { InValue } from "@libsql/client";
import type { PersonaId, WindowId } from "../../engine/types";
import { REVIEW_AGES, REVIEW_CUSTOMERS_PER_PAGE, type ReviewQueueQuery } from "../../validation/review";
import { epochMs } from "../dialect";
import { placeholders, type Sql } from "../sql";
import { currentSql } from "./current-results";

export interface QueueCopy {
  id: number;
  version: number;
  window: WindowId;
  as_of: string;
  rationale: string;
  flagged: boolean;
  /** When the copy entered the queue (ISO). */
  since: string;
}

export interface QueueItem {
  content_id: string;
  kind: string;
  title: string;
  flagged: boolean;
  /** Who flagged it for a second review (they may not approve or reject it themselves). */
  flagged_by: string | null;
  /** The pending copies of this item, 30-day window first. */
  copies: QueueCopy[];
}

export interface QueueCustomer {
  user_id: string;
  name: string;
  /** The latest persona assignment per window (null: none matched, or never assigned). */
  persona: Record<WindowId, PersonaId | null>;
  items: QueueItem[];
}

export interface ReviewQueuePage {
  customers: QueueCustomer[];
  /** Customers with at least one matching copy, and the matching copies, across every page. */
  totalCustomers: number;
  totalCopies: number;
  /** Every pending copy, whatever the filters (the live count starts from it). */
  allPending: number;
  /** The page shown: the one asked for, or the last one when fewer remain. */
  page: number;
  pages: number;
}

const DAY_MS = 86_400_000;

function filters(sql: Sql, q: ReviewQueueQuery, now: Date): { sql: string; args: InValue[] } {
  const where = ["r.status = 'pending_review'"];
  const args: InValue[] = [];
  const add = (clause: string, ...values: InValue[]) => {
    where.push(clause);
    for (const v of values) args.push(v);
  };
  if (q.flagged) add("r.flagged = TRUE");
  if (q.kind) add("r.kind = ?", q.kind);
  if (q.window) add(`r."window" = ?`, q.window);
  if (q.age) add(`${epochMs(sql, "r.created_at")} <= ?`, now.getTime() - REVIEW_AGES[q.age] * DAY_MS);
  // The persona the copy was recommended under: the assignment of its window and date.
  const assignment = `SELECT 1 FROM persona_assignments pa WHERE pa.user_id = r.user_id AND pa."window" = r."window" AND pa.as_of = r.as_of AND pa.run_id = r.run_id`;
  if (q.persona === "none") add(`NOT EXISTS (${assignment} AND pa.primary_persona IS NOT NULL)`);
  else if (q.persona) add(`EXISTS (${assignment} AND pa.primary_persona = ?)`, q.persona);
  return { sql: where.join(" AND "), args };
}

/** One page of the queue; `now` dates the "waiting over N days" filter. */
export async function reviewQueue(sql: Sql, q: ReviewQueueQuery, now: Date, perPage = REVIEW_CUSTOMERS_PER_PAGE): Promise<ReviewQueuePage> {
  const f = filters(sql, q, now);
  // One pass over the matching copies: the page's customers and, alongside, the totals. Customers
  // with a flagged copy first, then the longest waiting (ids rise in the order copies were queued).
  const pageOf = (page: number) =>
    sql.execute({
      sql: `SELECT r.user_id, MAX(CASE WHEN r.flagged THEN 1 ELSE 0 END) AS flagged, MIN(r.id) AS first, COUNT(*) OVER () AS customers, SUM(COUNT(*)) OVER () AS copies,
              (SELECT COUNT(*) FROM recommendations WHERE status = 'pending_review') AS all_pending
            FROM recommendations r WHERE ${f.sql} GROUP BY r.user_id ORDER BY flagged DESC, first ASC LIMIT ? OFFSET ?`,
      args: [...f.args, perPage, (page - 1) * perPage],
    });
  let page = q.page;
  let paged = await pageOf(page);
  if (!paged.rows.length && page > 1) {
    // Past the end (the last page emptied): the last page there is.
    const totals = await sql.execute({ sql: `SELECT COUNT(DISTINCT r.user_id) AS customers FROM recommendations r WHERE ${f.sql}`, args: f.args });
    page = Math.max(1, Math.ceil(Number(totals.rows[0].customers) / perPage));
    paged = await pageOf(page);
  }
  const head = paged.rows[0];
  const totalCustomers = head ? Number(head.customers) : 0;
  const totalCopies = head ? Number(head.copies) : 0;
  const allPending = head ? Number(head.all_pending) : Number((await sql.execute("SELECT COUNT(*) AS n FROM recommendations WHERE status = 'pending_review'")).rows[0].n);
  const pages = Math.max(1, Math.ceil(totalCustomers / perPage));
  const ids = paged.rows.map((r) => String(r.user_id));
  if (!ids.length) return { customers: [], totalCustomers, totalCopies, allPending, page, pages };
  const [copies, people] = await Promise.all([
    sql.execute({
      sql: `SELECT r.id, r.version, r.user_id, r."window", r.as_of, r.content_id, r.kind, r.title, r.rationale, r.flagged, r.flagged_by, r.rank, ${epochMs(sql, "r.created_at")} AS since
            FROM recommendations r WHERE ${f.sql} AND r.user_id IN (${placeholders(ids)}) ORDER BY r.rank, r."window" = '180d', r.id`,
      args: [...f.args, ...ids],
    }),
    sql.execute({
      sql: `SELECT c.user_id, c.name,
              (SELECT primary_persona FROM persona_assignments p WHERE p.user_id = c.user_id AND p."window" = '30d' AND ${currentSql("p")}) AS persona_30d,
              (SELECT primary_persona FROM persona_assignments p WHERE p.user_id = c.user_id AND p."window" = '180d' AND ${currentSql("p")}) AS persona_180d
            FROM customers c WHERE c.user_id IN (${placeholders(ids)})`,
      args: ids,
    }),
  ]);
  const cards = new Map<string, QueueCustomer>(
    people.rows.map((p) => {
      const persona = (v: unknown) => (v === null ? null : (String(v) as PersonaId));
      return [String(p.user_id), { user_id: String(p.user_id), name: String(p.name), persona: { "30d": persona(p.persona_30d), "180d": persona(p.persona_180d) }, items: [] }];
    }),
  );
  const items = new Map<string, QueueItem>();
  for (const r of copies.rows) {
    const key = `${String(r.user_id)}\u0000${String(r.content_id)}`;
    let item = items.get(key);
    if (!item) {
      item = { content_id: String(r.content_id), kind: String(r.kind), title: String(r.title), flagged: false, flagged_by: null, copies: [] };
      items.set(key, item);
      cards.get(String(r.user_id))!.items.push(item);
    }
    const flagged = Number(r.flagged) === 1;
    item.flagged ||= flagged;
    if (flagged && r.flagged_by !== null) item.flagged_by ??= String(r.flagged_by);
    item.copies.push({ id: Number(r.id), version: Number(r.version), window: String(r.window) as WindowId, as_of: String(r.as_of), rationale: String(r.rationale), flagged, since: new Date(Math.round(Number(r.since))).toISOString() });
  }
  for (const item of items.values()) item.copies.sort((a, b) => (a.window === b.window ? a.id - b.id : a.window === "30d" ? -1 : 1));
  return { customers: ids.map((id) => cards.get(id)!), totalCustomers, totalCopies, allPending, page, pages };
}
