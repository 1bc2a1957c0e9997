// Format (d): CSV exports — customers.csv, accounts.csv and transactions.csv, told apart by
// their header. Each row is turned into the Plaid object it stands for and validated by the
// same zod schemas as JSON input, so a CSV error reads like a JSON one.
import type { z } from "zod";
import { bundleUserSchema, plaidAccountSchema, plaidTransactionSchema } from "../../validation/plaid";
import { parseCsv, CsvSyntaxError } from "../csv";
import type { IngestBatch, IngestIssue } from "../types";
import { accountRecord, transactionRecord, type AccountRef, type ParseContext } from "./bundle";

export type CsvKind = "customers" | "accounts" | "transactions";

const REQUIRED: Record<CsvKind, string[]> = {
  customers: ["user_id", "name"],
  accounts: ["user_id", "account_id", "type", "subtype", "name"],
  transactions: ["transaction_id", "account_id", "date", "amount", "name"],
};

export function csvKind(header: string[]): CsvKind | null {
  const has = (cols: string[]) => cols.every((c) => header.includes(c));
  if (has(REQUIRED.transactions)) return "transactions";
  if (has(REQUIRED.accounts)) return "accounts";
  if (has(REQUIRED.customers)) return "customers";
  return null;
}

/** Order that lets transactions find accounts and accounts find customers in one ingest. */
export const CSV_ORDER: Record<CsvKind, number> = { customers: 0, accounts: 1, transactions: 2 };

const NUMBER = /^-?\d+(\.\d+)?$/;
const num = (s: string | undefined) => (s === undefined || s === "" ? null : NUMBER.test(s.trim()) ? Number(s) : s);
/** "true"/"false" in any case ("True", "FALSE"); anything else is passed on for zod to refuse. */
const bool = (s: string | undefined) => {
  const v = s?.trim().toLowerCase();
  return v === undefined || v === "" ? null : v === "true" ? true : v === "false" ? false : s;
};
const str = (s: string | undefined) => (s === undefined || s === "" ? null : s);

function validate<T>(schema: z.ZodType<T>, value: unknown, file: string, record: string, issues: IngestIssue[]): T | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const iss of r.error.issues) {
    // Name the CSV column rather than the nested Plaid path where they differ.
    const path = iss.path.map(String).join(".");
    const field = path.replace(/^balances\./, "").replace(/^personal_finance_category\./, "personal_finance_category_");
    issues.push({ file, record, field, reason: iss.message });
  }
  return null;
}

export function parseCsvFile(text: string, ctx: ParseContext, batch: IngestBatch, refs: AccountRef[], issues: IngestIssue[]): void {
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      issues.push({ file: ctx.file, record: `line ${e.line}`, field: "", reason: e.message.replace(/^line \d+: /, "") });
      return;
    }
    throw e;
  }
  const kind = csvKind(table.header);
  if (!kind) {
    issues.push({
      file: ctx.file,
      record: "line 1",
      field: "",
      reason: `unrecognised header; a customers file needs ${REQUIRED.customers.join(", ")}; an accounts file ${REQUIRED.accounts.join(", ")}; a transactions file ${REQUIRED.transactions.join(", ")}`,
    });
    return;
  }
  const col = new Map(table.header.map((h, i) => [h, i]));
  const accounts = new Map(batch.accounts.map((a) => [a.account_id, a]));
  for (const { line, cells } of table.rows) {
    const record = `line ${line}`;
    if (cells.length !== table.header.length) {
      issues.push({ file: ctx.file, record, field: "", reason: `has ${cells.length} cells, the header has ${table.header.length}` });
      continue;
    }
    const get = (name: string) => {
      const i = col.get(name);
      return i === undefined ? undefined : cells[i];
    };
    if (kind === "customers") {
      const u = validate(
        bundleUserSchema,
        {
          user_id: get("user_id"),
          name: get("name"),
          consent: bool(get("consent")),
          age_band: str(get("age_band")),
          gender: str(get("gender")),
          region: str(get("region")),
          income_tier: str(get("income_tier")),
          credit_score: num(get("credit_score")),
        },
        ctx.file,
        record,
        issues,
      );
      if (u)
        batch.customers.push({
          user_id: u.user_id,
          name: u.name,
          consent: u.consent ?? null,
          age_band: u.age_band ?? null,
          gender: u.gender ?? null,
          region: u.region ?? null,
          income_tier: u.income_tier ?? null,
          credit_score: u.credit_score ?? null,
          source: ctx.source,
        });
    } else if (kind === "accounts") {
      const userId = get("user_id") ?? "";
      if (!userId) {
        issues.push({ file: ctx.file, record, field: "user_id", reason: "missing customer id" });
        continue;
      }
      const a = validate(
        plaidAccountSchema,
        {
          account_id: get("account_id"),
          balances: { available: num(get("available")), current: num(get("current")), limit: num(get("limit")), iso_currency_code: str(get("iso_currency_code")), unofficial_currency_code: str(get("unofficial_currency_code")) },
          mask: str(get("mask")),
          name: get("name"),
          official_name: str(get("official_name")),
          type: get("type"),
          subtype: str(get("subtype")),
          holder_category: str(get("holder_category")),
        },
        ctx.file,
        record,
        issues,
      );
      if (a) batch.accounts.push(accountRecord(a, userId, ctx.source));
    } else {
      const primary = str(get("personal_finance_category_primary"));
      const detailed = str(get("personal_finance_category_detailed"));
      const t = validate(
        plaidTransactionSchema,
        {
          transaction_id: get("transaction_id"),
          account_id: get("account_id"),
          date: get("date"),
          authorized_date: str(get("authorized_date")),
          amount: num(get("amount")),
          iso_currency_code: str(get("iso_currency_code")),
          unofficial_currency_code: str(get("unofficial_currency_code")),
          name: get("name"),
          merchant_name: str(get("merchant_name")),
          merchant_entity_id: str(get("merchant_entity_id")),
          payment_channel: str(get("payment_channel")) ?? "other",
          personal_finance_category: primary || detailed ? { primary, detailed } : null,
          pending: bool(get("pending")) ?? false,
        },
        ctx.file,
        record,
        issues,
      );
      if (!t) continue;
      // The owner comes from accounts.csv in the same ingest or from the database.
      const account = accounts.get(t.account_id);
      const owner = account?.user_id;
      const rec = transactionRecord(t, owner ?? ctx.userId ?? "", account ?? null);
      if (!owner) refs.push({ file: ctx.file, record, account_id: t.account_id, user_id: ctx.userId ?? null, tx: rec });
      batch.transactions.push(rec);
    }
  }
}
