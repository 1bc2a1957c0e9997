// Test data for stored alerts: a customer charged twice — a copy of one of their own card or
// debit purchases at a merchant, same amount, same day, as a bank feed that posted it twice would
// show it. The engine then raises a possible-duplicate alert, which needs a staff review.
import type { Sql } from "../db/sql";

/** Posts again one purchase of `userId` dated in [from, to] (the latest such); returns the copy's id. */
export async function addDuplicateCharge(sql: Pick<Sql, "execute">, userId: string, from: string, to: string): Promise<string> {
  const rs = await sql.execute({
    sql: `SELECT * FROM transactions WHERE user_id = ? AND date BETWEEN ? AND ? AND amount_cents > 0 AND pending = FALSE AND deleted_at IS NULL
            AND merchant_name IS NOT NULL AND pfc_primary IN ('FOOD_AND_DRINK', 'GENERAL_MERCHANDISE', 'ENTERTAINMENT', 'TRANSPORTATION', 'PERSONAL_CARE')
          ORDER BY date DESC, transaction_id LIMIT 1`,
    args: [userId, from, to],
  });
  const row = rs.rows[0];
  if (!row) throw new Error(`customer ${userId} has no purchase between ${from} and ${to} to post twice`);
  const copy: Record<string, unknown> = { ...row, transaction_id: `${String(row.transaction_id)}_again` };
  const cols = Object.keys(copy);
  await sql.execute({ sql: `INSERT INTO transactions (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`, args: cols.map((c) => copy[c] as never) });
  return String(copy.transaction_id);
}
