// writeRows: bulk rows inside an open write transaction, on either database. On PostgreSQL a row
// set this large streams through COPY, straight into the table or, for an upsert, into a staging
// table it moves from with the caller's ON CONFLICT clause (lib/db/pg-copy.ts); on SQLite it is
// JSON-argument inserts. Both must store every value
// exactly, keep the upsert's rules, and leave nothing when the transaction is rolled back.
import type { InValue } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb, type TempDb } from "../testing/temp-db";
import { COPY_MIN_ROWS, listTablesSql, writeRows } from "./dialect";

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(() => db.cleanup());

const COLUMNS = ["transaction_id", "account_id", "user_id", "date", "amount_cents", "iso_currency_code", "name", "merchant_name", "payment_channel", "pfc_primary", "pfc_detailed", "pending"];
const N = COPY_MIN_ROWS + 1500;
/** Names with every character COPY's text format must escape, quotes, and text beyond ASCII. */
const NAMES = ["PAYROLL\tACME", "line one\nline two\r\n", "C:\\bills\\\\N", 'Joe\'s "Diner"', "Café 東京 🍜", "\\N", ""];
const txRows = (user: string, amount: (i: number) => number): InValue[][] =>
  Array.from({ length: N }, (_, i) => [`${user}_t${i}`, `${user}_chk`, user, `2026-${String((i % 12) + 1).padStart(2, "0")}-15`, amount(i), "USD", NAMES[i % NAMES.length], i % 3 ? `Shop ${i % 50}` : null, "online", "GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_OTHER", i % 2]);

async function inTransaction(fn: (tx: Awaited<ReturnType<TempDb["sql"]["transaction"]>>) => Promise<void>, commit: boolean) {
  const tx = await db.sql.transaction("write");
  try {
    await fn(tx);
    if (commit) await tx.commit();
    else await tx.rollback();
  } finally {
    tx.close();
  }
}

const setUp = (tx: Parameters<Parameters<typeof inTransaction>[0]>[0], user: string) =>
  writeRows(tx, [
    { table: "customers", columns: ["user_id", "name", "consent", "source"], rows: [[user, "Bulk Person", 1, "test"]] },
    { table: "accounts", columns: ["account_id", "user_id", "type", "subtype", "name", "current_cents", "iso_currency_code", "holder_category", "source"], rows: [[`${user}_chk`, user, "depository", "checking", "Checking", 100, "USD", "personal", "test"]] },
  ]);

const stored = async (user: string, on: Pick<TempDb["sql"], "execute"> = db.sql) =>
  sorted((await on.execute({ sql: `SELECT ${COLUMNS.join(", ")} FROM transactions WHERE user_id = ?`, args: [user] })).rows.map((r) => COLUMNS.map((c) => r[c] as InValue)));
const sorted = (rows: InValue[][]) => [...rows].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));

describe("writeRows: bulk rows in the caller's transaction", () => {
  it(`stores ${N} transactions exactly (tabs, newlines, backslashes, quotes, non-ASCII, nulls, booleans), then upserts them by key`, async () => {
    const rows = txRows("usr_bulk", (i) => i * 7 - 5000);
    await inTransaction(async (tx) => {
      await setUp(tx, "usr_bulk");
      await writeRows(tx, [{ table: "transactions", columns: COLUMNS, rows }]);
    }, true);
    expect(await stored("usr_bulk")).toEqual(sorted(rows));

    // The same keys again with new amounts: the ON CONFLICT rule updates only the rows it allows.
    const again = txRows("usr_bulk", (i) => i);
    await inTransaction(async (tx) => {
      await writeRows(tx, [{ table: "transactions", columns: COLUMNS, rows: again, tail: 'ON CONFLICT("transaction_id") DO UPDATE SET "amount_cents" = excluded."amount_cents" WHERE excluded."amount_cents" % 2 = 0' }]);
    }, true);
    const expected = rows.map((r, i) => (i % 2 === 0 ? [...r.slice(0, 4), i, ...r.slice(5)] : r));
    expect(await stored("usr_bulk")).toEqual(sorted(expected));
  });

  it("a rolled-back transaction leaves nothing of what it wrote, and the next one writes as if it never happened", async () => {
    const tables = (await db.sql.execute(listTablesSql(db.sql))).rows.map((r) => String(r.name));
    await inTransaction(async (tx) => {
      await setUp(tx, "usr_gone");
      await writeRows(tx, [{ table: "transactions", columns: COLUMNS, rows: txRows("usr_gone", (i) => i) }]);
      expect((await stored("usr_gone", tx)).length).toBe(N); // written, inside the transaction
    }, false);
    expect(await stored("usr_gone")).toEqual([]);
    expect(Number((await db.sql.execute("SELECT COUNT(*) AS n FROM customers")).rows[0].n)).toBe(0);
    expect((await db.sql.execute(listTablesSql(db.sql))).rows.map((r) => String(r.name))).toEqual(tables);

    const rows = txRows("usr_gone", (i) => 1 - i);
    await inTransaction(async (tx) => {
      await setUp(tx, "usr_gone");
      await writeRows(tx, [{ table: "transactions", columns: COLUMNS, rows }]);
    }, true);
    expect(await stored("usr_gone")).toEqual(sorted(rows));
  });
});
