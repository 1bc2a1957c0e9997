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
const byCanonical = new Map<string, KnownMerchant>();
MERCHANTS.forEach((m, i) => {
  const known: KnownMerchant = { ...m, id: i + 1 };
  byEntity.set(m.entity_id, known);
  const canonical = normaliseMerchant(m.canonical_name);
  if (!byCanonical.has(canonical)) byCanonical.set(canonical, known);
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
    // "STARBUCKS COFFEE" → "STARBUCKS": the longest known leading words. Only a merchant's own
    // name may match as leading words: a descriptor alias normalises to something generic
    // ("APPLE.COM/BILL" → "APPLE"), which must not claim "APPLE STORE" for Apple iCloud.
    const words = key.split(" ");
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const prefix = byCanonical.get(words.slice(0, n).join(" "));
      if (prefix) return prefix;
    }
  }
  return null;
}

// Descriptor rules, first match wins; words match whole ("EPAYMENT" is not inside "REPAYMENT").
const RULES: Array<{ test: RegExp; inflow?: boolean; pfc: Pfc }> = [
  { test: /OVERDRAFT|\bOD FEE/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_OVERDRAFT_FEES" } },
  { test: /\bNSF\b|INSUFFICIENT FUNDS|RETURNED ITEM/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_INSUFFICIENT_FUNDS" } },
  // PFC v1 has no late-fee category: Plaid files them under OTHER_BANK_FEES (the engine reads the descriptor).
  { test: /LATE (PAYMENT )?FEE/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_OTHER_BANK_FEES" } },
  { test: /ATM FEE|NON-NETWORK ATM/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_ATM_FEES" } },
  { test: /INTEREST CHARGE|PURCHASE INTEREST|FINANCE CHARGE/, pfc: { primary: "BANK_FEES", detailed: "BANK_FEES_INTEREST_CHARGE" } },
  { test: /\b(INTEREST|INTRST|INT) (PAID|EARNED|PAYMENT|PYMNT|PMT)\b/, inflow: true, pfc: { primary: "INCOME", detailed: "INCOME_INTEREST_EARNED" } },
  // Benefits: Social Security and pensions, unemployment, veterans' and other government benefits.
  { test: /SOCIAL SECURITY|\bSSA\b|\bSOC SEC\b|PENSION|ANNUITY|RETIREMENT PAY/, inflow: true, pfc: { primary: "INCOME", detailed: "INCOME_RETIREMENT_PENSION" } },
  { test: /UNEMPLOYMENT|\bUI BENEFIT|\bEDD\b.*\bUI\b/, inflow: true, pfc: { primary: "INCOME", detailed: "INCOME_UNEMPLOYMENT" } },
  { test: /\bVA BENEFIT|\bVACP\b|VETERANS? (AFFAIRS|BENEFIT)|\bBENEFITS?\b|CHILD SUPPORT|\bSNAP\b|\bTANF\b/, inflow: true, pfc: { primary: "INCOME", detailed: "INCOME_OTHER_INCOME" } },
  { test: /PAYROLL|PAYCHECK|DIRECT DEP|DIR DEP|SALARY|\bWAGES?\b|\bADP\b|PAYCHEX|GUSTO/, inflow: true, pfc: { primary: "INCOME", detailed: "INCOME_WAGES" } },
  // Platform payouts (gig work, marketplaces) and any other "payout" into the account.
  {
    test: /\b(UBER|LYFT|DOORDASH|DASHER|INSTACART|MAPLEBEAR|SHIPT|GRUBHUB|POSTMATES|TASKRABBIT|ROVER|UPWORK|FIVERR|ETSY|AMAZON FLEX)\b.*\b(PAYOUT|PAYMENT|PAY|DEPOSIT|EARNINGS|TRANSFER)\b|\bPAYOUT\b/,
    inflow: true,
    pfc: { primary: "INCOME", detailed: "INCOME_OTHER_INCOME" },
  },
  {
    test: /AUTOPAY|\bE-?PAYMENT\b|CARD PAYMENT|CREDIT CARD\b.*\bPAYMENT\b|CREDIT CRD|AUTOMATIC PAYMENT|PAYMENT - THANK|PAYMENT THANK YOU|\bCRD\b.*PMT/,
    pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT" },
  },
  { test: /\bATM\b|CASH WITHDRAWAL/, pfc: { primary: "TRANSFER_OUT", detailed: "TRANSFER_OUT_WITHDRAWAL" } },
  { test: /TRANSFER|XFER|SEND MONEY|ZELLE|VENMO/, inflow: true, pfc: { primary: "TRANSFER_IN", detailed: "TRANSFER_IN_ACCOUNT_TRANSFER" } },
  { test: /TRANSFER|XFER|SEND MONEY|ZELLE|VENMO/, inflow: false, pfc: { primary: "TRANSFER_OUT", detailed: "TRANSFER_OUT_ACCOUNT_TRANSFER" } },
  { test: /\bRENT\b/, inflow: false, pfc: { primary: "RENT_AND_UTILITIES", detailed: "RENT_AND_UTILITIES_RENT" } },
  { test: /MORTGAGE/, inflow: false, pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_MORTGAGE_PAYMENT" } },
  { test: /STUDENT LOAN|NAVIENT|NELNET|DEPT OF ED/, inflow: false, pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT" } },
  { test: /\b(AUTO|CAR|VEHICLE) LOAN\b/, inflow: false, pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_CAR_PAYMENT" } },
  { test: /\bLOAN\b/, inflow: false, pfc: { primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_OTHER_PAYMENT" } },
];

// Plaid's legacy `category` hierarchy → PFC, most specific path first. Paths that say no more
// than the descriptor does (["Transfer", "Deposit"], ["Transfer", "Credit"]) are left out, so
// the descriptor rules still decide those.
const LEGACY: Array<[string, string]> = [
  ["Transfer > Payroll", "INCOME_WAGES"],
  ["Transfer > Payroll > Benefits", "INCOME_OTHER_INCOME"],
  ["Interest > Interest Earned", "INCOME_INTEREST_EARNED"],
  ["Interest > Interest Charged", "BANK_FEES_INTEREST_CHARGE"],
  ["Tax > Refund", "INCOME_TAX_REFUND"],
  ["Payment > Credit Card", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"],
  ["Payment > Rent", "RENT_AND_UTILITIES_RENT"],
  ["Payment > Loan", "LOAN_PAYMENTS_OTHER_PAYMENT"],
  ["Service > Financial > Loans and Mortgages", "LOAN_PAYMENTS_MORTGAGE_PAYMENT"],
  ["Bank Fees > Overdraft", "BANK_FEES_OVERDRAFT_FEES"],
  ["Bank Fees > Insufficient Funds", "BANK_FEES_INSUFFICIENT_FUNDS"],
  ["Bank Fees > Late Payment", "BANK_FEES_OTHER_BANK_FEES"],
  ["Bank Fees > ATM", "BANK_FEES_ATM_FEES"],
  ["Bank Fees", "BANK_FEES_OTHER_BANK_FEES"],
  ["Transfer > Withdrawal", "TRANSFER_OUT_WITHDRAWAL"],
  ["Transfer > Internal Account Transfer", "TRANSFER_OUT_ACCOUNT_TRANSFER"],
  ["Transfer > Savings", "TRANSFER_OUT_SAVINGS"],
  ["Food and Drink > Restaurants > Coffee Shop", "FOOD_AND_DRINK_COFFEE"],
  ["Food and Drink > Restaurants", "FOOD_AND_DRINK_RESTAURANT"],
  ["Food and Drink", "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK"],
  ["Shops > Supermarkets and Groceries", "FOOD_AND_DRINK_GROCERIES"],
  ["Shops", "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"],
  ["Travel > Airlines and Aviation Services", "TRAVEL_FLIGHTS"],
  ["Travel > Taxi", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES"],
  ["Travel > Gas Stations", "TRANSPORTATION_GAS"],
  ["Travel > Lodging", "TRAVEL_LODGING"],
  ["Travel", "TRAVEL_OTHER_TRAVEL"],
  ["Recreation > Gyms and Fitness Centers", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS"],
  ["Recreation", "ENTERTAINMENT_OTHER_ENTERTAINMENT"],
  ["Service > Subscription", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES"],
  ["Service > Utilities", "RENT_AND_UTILITIES_OTHER_UTILITIES"],
  ["Service > Telecommunication Services", "RENT_AND_UTILITIES_TELEPHONE"],
  ["Service > Cable", "RENT_AND_UTILITIES_INTERNET_AND_CABLE"],
  ["Service > Insurance", "GENERAL_SERVICES_INSURANCE"],
  ["Service", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES"],
  ["Healthcare", "MEDICAL_OTHER_MEDICAL"],
  ["Community > Government Departments and Agencies", "GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES"],
  ["Tax > Payment", "GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT"],
];
const legacyMap = new Map(LEGACY.map(([path, detailed]) => [path.toUpperCase(), { primary: primaryOfDetailed(detailed), detailed }]));

function primaryOfDetailed(detailed: string): string {
  const known = ["GOVERNMENT_AND_NON_PROFIT", "RENT_AND_UTILITIES", "GENERAL_MERCHANDISE", "GENERAL_SERVICES", "FOOD_AND_DRINK", "LOAN_PAYMENTS", "TRANSFER_OUT", "TRANSFER_IN", "PERSONAL_CARE", "TRANSPORTATION", "ENTERTAINMENT", "BANK_FEES"];
  return known.find((p) => detailed.startsWith(`${p}_`)) ?? detailed.split("_")[0];
}

/** The PFC for Plaid's legacy `category` path (e.g. ["Transfer", "Payroll"]), or null when the path says nothing decisive. */
export function pfcFromLegacyCategory(category: readonly string[] | null | undefined): Pfc | null {
  if (!category?.length) return null;
  for (let n = category.length; n >= 1; n--) {
    const hit = legacyMap.get(category.slice(0, n).join(" > ").toUpperCase());
    if (hit) return hit;
  }
  return null;
}

/**
 * The PFC of a transaction whose input did not carry one: Plaid's legacy category when it is
 * decisive, then the merchant, then descriptor rules.
 */
export function inferPfc(name: string, amountCents: number, merchant: KnownMerchant | null, legacyCategory?: readonly string[] | null): Pfc {
  const legacy = pfcFromLegacyCategory(legacyCategory);
  if (legacy) return legacy;
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
