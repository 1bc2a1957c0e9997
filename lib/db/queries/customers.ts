// Customer list and detail reads for the staff app. Paging, sorting and filtering happen in
// SQL so the list stays fast at 10 000+ customers.
import type { CustomerListQuery } from "../../validation/customers";
import type { Db } from "../client";

export interface CustomerRow {
  user_id: string;
  name: string;
  consent: boolean;
  persona: string | null;
  strength: string | null;
  as_of: string | null;
  pending: number;
}

const ORDER: Record<CustomerListQuery["sort"], string> = {
  user_id: "c.user_id",
  name: "c.name",
  persona: "pa.primary_persona",
  strength: "pa.strength",
  pending: "pending",
};

export async function listCustomers(db: Db, q: CustomerListQuery): Promise<{ rows: CustomerRow[]; total: number }> {
  const where: string[] = [];
  const args: unknown[] = [q.window, q.window];
  if (q.consent) where.push(`c.consent = ${q.consent === "yes" ? 1 : 0}`);
  const filter = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (q.persona === "none") filter("pa.primary_persona IS NULL");
  else if (q.persona) filter("pa.primary_persona = ?", q.persona);
  if (q.strength) filter("pa.strength = ?", q.strength);
  if (q.q) filter("(c.user_id LIKE ? OR c.name LIKE ?)", `%${q.q}%`, `%${q.q}%`);
  // The latest assignment per customer for the window.
  const from = `FROM customers c
    LEFT JOIN persona_assignments pa ON pa.user_id = c.user_id AND pa."window" = ?
      AND pa.as_of = (SELECT MAX(as_of) FROM persona_assignments p2 WHERE p2.user_id = c.user_id AND p2."window" = ?)
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  const [count] = await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS n ${from}`, ...args);
  const rows = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT c.user_id, c.name, c.consent, pa.primary_persona AS persona, pa.strength, pa.as_of,
            (SELECT COUNT(*) FROM recommendations r WHERE r.user_id = c.user_id AND r.status = 'pending_review') AS pending
     ${from}
     ORDER BY ${ORDER[q.sort]} ${q.dir === "desc" ? "DESC" : "ASC"} NULLS LAST, c.user_id ASC
     LIMIT ? OFFSET ?`,
    ...args,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      user_id: String(r.user_id),
      name: String(r.name),
      consent: Number(r.consent) === 1 || r.consent === true,
      persona: r.persona === null ? null : String(r.persona),
      strength: r.strength === null ? null : String(r.strength),
      as_of: r.as_of === null ? null : String(r.as_of),
      pending: Number(r.pending),
    })),
  };
}
