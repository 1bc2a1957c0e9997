// Customer list reads for the staff app. Paging, sorting and filtering happen in SQL so the list
// stays fast at 10 000+ customers: the latest persona per customer is a per-customer index seek,
// and the expensive columns (persona, items awaiting review) are only computed for every
// customer when the sort or filter needs them — otherwise for the page's rows alone.
import type { CustomerListQuery } from "../../validation/customers";
import { asciiLower, asciiLowerText, bytewise, containsPattern } from "../dialect";
import type { Prisma } from "../generated/client";
import { placeholders, type Sql } from "../sql";
import { currentRunIdSql } from "./current-results";

export interface CustomerRow {
  user_id: string;
  name: string;
  consent: boolean;
  persona: string | null;
  strength: string | null;
  as_of: string | null;
  pending: number;
  /** A reviewer's persona for the latest assignment, and who set it (the engine's stays in `persona`); the filter and sort use it when set. */
  override: { persona: string; actor: string } | null;
}

// The current assignment of a customer for the window (two window arguments; ./current-results), and the items awaiting review.
const LATEST = `LEFT JOIN persona_assignments pa ON pa.user_id = c.user_id AND pa."window" = ?
  AND pa.run_id = ${currentRunIdSql("c.user_id", "?")}`;
const PENDING = `(SELECT COUNT(*) FROM recommendations r WHERE r.user_id = c.user_id AND r.status = 'pending_review')`;
// A reviewer's latest override of that assignment: one column of it (or null).
const LATEST_OVERRIDE = (column: string) =>
  `(SELECT ${column} FROM persona_overrides o WHERE o.user_id = pa.user_id AND o."window" = pa."window" AND o.as_of = pa.as_of ORDER BY o.id DESC LIMIT 1)`;
// The persona in effect, which the persona filter and sort use: a reviewer's override when one is set for that window and as-of, else the engine's.
const EFFECTIVE = `COALESCE(${LATEST_OVERRIDE("o.persona")}, pa.primary_persona)`;

// Text sorts byte by byte on both databases (bytewise), so a page lists the same customers on either.
const ORDER: Record<Exclude<CustomerListQuery["sort"], "pending">, string> = {
  user_id: "c.user_id",
  name: "c.name",
  persona: EFFECTIVE,
  strength: "pa.strength",
};

export async function listCustomers(sql: Sql, q: CustomerListQuery): Promise<{ rows: CustomerRow[]; total: number }> {
  const where: string[] = [];
  const args: string[] = [];
  const filter = (clause: string, ...values: string[]) => {
    where.push(clause);
    for (const v of values) args.push(v);
  };
  if (q.consent) where.push(`c.consent = ${q.consent === "yes" ? "TRUE" : "FALSE"}`);
  if (q.persona === "none") filter(`${EFFECTIVE} IS NULL`);
  else if (q.persona) filter(`${EFFECTIVE} = ?`, q.persona);
  if (q.strength) filter("pa.strength = ?", q.strength);
  // The search is case-insensitive for A–Z only, on both databases: LIKE is case-insensitive on
  // SQLite and case-sensitive on PostgreSQL, so both sides are folded explicitly (asciiLower), and
  // the text is matched literally (a `%` or `_` typed in the box is not a wildcard).
  if (q.q) {
    const pattern = containsPattern(asciiLowerText(q.q));
    filter(`(${asciiLower(sql, "c.user_id")} LIKE ? ESCAPE '\\' OR ${asciiLower(sql, "c.name")} LIKE ? ESCAPE '\\')`, pattern, pattern);
  }
  const filtersPersona = q.persona !== undefined || q.strength !== undefined;
  const from = (withPersona: boolean) => ({
    sql: `FROM customers c ${withPersona ? LATEST : ""} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`,
    args: withPersona ? [q.window, q.window, ...args] : args,
  });
  const counted = from(filtersPersona);
  const paged = from(filtersPersona || q.sort === "persona" || q.sort === "strength");
  const order = `ORDER BY ${q.sort === "pending" ? PENDING : bytewise(sql, ORDER[q.sort])} ${q.dir === "desc" ? "DESC" : "ASC"} NULLS LAST, ${bytewise(sql, "c.user_id")} ASC`;
  const [count, page] = await Promise.all([
    sql.execute({ sql: `SELECT COUNT(*) AS n ${counted.sql}`, args: counted.args }),
    sql.execute({ sql: `SELECT c.user_id ${paged.sql} ${order} LIMIT ? OFFSET ?`, args: [...paged.args, q.pageSize, (q.page - 1) * q.pageSize] }),
  ]);
  const ids = page.rows.map((r) => String(r.user_id));
  // Persona and pending count for the page's rows only.
  const details = ids.length
    ? await sql.execute({
        sql: `SELECT c.user_id, c.name, c.consent, pa.primary_persona AS persona, pa.strength, pa.as_of, ${PENDING} AS pending,
                ${LATEST_OVERRIDE("o.persona")} AS override_persona, ${LATEST_OVERRIDE("o.actor")} AS override_actor
              FROM customers c ${LATEST} WHERE c.user_id IN (${placeholders(ids)})`,
        args: [q.window, q.window, ...ids],
      })
    : { rows: [] };
  const byId = new Map(details.rows.map((r) => [String(r.user_id), r]));
  return {
    total: Number(count.rows[0].n),
    rows: ids.map((id) => {
      const r = byId.get(id)!;
      return {
        user_id: id,
        name: String(r.name),
        consent: Number(r.consent) === 1,
        persona: r.persona === null ? null : String(r.persona),
        strength: r.strength === null ? null : String(r.strength),
        as_of: r.as_of === null ? null : String(r.as_of),
        pending: Number(r.pending),
        override: r.override_persona === null ? null : { persona: String(r.override_persona), actor: String(r.override_actor) },
      };
    }),
  };
}

type Tx = Prisma.TransactionClient;

export async function customerExists(tx: Tx, userId: string): Promise<boolean> {
  return (await tx.customer.findUnique({ where: { user_id: userId }, select: { user_id: true } })) !== null;
}

/** A customer created by a caller (the API), with their opt-in when they gave one. */
export async function insertCustomer(tx: Tx, data: Omit<Prisma.CustomerUncheckedCreateInput, "created_at">, optIn: { source: string; note: string } | null) {
  const customer = await tx.customer.create({ data });
  if (optIn) await tx.consentEvent.create({ data: { user_id: data.user_id, granted: true, source: optIn.source, note: optIn.note } });
  return customer;
}

/** How many of the named customers have withdrawn consent (unknown ids are not counted). */
export function countWithoutConsent(tx: Tx, userIds: readonly string[]): Promise<number> {
  return tx.customer.count({ where: { user_id: { in: [...userIds] }, consent: false } });
}

/** A customer's stored record with consent history (newest first) and accounts; null for an unknown id. */
export function customerRecord(tx: Tx, userId: string) {
  return tx.customer.findUnique({ where: { user_id: userId }, include: { consent_events: { orderBy: { recorded_at: "desc" } }, accounts: { orderBy: { account_id: "asc" } } } });
}
