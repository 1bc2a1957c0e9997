// Alerts over the real Plaid sandbox corpus (issue 15 §6; docs/real-data.md "Alerts"): each
// loadable file ingested into a real SQLite file, loaded as the engine loads it, run with consent
// at its latest transaction date. The alerts listed here were checked by hand against the raw files.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCustomerInputs } from "../db/queries/engine-input";
import { DEFAULT_CONFIG, run, type Alert } from "../engine";
import { tempDb } from "../testing/temp-db";
import { ingestFiles } from "./ingest";

const SANDBOX = path.resolve(__dirname, "../testing/plaid-sandbox");
const OPENAPI = path.resolve(__dirname, "../testing/plaid-openapi");

async function alertsFor(file: string, asOf?: string, opts: Parameters<typeof ingestFiles>[1] = {}, dir = SANDBOX): Promise<Alert[]> {
  const db = await tempDb();
  try {
    await ingestFiles([path.join(dir, file)], opts, db.sql);
    const ids = (await db.sql.execute("SELECT user_id FROM customers")).rows.map((r) => String(r.user_id));
    const [input] = await loadCustomerInputs(db.sql, ids);
    const latest = input.transactions.map((t) => t.date).sort().pop() ?? "2026-08-22";
    const r = run({ ...input, consent: true }, DEFAULT_CONFIG, asOf ?? latest, { catalog: [], recentlyShown: [] });
    if (!r.consent) throw new Error("refused");
    return r.alerts;
  } finally {
    await db.cleanup();
  }
}

/** Files that load (the refused ones are listed in real-plaid.test.ts) and raise no alert at their latest date. */
const QUIET = fs
  .readdirSync(SANDBOX)
  .filter((f) => f.endsWith(".json"))
  .filter((f) => !/^(blank_template|payroll_income|w2|paystub|ocr_failure|risk_signals)/.test(f))
  .filter((f) => f !== "assets_credit_categories.json");

describe("alerts on the real Plaid sandbox files", () => {
  it("assets_credit_categories: one alert per fee line (4 overdraft $89.00, 4 NSF $104.50, 3 ATM $8.50), no burst from a 1-day history", async () => {
    const alerts = await alertsFor("assets_credit_categories.json");
    expect(alerts.every((a) => a.kind === "fee_charged")).toBe(true);
    const byLabel = (re: RegExp) => alerts.filter((a) => re.test(a.message)).map((a) => a.trace.inputs.amount_cents as number);
    expect(byLabel(/ overdraft fee /).sort((a, b) => a - b)).toEqual([200, 1700, 3500, 3500]);
    expect(byLabel(/ insufficient funds fee /).sort((a, b) => a - b)).toEqual([900, 2950, 3200, 3400]);
    expect(byLabel(/ ATM fee /).sort((a, b) => a - b)).toEqual([250, 300, 300]);
    expect(alerts.filter((a) => a.severity === "warning")).toHaveLength(8);
  }, 60_000);

  it.each(QUIET)("%s raises no alert at its latest date", async (f) => {
    expect((await alertsFor(f)).map((a) => a.alert_key)).toEqual([]);
  }, 60_000);

  it("welderTestUser on 2026-09-03: the three loan payments of the 8th are upcoming (mature), amounts as in the file", async () => {
    const alerts = await alertsFor("welderTestUser.json", "2026-09-03");
    expect(alerts.map((a) => [a.alert_key, a.trace.inputs.typical_amount_cents, a.trace.inputs.stream_status])).toEqual([
      ["upcoming_payment:AUTO LOAN:2026-09-08", 52400, "mature"],
      ["upcoming_payment:MORTGAGE:2026-09-08", 274500, "mature"],
      ["upcoming_payment:STUDENT LOAN REPAYMENT:2026-09-08", 26700, "mature"],
    ]);
    expect(alerts[1].message).toBe("Mortgage usually charges $2,745.00 each month. The next charge is expected around September 8.");
  }, 60_000);

  it("liabilities_get (OpenAPI example): the card's next_payment_due_date is loaded and, 3 days before, is a payment due with its minimum", async () => {
    const alerts = await alertsFor("liabilities_get.json", "2020-05-25", { userId: "cust_liab" }, OPENAPI);
    expect(alerts.map((a) => [a.alert_key, a.severity])).toEqual([["payment_due:dVzbVMLjrxTnLjX4G66XUp5GLklm4oiZy88yK:2020-05-28", "warning"]]);
    expect(alerts[0].message).toBe(
      "The payment on your Plaid Credit Card ending in 3333 is due on May 28. The minimum payment is $20.00; the last statement balance was $1,708.77. Paying at least the minimum by the due date avoids a late fee.",
    );
    // 20 days out: beyond the 7-day horizon.
    expect(await alertsFor("liabilities_get.json", "2020-05-08", { userId: "cust_liab" }, OPENAPI)).toEqual([]);
  }, 60_000);
});
