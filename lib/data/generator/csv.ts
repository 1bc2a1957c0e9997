// CSV rows for the generator's customers, accounts and transactions files: RFC 4180 quoting,
// "\n" line ends, empty cells for null, amounts with exactly two decimals in Plaid's sign.
import type { PlaidBundle } from "../../validation/plaid";
import { csvCell } from "../csv";
import { formatDollars } from "./money";

export const CUSTOMER_COLUMNS = ["user_id", "name", "consent", "age_band", "gender", "region", "income_tier", "credit_score"] as const;
export const ACCOUNT_COLUMNS = [
  "user_id",
  "account_id",
  "type",
  "subtype",
  "name",
  "official_name",
  "mask",
  "available",
  "current",
  "limit",
  "iso_currency_code",
  "holder_category",
] as const;
export const TRANSACTION_COLUMNS = [
  "transaction_id",
  "account_id",
  "date",
  "authorized_date",
  "amount",
  "iso_currency_code",
  "name",
  "merchant_name",
  "merchant_entity_id",
  "payment_channel",
  "personal_finance_category_primary",
  "personal_finance_category_detailed",
  "pending",
] as const;


const money = (n: number | null | undefined) => (n === null || n === undefined ? "" : formatDollars(n));

export function csvLine(cells: readonly string[]): string {
  return `${cells.join(",")}\n`;
}

export function customerRow(b: PlaidBundle): string {
  const u = b.user;
  if (!u) return "";
  return csvLine([u.user_id, u.name, u.consent, u.age_band, u.gender, u.region, u.income_tier, u.credit_score].map(csvCell));
}

export function accountRows(b: PlaidBundle): string {
  const userId = csvCell(b.user?.user_id);
  let out = "";
  for (const a of b.accounts ?? []) {
    out += `${userId},${a.account_id},${a.type},${csvCell(a.subtype)},${csvCell(a.name)},${csvCell(a.official_name)},${csvCell(a.mask)},${money(a.balances.available)},${money(a.balances.current)},${money(a.balances.limit)},${csvCell(a.balances.iso_currency_code)},${csvCell(a.holder_category)}\n`;
  }
  return out;
}

/** Ids, dates, enums and PFC codes are quote-free by construction; free text goes through csvCell. */
export function transactionRows(b: PlaidBundle): string {
  let out = "";
  for (const t of b.transactions ?? []) {
    const pfc = t.personal_finance_category;
    out += `${csvCell(t.transaction_id)},${csvCell(t.account_id)},${t.date},${t.authorized_date ?? ""},${formatDollars(t.amount)},${t.iso_currency_code ?? ""},${csvCell(t.name)},${csvCell(t.merchant_name)},${t.merchant_entity_id ?? ""},${t.payment_channel},${pfc?.primary ?? ""},${pfc?.detailed ?? ""},${t.pending ? "true" : "false"}\n`;
  }
  return out;
}
