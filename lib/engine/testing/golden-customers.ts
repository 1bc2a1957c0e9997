// Golden customers: small, hand-built engine inputs whose expected signals, personas and
// recommendations were worked out with pencil and paper from the SPEC (§3) and the definitions
// in lib/engine/config.ts, not by running the engine. engine.golden.test.ts pins them.
//
// Conventions (the engine's CustomerInput): integer cents, ISO dates, Plaid's sign (a positive
// amount is money leaving the account, a negative one money coming in). Every case ends on
// GOLDEN_AS_OF = 2026-10-31, a Saturday. With DEFAULT_CONFIG that gives:
//   30d window   2026-10-02 … 2026-10-31  (÷1 for "per month"), lookback 2026-08-03 … (90 days)
//   180d window  2026-05-05 … 2026-10-31  (÷6 for "per month"), lookback the same 180 days
//   sufficient when history ≥ windows[w].minHistoryDays (30d: 60 days; 180d: 90) and the
//   lookback holds settled activity — not by a count of transactions;
//   history = asOf − first date + 1. Every case but insufficientData has ≥ 180 days of history.
//
// Shared building blocks, and their sums (used by several cases below):
//   PAYROLL  every 14 days from Fri 2026-05-01 to Fri 2026-10-30: 14 deposits
//            (05-01 05-15 05-29 06-12 06-26 07-10 07-24 08-07 08-21 09-04 09-18 10-02 10-16 10-30).
//            In the 180d window: 13 (05-01 falls before 05-05). In the 90d lookback: 7 (08-07 on).
//            In the 30d window: 3 (10-02, 10-16, 10-30). Every gap 14 → median 14, biweekly
//            (the days of month are not all near the 1st/15th, so not semi-monthly).
//            A case that starts with payroll has history 2026-05-01 … 10-31 = 184 days.
//   GROCERIES  every Saturday from 2026-05-09 to 2026-10-31: 26 purchases, amounts cycling
//            $84.23, $61.50, $99.77, $73.12 (k = 0…25, amount = cycle[k mod 4]).
//            180d sum = 7×8423 + 7×6150 + 6×9977 + 6×7312 = 58,961 + 43,050 + 59,862 + 43,872
//                     = 205,745 cents.
//            30d (k = 21…25: 10-03 10-10 10-17 10-24 10-31) = 6150 + 9977 + 7312 + 8423 + 6150
//                     = 38,012 cents; 5 purchases.
//            Each amount is > 5% away from the one before, so the stream would need > 1 price
//            change: never a recurring stream (SPEC: frequent spending is not a subscription).
//   FUEL     every Wednesday from 2026-05-06 to 2026-10-28: 26 purchases alternating $42.10,
//            $35.60. 180d sum = 13 × 7,770 = 101,010 cents. 30d (10-07 10-14 10-21 10-28, k = 22…25)
//            = 4210 + 3560 + 4210 + 3560 = 15,540 cents; 4 purchases. Never a stream (same reason).
//   RENT     the 5th of each month May … October (6 charges, all inside the 180d window; 08-05,
//            09-05, 10-05 inside the 90d lookback → a monthly stream in both windows, classed
//            as a bill: merchant_kind "bill", PFC RENT_AND_UTILITIES). 30d: 1 charge (10-05).
//            monthly_cents of a monthly stream = typical × 30.4375 / 30.4375 = the typical amount.
//   PHONE    Verizon $65.00 on the 14th, May … October: a second monthly bill stream.
//
// Persona rules and strengths are DEFAULT_CONFIG.personas; recommendation scores are
// 3 (primary persona) or 1.5 (secondary) + 2 per fired trigger; the expected picks per case are
// worked out in engine.golden.test.ts next to the assertions.
import { dayFromIso, isoFromDay } from "../../data/dates";
import type { CustomerInput, EngineAccount, EngineCreditLiability, EngineTransaction, MerchantKind } from "../types";

export const GOLDEN_AS_OF = "2026-10-31";

const MONTHS = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"] as const;

/** The same day of month, May … October 2026. */
export function monthlyDates(dayOfMonth: number): string[] {
  return MONTHS.map((m) => `${m}-${String(dayOfMonth).padStart(2, "0")}`);
}

/** `count` dates `step` days apart, starting at `first`. */
export function everyNDays(first: string, step: number, count: number): string[] {
  const start = dayFromIso(first);
  return Array.from({ length: count }, (_, i) => isoFromDay(start + i * step));
}

export const PAYROLL_DATES = everyNDays("2026-05-01", 14, 14);
export const GROCERY_DATES = everyNDays("2026-05-09", 7, 26);
export const GROCERY_CYCLE = [8423, 6150, 9977, 7312] as const;
export const FUEL_DATES = everyNDays("2026-05-06", 7, 26);
export const FUEL_CYCLE = [4210, 3560] as const;

type Pfc = readonly [primary: string, detailed: string];

const PFC = {
  wages: ["INCOME", "INCOME_WAGES"],
  otherIncome: ["INCOME", "INCOME_OTHER_INCOME"],
  rent: ["RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT"],
  phone: ["RENT_AND_UTILITIES", "RENT_AND_UTILITIES_TELEPHONE"],
  groceries: ["FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES"],
  coffee: ["FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE"],
  fuel: ["TRANSPORTATION", "TRANSPORTATION_GAS"],
  tv: ["ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"],
  music: ["ENTERTAINMENT", "ENTERTAINMENT_MUSIC_AND_AUDIO"],
  software: ["GENERAL_SERVICES", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES"],
  gym: ["PERSONAL_CARE", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS"],
  accounting: ["GENERAL_SERVICES", "GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING"],
  interest: ["BANK_FEES", "BANK_FEES_INTEREST_CHARGE"],
  overdraft: ["BANK_FEES", "BANK_FEES_OVERDRAFT_FEES"],
  nsf: ["BANK_FEES", "BANK_FEES_INSUFFICIENT_FUNDS"],
  cardPayment: ["LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"],
  toSavings: ["TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"],
  fromChecking: ["TRANSFER_IN", "TRANSFER_IN_SAVINGS"],
} as const satisfies Record<string, Pfc>;

interface TxExtra {
  merchant_name?: string | null;
  merchant_entity_id?: string | null;
  merchant_kind?: MerchantKind | null;
  pending?: boolean;
}

/** Collects one customer's transactions with stable ids: `<user>-t001`, `<user>-t002`, … */
function ledger(userId: string) {
  const transactions: EngineTransaction[] = [];
  const add = (account_id: string, date: string, amount_cents: number, name: string, pfc: Pfc, extra: TxExtra = {}) => {
    transactions.push({
      transaction_id: `${userId}-t${String(transactions.length + 1).padStart(3, "0")}`,
      account_id,
      date,
      amount_cents,
      name,
      merchant_name: extra.merchant_name ?? null,
      merchant_entity_id: extra.merchant_entity_id ?? null,
      merchant_kind: extra.merchant_kind ?? null,
      pfc_primary: pfc[0],
      pfc_detailed: pfc[1],
      pending: extra.pending ?? false,
    });
  };
  return { transactions, add };
}

type Ledger = ReturnType<typeof ledger>;

function checking(account_id: string, mask: string, balanceCents: number): EngineAccount {
  return { account_id, type: "depository", subtype: "checking", name: "Everyday Checking", mask, current_cents: balanceCents, available_cents: balanceCents, limit_cents: null, holder_category: "personal" };
}

function savings(account_id: string, mask: string, balanceCents: number): EngineAccount {
  return { account_id, type: "depository", subtype: "savings", name: "Savings", mask, current_cents: balanceCents, available_cents: balanceCents, limit_cents: null, holder_category: "personal" };
}

function creditCard(account_id: string, name: string, mask: string, balanceCents: number, limitCents: number, holder: "personal" | "business" = "personal"): EngineAccount {
  return { account_id, type: "credit", subtype: "credit card", name, mask, current_cents: balanceCents, available_cents: limitCents - balanceCents, limit_cents: limitCents, holder_category: holder };
}

function payroll(l: Ledger, account: string, amountCents: number, employer: string): void {
  for (const d of PAYROLL_DATES) l.add(account, d, -amountCents, `${employer} PAYROLL`, PFC.wages, { merchant_name: employer, merchant_kind: "income" });
}

function rent(l: Ledger, account: string, amountCents: number): void {
  for (const d of monthlyDates(5)) l.add(account, d, amountCents, "OAKWOOD PROPERTY MGMT RENT", PFC.rent, { merchant_name: "Oakwood Property Management", merchant_kind: "bill" });
}

function phone(l: Ledger, account: string): void {
  for (const d of monthlyDates(14)) l.add(account, d, 6500, "VERIZON WIRELESS DES:PAYMENTS", PFC.phone, { merchant_name: "Verizon", merchant_kind: "bill" });
}

function groceries(l: Ledger, account: string): void {
  GROCERY_DATES.forEach((d, k) => l.add(account, d, GROCERY_CYCLE[k % 4], "SAFEWAY #1432 OAKLAND CA", PFC.groceries, { merchant_name: "Safeway", merchant_kind: "everyday" }));
}

function fuel(l: Ledger, account: string): void {
  FUEL_DATES.forEach((d, k) => l.add(account, d, FUEL_CYCLE[k % 2], "SHELL OIL 57444 OAKLAND CA", PFC.fuel, { merchant_name: "Shell", merchant_kind: "everyday" }));
}

/**
 * highUtilization — Visa ending in 4523 at 68%, paying the minimum, charged interest.
 *
 * Accounts: checking (balance $6,200) and a Visa (balance $3,400, limit $5,000).
 * Transactions (58): PAYROLL $2,000 (checking); RENT $1,200 (checking); a $35.00 card payment
 * on the 20th (checking, LOAN_PAYMENTS_CREDIT_CARD_PAYMENT: not spend, never a stream);
 * $87.00 interest on the 25th of each month (Visa, BANK_FEES_INTEREST_CHARGE: spend, but never a
 * fee and never a stream); GROCERIES on the Visa.
 * Liability: minimum $35, last payment $35, last statement $3,350, not overdue.
 *
 * Worked out:
 *   utilisation = floor(340,000 × 100 / 500,000) = 68% → flags ≥30 and ≥50, not ≥80.
 *   interest 180d = 6 × 8,700 = 52,200 → 8,700 a month; 30d = 8,700 (10-25) → 8,700.
 *   minimum-payment-only: 3,500 ≤ 3,500 × 1.1 and 335,000 owed > 3,500 → true.
 *   spend 180d = 52,200 interest + 6 × 120,000 rent + 205,745 groceries = 977,945 → 162,991/mo;
 *   spend 30d = 8,700 + 120,000 + 38,012 = 166,712.
 *   buffer = 620,000 ÷ 162,991 = 3.80 → 3.8 (180d); 620,000 ÷ 166,712 = 3.72 → 3.7 (30d).
 *   income: biweekly $2,000 → pay rate 200,000 × 30.4375 ÷ 14 = 434,821/mo in both windows.
 *   transactions in window: 30d 3 + 1 + 1 + 1 + 5 = 11; 180d 13 + 6 + 6 + 6 + 26 = 57.
 *   streams: rent only (bill, $1,200/mo); subscription_count 0.
 * Persona: High Utilization (utilisation, interest and minimum-only met = 3 checks ≥ 2 → strong),
 * no other persona (median pay gap 14, no fees, no subscriptions, no savings account).
 * Credit score 640: below the balance-transfer card (670) and consolidation loan (660) offers.
 */
export function highUtilization(userId = "golden-high-utilization", consent = true): CustomerInput {
  const l = ledger(userId);
  const chk = `${userId}-checking`;
  const visa = `${userId}-visa`;
  payroll(l, chk, 200000, "ACME LOGISTICS");
  rent(l, chk, 120000);
  for (const d of monthlyDates(20)) l.add(chk, d, 3500, "VISA CARD PAYMENT", PFC.cardPayment);
  for (const d of monthlyDates(25)) l.add(visa, d, 8700, "INTEREST CHARGE ON PURCHASES", PFC.interest, { merchant_kind: "fee" });
  groceries(l, visa);
  const credit: EngineCreditLiability[] = [
    {
      account_id: visa,
      aprs: [{ apr_type: "purchase_apr", apr_percentage: 24.99, interest_charge_amount_cents: 8700 }],
      minimum_payment_cents: 3500,
      last_payment_cents: 3500,
      last_payment_date: "2026-10-20",
      last_statement_balance_cents: 335000,
      last_statement_issue_date: "2026-10-25",
      is_overdue: false,
    },
  ];
  return {
    user_id: userId,
    consent,
    credit_score: 640,
    accounts: [checking(chk, "1111", 620000), creditCard(visa, "Visa", "4523", 340000, 500000)],
    transactions: l.transactions,
    credit,
  };
}

/**
 * variableIncome — one studio's payroll and contract pay 52–64 days apart, a checking balance under a month.
 *
 * Accounts: checking only ($420). No cards, no savings.
 * Pay (4), all from Northwind Studio (one income source: the pay gap is measured per payer, so
 * the irregularity is one payer's, not two payers interleaved):
 *          05-06 $2,400 (INCOME_WAGES), 07-05 $3,100 (INCOME_OTHER_INCOME, contract payout),
 *          09-07 $1,850 (INCOME_WAGES), 10-29 $2,750 (INCOME_OTHER_INCOME).
 *   gaps: 05-06→07-05 = 60, 07-05→09-07 = 64, 09-07→10-29 = 52 days.
 * Spending on checking: RENT $950, PHONE, GROCERIES, FUEL. 68 transactions; first 05-05.
 *
 * Worked out:
 *   180d: all 4 pays → median of [52, 60, 64] = 60 days, frequency irregular (> 35),
 *         2 payroll + 2 other deposits, income 1,010,000 ÷ 6 = 168,333/mo.
 *   30d (90-day lookback from 08-03): 09-07 and 10-29 → one gap of 52 → median 52,
 *         1 payroll + 1 other, income 460,000 ÷ 3 = 153,333/mo.
 *   spend 180d = 6×95,000 + 6×6,500 + 205,745 + 101,010 = 915,755 → 152,626/mo;
 *   spend 30d  = 95,000 + 6,500 + 38,012 + 15,540 = 155,052.
 *   buffer = 42,000 ÷ 152,626 = 0.28 → 0.3; 42,000 ÷ 155,052 = 0.27 → 0.3.
 *   bills: rent + phone → 2 bills, 95,000 + 6,500 = 101,500 a month.
 *   transactions in window: 30d 1 + 1 + 1 + 5 + 4 = 12; 180d 68. history 05-05 … 10-31 = 180 days.
 * Persona: Variable Income Budgeter (gap > 45 and buffer < 1). Strong needs gap ≥ 60 and
 * buffer < 0.5: 180d strong (60, 0.3), 30d moderate (52).
 */
export function variableIncome(userId = "golden-variable-income"): CustomerInput {
  const l = ledger(userId);
  const chk = `${userId}-checking`;
  l.add(chk, "2026-05-06", -240000, "NORTHWIND STUDIO PAYROLL", PFC.wages, { merchant_name: "Northwind Studio", merchant_kind: "income" });
  l.add(chk, "2026-07-05", -310000, "NORTHWIND STUDIO CONTRACT PAYOUT", PFC.otherIncome, { merchant_name: "Northwind Studio", merchant_kind: "income" });
  l.add(chk, "2026-09-07", -185000, "NORTHWIND STUDIO PAYROLL", PFC.wages, { merchant_name: "Northwind Studio", merchant_kind: "income" });
  l.add(chk, "2026-10-29", -275000, "NORTHWIND STUDIO CONTRACT PAYOUT", PFC.otherIncome, { merchant_name: "Northwind Studio", merchant_kind: "income" });
  rent(l, chk, 95000);
  phone(l, chk);
  groceries(l, chk);
  fuel(l, chk);
  return { user_id: userId, consent: true, credit_score: 610, accounts: [checking(chk, "2201", 42000)], transactions: l.transactions, credit: [] };
}

/** The feeFighter household: PAYROLL $1,450, RENT $1,100, PHONE, GROCERIES, FUEL on one checking account at $210. */
function feeHousehold(userId: string) {
  const l = ledger(userId);
  const chk = `${userId}-checking`;
  payroll(l, chk, 145000, "BRIGHTSIDE CAFE");
  rent(l, chk, 110000);
  phone(l, chk);
  groceries(l, chk);
  fuel(l, chk);
  return { l, chk };
}

/**
 * feeFighter — two $34 overdraft fees this month and an NSF fee in July.
 *
 * Accounts: checking only ($210). The feeHousehold above plus three fees on checking:
 * NSF $34.00 on 07-17, overdraft $34.00 on 10-09 and 10-23. 81 transactions.
 *
 * Worked out:
 *   30d fees: overdraft 2 / 6,800; insufficient funds 0; penalty 2 / 6,800 → Fee Fighter
 *     (2 ≥ 2 fees, and 6,800 ≥ 3,000); moderate (needs 4 fees or 10,000).
 *   180d fees: overdraft 2 / 6,800; insufficient funds 1 / 3,400; penalty 3 / 10,200 → strong.
 *   spend 180d = 6×110,000 + 6×6,500 + 205,745 + 101,010 + 10,200 fees = 1,015,955 → 169,326/mo;
 *   spend 30d  = 110,000 + 6,500 + 38,012 + 15,540 + 6,800 = 176,852.
 *   buffer = 21,000 ÷ 169,326 = 0.12 → 0.1; 21,000 ÷ 176,852 = 0.12 → 0.1 (under a month, but the
 *     median pay gap is 14, so not Variable Income).
 *   income: biweekly $1,450 → pay rate 145,000 × 30.4375 ÷ 14 = 315,248/mo in both windows.
 *   transactions in window: 30d 3 + 1 + 1 + 5 + 4 + 2 = 16; 180d 13 + 6 + 6 + 26 + 26 + 3 = 80.
 */
export function feeFighter(userId = "golden-fee-fighter"): CustomerInput {
  const { l, chk } = feeHousehold(userId);
  l.add(chk, "2026-07-17", 3400, "NSF RETURNED ITEM FEE", PFC.nsf, { merchant_kind: "fee" });
  l.add(chk, "2026-10-09", 3400, "OVERDRAFT ITEM FEE", PFC.overdraft, { merchant_kind: "fee" });
  l.add(chk, "2026-10-23", 3400, "OVERDRAFT ITEM FEE", PFC.overdraft, { merchant_kind: "fee" });
  return { user_id: userId, consent: true, credit_score: 590, accounts: [checking(chk, "3301", 21000)], transactions: l.transactions, credit: [] };
}

export const NETFLIX_ENTITY = "NCmBKAwmBtcb7ZDx9y2VVMZEHocr4wIZhsHyV";

/**
 * subscriptionHeavy — four subscriptions (one price rise) beside rent and weekly groceries.
 *
 * Accounts: checking ($4,800). Everything below is on checking.
 * PAYROLL $2,600; RENT $1,400 (merchant_kind "bill"); GROCERIES (varying amounts).
 * Subscriptions (merchant_kind "subscription", Plaid entity ids, so stream keys are "entity:…"):
 *   Netflix on the 12th: $15.49 May–Aug, $17.99 Sep–Oct (+16%: one price change, on 09-12);
 *   Spotify $11.99 on the 8th; Hulu $7.99 on the 20th; Adobe $54.99 on the 25th.
 * 70 transactions.
 *
 * Worked out:
 *   streams (both windows): rent (bill) and the four subscriptions, all monthly; groceries are
 *     not a stream. Typical amount = the latest price, so monthly subscriptions =
 *     1,799 + 1,199 + 799 + 5,499 = 9,296 → 4 subscriptions, $92.96 a month; 1 bill, $1,400.
 *   Netflix 180d: 6 charges from 05-12, price change {09-12: 1,549 → 1,799}, next 11-12.
 *   Netflix 30d (lookback from 08-03): 3 charges 08-12 (1,549), 09-12, 10-12 (1,799) → the same
 *     price change is seen.
 *   spend 180d = 6×140,000 + (4×1,549 + 2×1,799 + 6×1,199 + 6×799 + 6×5,499 = 54,776)
 *     + 205,745 = 1,100,521 → 183,420/mo; share = 9,296 ÷ 183,420 = 5.07% → 5.1.
 *   spend 30d = 140,000 + (1,199 + 1,799 + 799 + 5,499 = 9,296) + 38,012 = 187,308;
 *     share = 9,296 ÷ 187,308 = 4.96% → 5.0.
 *   buffer = 480,000 ÷ 183,420 = 2.6; 480,000 ÷ 187,308 = 2.6.
 *   transactions in window: 30d 3 + 1 + 4 + 5 = 13; 180d 13 + 6 + 24 + 26 = 69.
 * Persona: Subscription-Heavy (4 ≥ 3 and $92.96 ≥ $50; the share is under 10%), moderate
 * (strong needs 5 subscriptions or $100 a month). Nothing else matches.
 */
export function subscriptionHeavy(userId = "golden-subscription-heavy"): CustomerInput {
  const l = ledger(userId);
  const chk = `${userId}-checking`;
  payroll(l, chk, 260000, "CONTOSO HEALTH");
  rent(l, chk, 140000);
  monthlyDates(12).forEach((d, i) =>
    l.add(chk, d, i < 4 ? 1549 : 1799, "NETFLIX.COM", PFC.tv, { merchant_name: "Netflix", merchant_entity_id: NETFLIX_ENTITY, merchant_kind: "subscription" }),
  );
  for (const d of monthlyDates(8)) l.add(chk, d, 1199, "SPOTIFY USA", PFC.music, { merchant_name: "Spotify", merchant_entity_id: "FEpIf6d2QE0MLBr1s0FtFTlia10MJE9Y4EGkc", merchant_kind: "subscription" });
  for (const d of monthlyDates(20)) l.add(chk, d, 799, "HULU 877-8244858 CA", PFC.tv, { merchant_name: "Hulu", merchant_entity_id: "vkBmcu43lPJOZEzYstv82yDEzjz257PZdxRpg", merchant_kind: "subscription" });
  for (const d of monthlyDates(25)) l.add(chk, d, 5499, "ADOBE *CREATIVE CLOUD", PFC.software, { merchant_name: "Adobe", merchant_entity_id: "CFhjcIZDLw1TQOLGSmXh9A2K3vZGfKtdj966N", merchant_kind: "subscription" });
  groceries(l, chk);
  return { user_id: userId, consent: true, credit_score: 700, accounts: [checking(chk, "4401", 480000)], transactions: l.transactions, credit: [] };
}

/**
 * savingsBuilder — $400 into savings every month, one card at 10%.
 *
 * Accounts: checking ($3,500), savings ending 5510 ($12,000), Mastercard ending 8812
 * ($600 of $6,000).
 * PAYROLL $2,300, RENT $1,250, PHONE on checking; GROCERIES on the Mastercard; a $600 card payment
 * on the 22nd (checking); $400 on the 16th out of checking (TRANSFER_OUT_SAVINGS) and into
 * savings (TRANSFER_IN_SAVINGS). Liability: minimum $25, last payment $600 = statement balance
 * (paid in full), no interest. 70 transactions.
 *
 * Worked out:
 *   savings 180d: net inflow 6 × 40,000 = 240,000 → 40,000/mo; start balance 1,200,000 −
 *     240,000 = 960,000 → growth 25%.
 *   savings 30d: net inflow 40,000 (10-16) → 40,000/mo; start 1,160,000 → growth 3.45% → 3.4.
 *   spend (transfers and card payments are not spend) 180d = 6×125,000 + 6×6,500 + 205,745
 *     = 994,745 → 165,791/mo; 30d = 125,000 + 6,500 + 38,012 = 169,512.
 *   emergency fund = 1,200,000 ÷ 165,791 = 7.2 months (180d); ÷ 169,512 = 7.1 (30d).
 *   utilisation floor(60,000 × 100 / 600,000) = 10%; not minimum-only (paid in full).
 *   transactions in window: 30d 3 + 1 + 1 + 5 + 1 + 2 = 13; 180d 13 + 6 + 6 + 26 + 6 + 12 = 69.
 * Persona: Savings Builder ($400 ≥ $200 a month and every card < 30%). Strong needs $500 a
 * month or 5% growth: 180d strong (25%), 30d moderate (3.4%, $400).
 */
export function savingsBuilder(userId = "golden-savings-builder"): CustomerInput {
  const l = ledger(userId);
  const chk = `${userId}-checking`;
  const sav = `${userId}-savings`;
  const card = `${userId}-mastercard`;
  payroll(l, chk, 230000, "FABRIKAM INC");
  rent(l, chk, 125000);
  phone(l, chk);
  groceries(l, card);
  for (const d of monthlyDates(22)) l.add(chk, d, 60000, "MASTERCARD EPAYMENT", PFC.cardPayment);
  for (const d of monthlyDates(16)) {
    l.add(chk, d, 40000, "ONLINE TRANSFER TO SAVINGS XXXXXX5510", PFC.toSavings, { merchant_kind: "transfer" });
    l.add(sav, d, -40000, "ONLINE TRANSFER FROM CHECKING XXXXXX5501", PFC.fromChecking, { merchant_kind: "transfer" });
  }
  return {
    user_id: userId,
    consent: true,
    credit_score: 760,
    accounts: [checking(chk, "5501", 350000), savings(sav, "5510", 1200000), creditCard(card, "Mastercard", "8812", 60000, 600000)],
    transactions: l.transactions,
    credit: [
      {
        account_id: card,
        aprs: [{ apr_type: "purchase_apr", apr_percentage: 21.24, interest_charge_amount_cents: 0 }],
        minimum_payment_cents: 2500,
        last_payment_cents: 60000,
        last_payment_date: "2026-10-22",
        last_statement_balance_cents: 60000,
        last_statement_issue_date: "2026-10-26",
        is_overdue: false,
      },
    ],
  };
}

/**
 * mixed — a Visa ending in 7781 at 72% carrying three subscriptions.
 *
 * Accounts: checking ($1,600), Visa ($2,900 of $4,000 = 72.5%, on a 0% intro APR: no interest).
 * PAYROLL $1,900, RENT $1,050, GROCERIES and a $300 card payment on the 22nd on checking.
 * On the Visa (merchant names only, so stream keys are normalised names): Netflix $17.99 on the
 * 12th, Spotify $11.99 on the 8th, Planet Fitness $24.99 on the 17th. Liability: minimum $40,
 * last payment $300 (well above the minimum), statement $2,900, not overdue. 70 transactions.
 *
 * Worked out:
 *   utilisation = floor(290,000 × 100 / 400,000) = floor(72.5) = 72% (window-signals.ts rounds whole
 *     percents down, so a shown 29% is really under 30) → High Utilization by utilisation only
 *     (no interest, not minimum-only, not overdue: 1 check, 72 < 80) → moderate.
 *   subscriptions: 3, 1,799 + 1,199 + 2,499 = 5,497 a month ≥ 5,000 → Subscription-Heavy too,
 *     which is secondary (lower priority).
 *   spend 180d = 6×105,000 + 6×5,497 + 205,745 = 868,727 → 144,788/mo; share 5,497 ÷ 144,788 = 3.8%.
 *   spend 30d = 105,000 + 5,497 + 38,012 = 148,509; share 3.7%.
 *   buffer = 160,000 ÷ 144,788 = 1.1; 160,000 ÷ 148,509 = 1.1.
 *   transactions in window: 30d 3 + 1 + 5 + 1 + 3 = 13; 180d 13 + 6 + 26 + 6 + 18 = 69.
 * Credit score 720 (eligible for the card offers).
 */
export function mixed(userId = "golden-mixed"): CustomerInput {
  const l = ledger(userId);
  const chk = `${userId}-checking`;
  const visa = `${userId}-visa`;
  payroll(l, chk, 190000, "TAILSPIN TOYS");
  rent(l, chk, 105000);
  groceries(l, chk);
  for (const d of monthlyDates(22)) l.add(chk, d, 30000, "VISA CARD PAYMENT", PFC.cardPayment);
  for (const d of monthlyDates(12)) l.add(visa, d, 1799, "NETFLIX.COM", PFC.tv, { merchant_name: "Netflix", merchant_kind: "subscription" });
  for (const d of monthlyDates(8)) l.add(visa, d, 1199, "SPOTIFY USA", PFC.music, { merchant_name: "Spotify", merchant_kind: "subscription" });
  for (const d of monthlyDates(17)) l.add(visa, d, 2499, "PLANET FITNESS CLUB FEES", PFC.gym, { merchant_name: "Planet Fitness", merchant_kind: "subscription" });
  return {
    user_id: userId,
    consent: true,
    credit_score: 720,
    accounts: [checking(chk, "6601", 160000), creditCard(visa, "Visa", "7781", 290000, 400000)],
    transactions: l.transactions,
    credit: [
      {
        account_id: visa,
        aprs: [{ apr_type: "purchase_apr", apr_percentage: 0, interest_charge_amount_cents: 0 }],
        minimum_payment_cents: 4000,
        last_payment_cents: 30000,
        last_payment_date: "2026-10-22",
        last_statement_balance_cents: 290000,
        last_statement_issue_date: "2026-10-15",
        is_overdue: false,
      },
    ],
  };
}

/**
 * businessCardIgnored — a saver whose only card is a business card at 95%, overdue, with interest.
 *
 * Personal accounts: checking ($5,200), savings ending 7710 ($3,000).
 * PAYROLL $2,100, RENT $1,150, GROCERIES on checking; $250 to savings on the 16th (both sides).
 * Business Visa ending 9001 (holder_category "business"): $9,500 of $10,000 (95%), $150 interest
 * on the 25th, QuickBooks $90 on the 9th (merchant_kind "subscription"), liability overdue and
 * minimum-only. SPEC §2: business accounts are excluded from all signals, so none of that counts.
 * 70 transactions, 58 of them personal.
 *
 * Worked out (personal accounts only):
 *   credit: no cards → utilisation null, interest 0, not overdue → no High Utilization;
 *     QuickBooks is not a stream → 0 subscriptions; no fees.
 *   savings 180d: 6 × 25,000 = 150,000 → 25,000/mo; start 300,000 − 150,000 = 150,000 → 100%.
 *   savings 30d: 25,000 (10-16); start 275,000 → 9.09% → 9.1.
 *   spend 180d = 6×115,000 + 205,745 = 895,745 → 149,291/mo; 30d = 115,000 + 38,012 = 153,012.
 *   emergency fund = 300,000 ÷ 149,291 = 2.0; 300,000 ÷ 153,012 = 1.96 → 2.0 (both < 3).
 *   transactions in window (personal): 30d 3 + 1 + 5 + 2 = 11; 180d 13 + 6 + 26 + 12 = 57.
 * Persona: Savings Builder ($250 ≥ $200 a month; no personal card, so the < 30% check passes),
 * strong in both windows (growth 100% and 9.1% ≥ 5%).
 */
export function businessCardIgnored(userId = "golden-business-card"): CustomerInput {
  const l = ledger(userId);
  const chk = `${userId}-checking`;
  const sav = `${userId}-savings`;
  const biz = `${userId}-business-visa`;
  payroll(l, chk, 210000, "WOODGROVE BANKING");
  rent(l, chk, 115000);
  groceries(l, chk);
  for (const d of monthlyDates(16)) {
    l.add(chk, d, 25000, "ONLINE TRANSFER TO SAVINGS XXXXXX7710", PFC.toSavings, { merchant_kind: "transfer" });
    l.add(sav, d, -25000, "ONLINE TRANSFER FROM CHECKING XXXXXX7701", PFC.fromChecking, { merchant_kind: "transfer" });
  }
  for (const d of monthlyDates(25)) l.add(biz, d, 15000, "INTEREST CHARGE ON PURCHASES", PFC.interest, { merchant_kind: "fee" });
  for (const d of monthlyDates(9)) l.add(biz, d, 9000, "INTUIT *QBOOKS ONLINE", PFC.accounting, { merchant_name: "QuickBooks", merchant_kind: "subscription" });
  return {
    user_id: userId,
    consent: true,
    credit_score: 730,
    accounts: [checking(chk, "7701", 520000), savings(sav, "7710", 300000), creditCard(biz, "Business Visa", "9001", 950000, 1000000, "business")],
    transactions: l.transactions,
    credit: [
      {
        account_id: biz,
        aprs: [{ apr_type: "purchase_apr", apr_percentage: 27.49, interest_charge_amount_cents: 15000 }],
        minimum_payment_cents: 25000,
        last_payment_cents: 25000,
        last_payment_date: "2026-10-20",
        last_statement_balance_cents: 950000,
        last_statement_issue_date: "2026-10-25",
        is_overdue: true,
      },
    ],
  };
}

/** nonConsenting — the highUtilization data with consent false: nothing may be computed. */
export function nonConsenting(): CustomerInput {
  return highUtilization("golden-non-consenting", false);
}

/**
 * insufficientData — a new customer: 4 transactions from 10-22 on.
 * history = 10-31 − 10-22 + 1 = 10 days; 4 settled transactions in each window. Both windows
 * fail both tests (30d needs 60 days / 10 transactions; 180d 90 days / 30 transactions), so
 * no persona (strength "none") and no recommendations.
 */
export function insufficientData(userId = "golden-insufficient-data"): CustomerInput {
  const l = ledger(userId);
  const chk = `${userId}-checking`;
  l.add(chk, "2026-10-22", -150000, "LITWARE PAYROLL", PFC.wages, { merchant_name: "Litware", merchant_kind: "income" });
  l.add(chk, "2026-10-24", 6150, "SAFEWAY #1432 OAKLAND CA", PFC.groceries, { merchant_name: "Safeway", merchant_kind: "everyday" });
  l.add(chk, "2026-10-27", 575, "BLUE BOTTLE COFFEE", PFC.coffee, { merchant_name: "Blue Bottle Coffee", merchant_kind: "everyday" });
  l.add(chk, "2026-10-29", 6500, "VERIZON WIRELESS DES:PAYMENTS", PFC.phone, { merchant_name: "Verizon", merchant_kind: "bill" });
  return { user_id: userId, consent: true, credit_score: null, accounts: [checking(chk, "8801", 80000)], transactions: l.transactions, credit: [] };
}

/**
 * pendingIgnored — the feeFighter household whose only overdraft fees (10-09, 10-23, $34 each)
 * are still pending. SPEC §2: pending transactions are ignored by signals.
 *
 * Worked out: fees all zero; spend without them 180d = 1,015,955 − 10,200 (feeFighter's three
 * fees) = 1,005,755 → 167,626/mo; 30d = 176,852 − 6,800 = 170,052; transactions in window
 * 30d 14, 180d 77 (the pending two are not counted). buffer 21,000 ÷ 167,626 = 0.1 and
 * 21,000 ÷ 170,052 = 0.1.
 * Persona: none matches (no fees, pay every 14 days, no cards, subscriptions or savings), so the
 * nearest one is chosen, "weak": Variable Income closeness = mean(14 ÷ 45 = 0.311, buffer met = 1)
 * = 0.6555, ahead of Savings Builder 0.5 (no card passes; no inflow 0), High Utilization 0,
 * Fee Fighter 0, Subscription-Heavy 0.
 */
export function pendingIgnored(userId = "golden-pending-ignored"): CustomerInput {
  const { l, chk } = feeHousehold(userId);
  l.add(chk, "2026-10-09", 3400, "OVERDRAFT ITEM FEE", PFC.overdraft, { merchant_kind: "fee", pending: true });
  l.add(chk, "2026-10-23", 3400, "OVERDRAFT ITEM FEE", PFC.overdraft, { merchant_kind: "fee", pending: true });
  return { user_id: userId, consent: true, credit_score: 590, accounts: [checking(chk, "9901", 21000)], transactions: l.transactions, credit: [] };
}

export const GOLDEN_CUSTOMERS = {
  highUtilization,
  variableIncome,
  feeFighter,
  subscriptionHeavy,
  savingsBuilder,
  mixed,
  businessCardIgnored,
  nonConsenting,
  insufficientData,
  pendingIgnored,
} satisfies Record<string, () => CustomerInput>;

export type GoldenCaseName = keyof typeof GOLDEN_CUSTOMERS;
