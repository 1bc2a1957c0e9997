// Golden customers for the alerts (issue 15): one small hand-built customer per alert kind, each
// with near-misses that must not fire. Expected alerts are worked out by hand in
// lib/engine/alerts/alerts.golden.test.ts from these fixtures and DEFAULT_CONFIG.alerts.
//
// Every case ends on ALERTS_AS_OF = 2026-10-31 (as the engine goldens). With DEFAULT_CONFIG.alerts:
//   recent (fees, unusual amounts, duplicates): 2026-10-02 … 10-31 (lookbackDays 30)
//   upcoming (payments, due dates): 2026-11-01 … 11-07 (horizonDays 7, after today)
//   forecast: 2026-11-01 … 11-14 (forecastDays 14)
//   streams and merchant history: 2026-05-05 … 10-31 (historyDays 180)
//   price changes: 2026-09-16 … 10-31 (priceChangeDays 45); new streams: first charge after 2026-07-28 (95 days)
import { dayFromIso, isoFromDay } from "../../data/dates";
import type { CustomerInput, EngineAccount, EngineCreditLiability, EngineTransaction, MerchantKind } from "../types";

export const ALERTS_AS_OF = "2026-10-31";

type Pfc = readonly [primary: string, detailed: string];

export const PFC = {
  wages: ["INCOME", "INCOME_WAGES"],
  rent: ["RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT"],
  phone: ["RENT_AND_UTILITIES", "RENT_AND_UTILITIES_TELEPHONE"],
  power: ["RENT_AND_UTILITIES", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY"],
  water: ["RENT_AND_UTILITIES", "RENT_AND_UTILITIES_WATER"],
  tv: ["ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"],
  music: ["ENTERTAINMENT", "ENTERTAINMENT_MUSIC_AND_AUDIO"],
  gym: ["PERSONAL_CARE", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS"],
  books: ["GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS"],
  hardware: ["HOME_IMPROVEMENT", "HOME_IMPROVEMENT_HARDWARE"],
  merch: ["GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"],
  electronics: ["GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_ELECTRONICS"],
  coffee: ["FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE"],
  online: ["GENERAL_SERVICES", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES"],
  overdraft: ["BANK_FEES", "BANK_FEES_OVERDRAFT_FEES"],
  interest: ["BANK_FEES", "BANK_FEES_INTEREST_CHARGE"],
  atm: ["BANK_FEES", "BANK_FEES_ATM_FEES"],
} as const satisfies Record<string, Pfc>;

/** `count` dates `step` days apart, starting at `first`. */
export function every(first: string, step: number, count: number): string[] {
  const start = dayFromIso(first);
  return Array.from({ length: count }, (_, i) => isoFromDay(start + i * step));
}

/** Day `dom` of each month from `from` to `to` (YYYY-MM), inclusive. */
export function monthly(from: string, to: string, dom: number): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}-${String(dom).padStart(2, "0")}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** One customer under construction: a checking account ending in 0001 and stable transaction ids. */
export function customer(userId: string, balanceCents: number | null = 1_000_000) {
  const transactions: EngineTransaction[] = [];
  const chk = `${userId}-chk`;
  const accounts: EngineAccount[] = [
    { account_id: chk, type: "depository", subtype: "checking", name: "Everyday Checking", mask: "0001", current_cents: balanceCents, available_cents: balanceCents, limit_cents: null, holder_category: "personal" },
  ];
  const credit: EngineCreditLiability[] = [];
  const add = (date: string, amount_cents: number, merchant: string, pfc: Pfc, kind: MerchantKind | null = "everyday", account = chk): string => {
    const id = `${userId}-t${String(transactions.length + 1).padStart(3, "0")}`;
    transactions.push({ transaction_id: id, account_id: account, date, amount_cents, name: merchant.toUpperCase(), merchant_name: merchant, merchant_entity_id: null, merchant_kind: kind, pfc_primary: pfc[0], pfc_detailed: pfc[1], pending: false });
    return id;
  };
  const input = (): CustomerInput => ({ user_id: userId, consent: true, credit_score: 700, accounts, transactions, credit });
  // Steady activity from 2026-05-01 so every case has six months of history.
  const background = () => {
    for (const d of every("2026-05-01", 14, 14)) add(d, -250000, "Acme Logistics", PFC.wages, "income");
  };
  return { chk, accounts, credit, transactions, add, input, background };
}

/** upcoming_payment: Netflix next on 11-03 (mature); Hulu next on 11-05 (3 charges: early detection, and new); near-miss: Spotify next on 11-20. */
export function upcoming(): CustomerInput {
  const c = customer("alerts-upcoming");
  c.background();
  for (const d of monthly("2026-05", "2026-10", 3)) c.add(d, 1549, "Netflix", PFC.tv, "subscription");
  for (const d of monthly("2026-08", "2026-10", 5)) c.add(d, 799, "Hulu", PFC.tv, "subscription");
  for (const d of monthly("2026-05", "2026-10", 20)) c.add(d, 1099, "Spotify", PFC.music, "subscription");
  return c.input();
}

/** price_increase: Spotify $10.99 → $12.99 on 10-20; near-misses: Disney+ $10.00 → $10.10 (1%), Audible up on 08-01 (too old). */
export function priceIncrease(): CustomerInput {
  const c = customer("alerts-price");
  c.background();
  for (const d of monthly("2026-05", "2026-10", 20)) c.add(d, d === "2026-10-20" ? 1299 : 1099, "Spotify", PFC.music, "subscription");
  for (const d of monthly("2026-05", "2026-10", 22)) c.add(d, d >= "2026-10-01" ? 1010 : 1000, "Disney Plus", PFC.tv, "subscription");
  for (const d of monthly("2026-05", "2026-10", 24)) c.add(d, d >= "2026-08-01" ? 1795 : 1495, "Audible", PFC.books, "subscription");
  return c.input();
}

/** bill_changed: City Power $80.00 → $120.00 on 10-12; near-miss: Water Works $50.00 → $53.50 (7%). */
export function billChanged(): CustomerInput {
  const c = customer("alerts-bill");
  c.background();
  for (const d of monthly("2026-05", "2026-10", 12)) c.add(d, d === "2026-10-12" ? 12000 : 8000, "City Power", PFC.power, "bill");
  for (const d of monthly("2026-05", "2026-10", 16)) c.add(d, d === "2026-10-16" ? 5350 : 5000, "Water Works", PFC.water, "bill");
  return c.input();
}

/** new_recurring: Iron Gym weekly $25.00 from 10-14; near-miss: Book Club monthly from 08-10 but first charged 2026-03-10. */
export function newRecurring(): CustomerInput {
  const c = customer("alerts-new");
  c.add("2026-03-10", 3000, "Book Club", PFC.books, "subscription");
  c.add("2026-04-10", 2500, "Corner Store", PFC.merch);
  c.background();
  for (const d of every("2026-10-14", 7, 3)) c.add(d, 2500, "Iron Gym", PFC.gym, "subscription");
  for (const d of monthly("2026-08", "2026-10", 10)) c.add(d, 3000, "Book Club", PFC.books, "subscription");
  return c.input();
}

/** payment_due: Visa due 11-05 (minimum known), Store Card due 11-02 (minimum unknown); near-misses: due 11-20, due date unknown, nothing owed (minimum and statement $0.00) due 11-03. */
export function paymentDue(): CustomerInput {
  const c = customer("alerts-due");
  c.background();
  const card = (id: string, name: string, mask: string): string => {
    const account_id = `alerts-due-${id}`;
    c.accounts.push({ account_id, type: "credit", subtype: "credit card", name, mask, current_cents: 120000, available_cents: 380000, limit_cents: 500000, holder_category: "personal" });
    return account_id;
  };
  const liability = (account_id: string, min: number | null, statement: number | null, due: string | null): EngineCreditLiability => ({
    account_id,
    aprs: [],
    minimum_payment_cents: min,
    last_payment_cents: null,
    last_payment_date: null,
    last_statement_balance_cents: statement,
    last_statement_issue_date: "2026-10-10",
    is_overdue: false,
    next_payment_due_date: due,
  });
  c.credit.push(liability(card("visa", "Visa", "4523"), 3500, 120000, "2026-11-05"));
  c.credit.push(liability(card("store", "Store Card", "9001"), null, null, "2026-11-02"));
  c.credit.push(liability(card("later", "Travel Card", "7777"), 2500, 80000, "2026-11-20"));
  c.credit.push(liability(card("unknown", "Gas Card", "5555"), 2500, 80000, null));
  c.credit.push(liability(card("paid", "Rewards Card", "3333"), 0, 0, "2026-11-03"));
  return c.input();
}

/** low_balance_forecast: $300.00 in checking, rent $1,200.00 on 11-05, pay $1,000.00 on 11-13, phone $65.00 on 11-14. */
export function lowBalance(userId = "alerts-low", balanceCents: number | null = 30000): CustomerInput {
  const c = customer(userId, balanceCents);
  for (const d of every("2026-05-01", 14, 14)) c.add(d, -100000, "Acme Logistics", PFC.wages, "income");
  for (const d of monthly("2026-05", "2026-10", 5)) c.add(d, 120000, "Oakwood Property", PFC.rent, "bill");
  for (const d of monthly("2026-05", "2026-10", 14)) c.add(d, 6500, "Verizon", PFC.phone, "bill");
  return c.input();
}

/** unusual_amount (amount): Corner Hardware $480.00 on 10-20 against a $41.00 median; Luxe Electronics (new) $900.00 on 10-25 against its category. Near-misses: Book Nook $100.00 vs $40.00 (2.5×), Garden Shop with 2 earlier charges, Web Services $160.00 (4.3× its $37.50 median but within 1.5× its earlier $150.00). */
export function unusualAmount(): CustomerInput {
  const c = customer("alerts-unusual");
  c.background();
  [["2026-06-03", 4000], ["2026-07-09", 4200], ["2026-08-14", 3800], ["2026-09-02", 4500], ["2026-09-21", 4100]].forEach(([d, a]) => c.add(d as string, a as number, "Corner Hardware", PFC.merch));
  c.add("2026-10-20", 48000, "Corner Hardware", PFC.merch);
  c.add("2026-10-25", 90000, "Luxe Electronics", PFC.electronics);
  for (const d of ["2026-06-10", "2026-07-15", "2026-08-20", "2026-09-25"]) c.add(d, 4000, "Book Nook", PFC.books);
  c.add("2026-10-22", 10000, "Book Nook", PFC.books);
  c.add("2026-06-11", 3000, "Garden Shop", PFC.hardware);
  c.add("2026-08-11", 3000, "Garden Shop", PFC.hardware);
  c.add("2026-10-23", 30000, "Garden Shop", PFC.hardware);
  [["2026-06-05", 3000], ["2026-07-05", 15000], ["2026-08-05", 4000], ["2026-09-05", 3500], ["2026-10-26", 16000]].forEach(([d, a]) => c.add(d as string, a as number, "Web Services", PFC.online));
  return c.input();
}

/** Card testing on 10-27/28 (3 tiny charges at new merchants) and a new-merchant burst on 10-29 ($1,270.00). Near-misses: coffee $1.75 three times a day at a regular café; 3 new merchants on 10-30 totalling $90.00. */
export function bursts(): CustomerInput {
  const c = customer("alerts-burst");
  c.background();
  for (const d of every("2026-09-01", 1, 61)) for (let k = 0; k < 3; k++) c.add(d, 175, "Daily Grind", PFC.coffee);
  c.add("2026-10-27", 100, "ABC Digital", PFC.online, null);
  c.add("2026-10-27", 150, "XYZ Online", PFC.online, null);
  c.add("2026-10-28", 99, "ABC Digital", PFC.online, null);
  c.add("2026-10-29", 35000, "Gadget Hub", PFC.electronics, null);
  c.add("2026-10-29", 42000, "Phone Land", PFC.electronics, null);
  c.add("2026-10-29", 50000, "Gift Cards Now", PFC.merch, null);
  c.add("2026-10-30", 3000, "Taco Stand", PFC.coffee, null);
  c.add("2026-10-30", 3000, "Bike Shop", PFC.merch, null);
  c.add("2026-10-30", 3000, "Car Wash", PFC.merch, null);
  // Spending history from June, so merchants first seen in late October are new (newMerchantHistoryDays).
  c.add("2026-06-01", 2500, "Corner Store", PFC.merch);
  return c.input();
}

/** duplicate_charge: Target $54.20 on 10-14 and 10-15. Near-misses: Blue Bottle $4.50 twice a day routinely; Best Buy $30.00 three days apart. */
export function duplicate(): CustomerInput {
  const c = customer("alerts-dup");
  c.background();
  [["2026-06-02", 2312], ["2026-07-19", 8890], ["2026-09-05", 4120]].forEach(([d, a]) => c.add(d as string, a as number, "Target", PFC.merch));
  c.add("2026-10-14", 5420, "Target", PFC.merch);
  c.add("2026-10-15", 5420, "Target", PFC.merch);
  for (const d of every("2026-09-01", 1, 61)) {
    c.add(d, 450, "Blue Bottle", PFC.coffee);
    c.add(d, 450, "Blue Bottle", PFC.coffee);
  }
  c.add("2026-10-10", 3000, "Best Buy", PFC.electronics);
  c.add("2026-10-13", 3000, "Best Buy", PFC.electronics);
  return c.input();
}

/** fee_charged: a $34.00 overdraft fee on 10-12 and a $3.00 ATM fee on 10-20. Near-misses: an overdraft fee on 09-15 (too old), interest on 10-20. */
export function fees(): CustomerInput {
  const c = customer("alerts-fee");
  c.background();
  c.add("2026-09-15", 3400, "Overdraft Fee", PFC.overdraft, "fee");
  c.add("2026-10-12", 3400, "Overdraft Fee", PFC.overdraft, "fee");
  c.add("2026-10-20", 300, "ATM Fee", PFC.atm, "fee");
  c.add("2026-10-20", 1250, "Interest Charge", PFC.interest, "fee");
  return c.input();
}

export const ALERT_CUSTOMERS = { upcoming, priceIncrease, billChanged, newRecurring, paymentDue, lowBalance, unusualAmount, bursts, duplicate, fees } satisfies Record<string, () => CustomerInput>;
