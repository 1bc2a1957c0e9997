// Income schedules. Dates come first (payroll cadences, gig payouts, irregular freelance or
// commission pay); amounts are set afterwards so that pay covers what the customer spends plus
// the change in their checking balance — that keeps balances and flows consistent.
import { merchantNamed, type MerchantSeed } from "../merchants";
import { dayFromParts, daysInMonth, partsFromDay, previousBusinessDay, weekday, type Day } from "../dates";
import type { Household } from "./household";

export type PayCadence = "weekly" | "biweekly" | "semi-monthly" | "monthly";

export interface IncomeItem {
  day: Day;
  merchant: MerchantSeed;
  weight: number;
}

export interface IncomePlan {
  items: IncomeItem[];
  /** Salaried pay: every paycheck is the same amount. */
  fixed: boolean;
  cadence: PayCadence | "irregular" | "gig";
}

const PAYROLL = ["ADP", "Gusto", "Paychex", "Paylocity", "Intuit Payroll"].map(merchantNamed);
const GIG = ["Uber Driver", "Lyft Driver", "DoorDash Dasher", "Instacart Shopper", "Shipt Shopper", "Upwork", "Fiverr", "Etsy"].map(merchantNamed);
const FREELANCE = ["Upwork", "Fiverr", "Stripe"].map(merchantNamed);
const BUSINESS_REVENUE = ["Stripe", "Square"].map(merchantNamed);

/** Every `step` days on weekday `dow`, starting at a phase so the series is not tied to `start`. */
function everyWeekday(start: Day, end: Day, dow: number, step: number, phase: number): Day[] {
  const out: Day[] = [];
  let d = start + ((dow - weekday(start) + 7) % 7) + 7 * phase;
  for (; d <= end; d += step) out.push(d);
  return out;
}

export function paydays(h: Household, cadence: PayCadence): Day[] {
  const { start, end, rng } = h;
  switch (cadence) {
    case "weekly":
      return everyWeekday(start, end, 5, 7, 0);
    case "biweekly":
      return everyWeekday(start, end, 5, 14, rng.int(0, 1));
    case "semi-monthly":
    case "monthly": {
      const out: Day[] = [];
      const { y, m } = partsFromDay(start);
      for (let idx = y * 12 + m - 1; ; idx++) {
        const yy = Math.floor(idx / 12);
        const mm = (idx % 12) + 1;
        if (dayFromParts(yy, mm, 1) > end + 3) break; // a 1st on a weekend pays the Friday before
        const doms = cadence === "monthly" ? [daysInMonth(yy, mm)] : [1, 15];
        for (const dom of doms) {
          const d = previousBusinessDay(dayFromParts(yy, mm, dom));
          if (d >= start && d <= end) out.push(d);
        }
      }
      return out;
    }
  }
}

/** Keeps items inside history and guarantees at least one. */
function ensureOne(h: Household, all: IncomeItem[], merchant: MerchantSeed): IncomeItem[] {
  const items = all.filter((it) => it.day >= h.start && it.day <= h.end);
  if (items.length === 0) items.push({ day: Math.max(h.start, h.end - h.rng.int(3, 14)), merchant, weight: 1 });
  return items;
}

export function payrollPlan(h: Household, cadence?: PayCadence): IncomePlan {
  const { rng } = h;
  const c =
    cadence ??
    rng.weighted<PayCadence>([
      ["weekly", 0.15],
      ["biweekly", 0.45],
      ["semi-monthly", 0.25],
      ["monthly", 0.15],
    ]);
  const employer = rng.pick(PAYROLL);
  const hourly = c === "weekly" || (c === "biweekly" && rng.chance(0.35));
  const items = paydays(h, c).map((day) => ({ day, merchant: employer, weight: hourly ? rng.range(0.9, 1.1) : 1 }));
  return { items: ensureOne(h, items, employer), fixed: !hourly, cadence: c };
}

/** Several gig platforms, each paying out on its own rhythm with amounts that swing. */
export function gigPlan(h: Household): IncomePlan {
  const { rng } = h;
  const sources = rng.sample(GIG, rng.int(2, 4));
  const items: IncomeItem[] = [];
  for (const merchant of sources) {
    const share = rng.range(0.4, 1.6);
    const weekly = !["Upwork", "Fiverr"].includes(merchant.canonical_name);
    if (weekly) {
      const dow = rng.int(1, 3);
      for (const day of everyWeekday(h.start, h.end, dow, 7, 0)) {
        if (rng.chance(0.8)) items.push({ day, merchant, weight: share * rng.range(0.35, 1.65) });
      }
    } else {
      for (let day = h.start + rng.int(2, 12); day <= h.end; day += rng.int(7, 26)) {
        items.push({ day, merchant, weight: share * rng.range(0.8, 2.5) });
      }
    }
  }
  items.sort((a, b) => a.day - b.day);
  return { items: ensureOne(h, items, sources[0]), fixed: false, cadence: "gig" };
}

/**
 * Irregular pay — commission runs or freelance invoices — more than 45 days apart, with the two
 * most recent inside the last 90 days so a 30-day view still sees a gap.
 */
export function variablePlan(h: Household): IncomePlan {
  const { rng } = h;
  const merchant = rng.chance(0.35) ? rng.pick(PAYROLL) : rng.pick(FREELANCE);
  const items: IncomeItem[] = [];
  let day = h.end - rng.int(10, 30);
  let gap = rng.int(46, 55);
  while (day >= h.start) {
    items.push({ day: previousBusinessDay(day), merchant, weight: rng.range(0.6, 1.6) });
    day -= gap;
    gap = rng.int(47, 75);
  }
  items.reverse();
  return { items: ensureOne(h, items, merchant), fixed: false, cadence: "irregular" };
}

/** Card and invoice payouts into a business checking account, a few times a week. */
export function businessRevenuePlan(h: Household): IncomePlan {
  const { rng } = h;
  const merchant = rng.pick(BUSINESS_REVENUE);
  const items: IncomeItem[] = [];
  for (let day = h.start; day <= h.end; day++) {
    const w = weekday(day);
    if (w !== 0 && w !== 6 && rng.chance(0.4)) items.push({ day, merchant, weight: rng.range(0.3, 1.7) });
  }
  return { items: ensureOne(h, items, merchant), fixed: false, cadence: "irregular" };
}

/** Posts `totalCents` of income on `acct` following the plan; returns what was posted. */
export function postIncome(h: Household, acct: number, plan: IncomePlan, totalCents: number): number {
  const n = plan.items.length;
  if (n === 0 || totalCents <= 0) return 0;
  let posted = 0;
  if (plan.fixed) {
    const each = Math.floor(totalCents / n);
    for (const it of plan.items) {
      h.ledger.post(acct, it.day, -each, it.merchant);
      posted += each;
    }
    return posted;
  }
  const weights = plan.items.reduce((s, it) => s + it.weight, 0);
  plan.items.forEach((it, i) => {
    const amount = i === n - 1 ? totalCents - posted : Math.max(100, Math.round((totalCents * it.weight) / weights));
    if (amount <= 0) return;
    h.ledger.post(acct, it.day, -amount, it.merchant);
    posted += amount;
  });
  return posted;
}
