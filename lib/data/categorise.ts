// Fills in Plaid's personal_finance_category and our merchant link for input that lacks them
// (Plaid sandbox files, CSV). Plaid API data keeps the category Plaid sent.
import { MERCHANTS, type MerchantSeed } from "./merchants";
import { merchantNameFromDescriptor, normaliseMerchant } from "./merchant-normalise";

export interface Pfc {
  primary: string;
  detailed: string;
}

/** Merchant ids are the 1-based position in MERCHANTS, seeded into the `merchants` table. */
export interface KnownMerchant extends MerchantSeed {
  id: number;
}

const byEntity = new Map<string, KnownMerchant>();
const byAlias = new Map<string, KnownMerchant>();
MERCHANTS.forEach((m, i) => {
  const known: KnownMerchant = { ...m, id: i + 1 };
  byEntity.set(m.entity_id, known);
  for (const name of [m.canonical_name, ...m.aliases]) {
    const key = normaliseMerchant(name);
    if (!byAlias.has(key)) byAlias.set(key, known);
  }
});

export function merchantAliasKeys(): Array<[string, number]> {
  return [...byAlias.entries()].map(([alias, m]) => [alias, m.id]);
}

/** Entity id first (Plaid's own), then the merchant name, then the raw descriptor. */
export function findMerchant(t: { merchant_entity_id?: string | null; merchant_name?: string | null; name: string }): KnownMerchant | null {
  if (t.merchant_entity_id) {
    const hit = byEntity.get(t.merchant_entity_id);
    if (hit) return hit;
  }
  const candidates = [t.merchant_name, merchantNameFromDescriptor(t.name), t.name];
  for (const c of candidates) {
    if (!c) continue;
    const key = normaliseMerchant(c);
    const hit = byAlias.get(key);
    if (hit) return hit;
    // "STARBUCKS COFFEE" → "STARBUCKS": the longest known leading words.
    const words = key.split(" ");
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const prefix = byAlias.get(words.slice(0, n).join(" "));
      if (prefix) return prefix;
    }
  }
  return null;
}

const RULES: Array<{ test: RegExp; inflow?: boolean; pfc: Pfc }> = [
  { test: /OVERDRAFT|\bOD FEE/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_OVERDRAFT_FEES" } },
  { test: /\bNSF\b|INSUFFICIENT FUNDS|RETURNED ITEM/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_INSUFFICIENT_FUNDS" } },
  // PFC v1 has no late-fee category: Plaid files them under OTHER_BANK_FEES (the engine reads the descriptor).
  { test: /LATE (PAYMENT )?FEE/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_OTHER_BANK_FEES" } },
  { test: /ATM FEE|NON-NETWORK ATM/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_ATM_FEES" } },
  { test: /INTEREST CHARGE|PURCHASE INTEREST|FINANCE CHARGE/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_INTEREST_CHARGE" } },
  { test: /INTEREST (PAID|EARNED|PAYMENT)/, inflow: true, pfc: { primary: "INCOME", detailed: "INCOME_INTEREST_EARNED" } },
  { test: /PAYROLL|DIRECT DEP|DIR DEP|SALARY|\bADP\b|PAYCHEX|GUSTO/, inflow: true, pfc: { primary: "INCOME", detailed: "INCOME_WAGES" } },
  { test: /AUTOPAY|EPAYMENT|CARD PAYMENT|CREDIT CRD|PAYMENT THANK YOU|\bCRD\b.*PMT/, pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT" } },
  { test: /\bATM\b|CASH WITHDRAWAL/, pfc: { primary: "TRANSFER_OUT", detailed: "TRANSFER_OUT_WITHDRAWAL" } },
  { test: /TRANSFER|XFER|SEND MONEY|ZELLE|VENMO/, inflow: true, pfc: { primary: "TRANSFER_IN", detailed: "TRANSFER_IN_ACCOUNT_TRANSFER" } },
  { test: /TRANSFER|XFER|SEND MONEY|ZELLE|VENMO/, inflow: false, pfc: { primary: "TRANSFER_OUT", detailed: "TRANSFER_OUT_ACCOUNT_TRANSFER" } },
  { test: /\bRENT\b/, inflow: false, pfc: { primary: "RENT_AND_UTILITIES", detailed: "RENT_AND_UTILITIES_RENT" } },
  { test: /MORTGAGE/, inflow: false, pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_MORTGAGE_PAYMENT" } },
  { test: /STUDENT LOAN|NAVIENT|NELNET|DEPT OF ED/, inflow: false, pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT" } },
  { test: /\bLOAN\b/, inflow: false, pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_OTHER_PAYMENT" } },
];

/** The PFC of a transaction whose input did not carry one: merchant, then descriptor rules. */
export function inferPfc(name: string, amountCents: number, merchant: KnownMerchant | null): Pfc {
  const inflow = amountCents < 0;
  // A payroll processor's name on money going OUT is an employer paying wages, not income.
  const merchantIsInflow = merchant && (merchant.pfc_primary === "INCOME" || merchant.pfc_primary === "TRANSFER_IN");
  if (merchant && merchantIsInflow === inflow) return { primary: merchant.pfc_primary, detailed: merchant.pfc_detailed };
  const upper = name.toUpperCase();
  for (const r of RULES) {
    if (r.inflow !== undefined && r.inflow !== inflow) continue;
    if (r.test.test(upper)) return r.pfc;
  }
  return inflow
    ? { primary: "TRANSFER_IN", detailed: "TRANSFER_IN_DEPOSIT" }
    : { primary: "GENERAL_MERCHANDISE", detailed: "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE" };
}

/** Plaid's payment_channel when the input has none: web descriptors are online. */
export function inferPaymentChannel(name: string): "online" | "in store" | "other" {
  return /\.COM|WWW\.|ONLINE|\bWEB\b|HTTPS?:/i.test(name) ? "online" : "other";
}
