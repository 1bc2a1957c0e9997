import { beforeAll, describe, expect, it } from "vitest";
import { MERCHANTS } from "../merchants";
import { bundleSchema, type PlaidBundle } from "../../validation/plaid";
import { GENERATOR_DEFAULTS, PROFILE_NAMES, generateBundles, generateCustomer } from "./index";

type Txn = NonNullable<PlaidBundle["transactions"]>[number];
type Account = NonNullable<PlaidBundle["accounts"]>[number];

const OPTS = { ...GENERATOR_DEFAULTS };
const ASOF = Date.UTC(2026, 9, 31) / 86_400_000;
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const kindOf = new Map(MERCHANTS.map((m) => [m.entity_id, m.kind]));
const SAVINGS_LIKE = new Set(["savings", "money market", "cash management", "hsa"]);

let bundles: PlaidBundle[];
beforeAll(() => {
  bundles = [...generateBundles(OPTS)];
});

const profileOf = (b: PlaidBundle) => b.label!.profile;
const personaOf = (b: PlaidBundle) => b.label!.intended_persona;
const txns = (b: PlaidBundle) => b.transactions ?? [];
const accounts = (b: PlaidBundle) => b.accounts ?? [];
const pfc = (t: Txn) => t.personal_finance_category!.detailed;

/** Posted transactions on personal accounts within the last `days` days. */
function personal(b: PlaidBundle, days = 10_000): Txn[] {
  const personalIds = new Set(accounts(b).filter((a) => a.holder_category === "personal").map((a) => a.account_id));
  return txns(b).filter((t) => !t.pending && personalIds.has(t.account_id) && ASOF - dayOf(t.date) < days);
}
function cards(b: PlaidBundle): Account[] {
  return accounts(b).filter((a) => a.subtype === "credit card" && a.holder_category === "personal");
}
const utilisation = (a: Account) => a.balances.current! / a.balances.limit!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function incomeGaps(b: PlaidBundle): number[] {
  const days = [...new Set(personal(b).filter((t) => t.personal_finance_category!.primary === "INCOME" && pfc(t) !== "INCOME_INTEREST_EARNED").map((t) => dayOf(t.date)))].sort((x, y) => x - y);
  return days.slice(1).map((d, i) => d - days[i]);
}

describe("generated bundles", () => {
  it("all pass the ingest schema", () => {
    expect(bundles).toHaveLength(100);
    for (const b of bundles) {
      const r = bundleSchema.safeParse(b);
      expect(r.success, r.success ? "" : `${b.user?.user_id}: ${JSON.stringify(r.error.issues.slice(0, 3))}`).toBe(true);
    }
  });

  it("depend only on (seed, index, asOf, months)", () => {
    expect(JSON.stringify(generateCustomer({ ...OPTS, users: 5 }, 3))).toBe(JSON.stringify(bundles[3]));
    expect(JSON.stringify(generateCustomer({ ...OPTS, seed: 7 }, 3))).not.toBe(JSON.stringify(bundles[3]));
  });

  it("have well-formed, unique ids and only reference their own accounts", () => {
    const txIds = new Set<string>();
    const acctIds = new Set<string>();
    const problems: string[] = [];
    bundles.forEach((b, i) => {
      if (b.user!.user_id !== `usr_${String(i + 1).padStart(5, "0")}`) problems.push(`user ${i}: ${b.user!.user_id}`);
      const own = new Set(accounts(b).map((a) => a.account_id));
      for (const a of accounts(b)) {
        if (acctIds.has(a.account_id)) problems.push(`duplicate account ${a.account_id}`);
        acctIds.add(a.account_id);
        if (!/^\d{4}$/.test(a.mask ?? "")) problems.push(`mask ${a.mask}`);
      }
      for (const t of txns(b)) {
        if (txIds.has(t.transaction_id)) problems.push(`duplicate transaction ${t.transaction_id}`);
        txIds.add(t.transaction_id);
        if (!own.has(t.account_id)) problems.push(`${t.transaction_id} references ${t.account_id}`);
      }
    });
    expect(problems).toEqual([]);
    expect(txIds.size).toBeGreaterThan(10_000);
  });

  it("keep money to whole cents and dates inside history", () => {
    const whole = (n: number | null | undefined) => n === null || n === undefined || Math.round(n * 100) / 100 === n;
    const start = dayOf("2026-04-01");
    const problems: string[] = [];
    for (const b of bundles) {
      for (const a of accounts(b)) for (const v of [a.balances.available, a.balances.current, a.balances.limit]) if (!whole(v)) problems.push(`${a.account_id}: ${v}`);
      for (const t of txns(b)) {
        const d = dayOf(t.date);
        if (!whole(t.amount) || t.amount === 0) problems.push(`${t.transaction_id}: amount ${t.amount}`);
        if (d < start || d > ASOF) problems.push(`${t.transaction_id}: date ${t.date}`);
        if (t.pending && ASOF - d >= 3) problems.push(`${t.transaction_id}: pending on ${t.date}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("cover every profile, account subtype, consent state and holder category", () => {
    const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const profiles = count(bundles.map(profileOf));
    for (const p of PROFILE_NAMES) expect(profiles.get(p) ?? 0, p).toBeGreaterThanOrEqual(5);
    const subtypes = new Set(bundles.flatMap((b) => accounts(b).map((a) => a.subtype)));
    for (const s of ["checking", "savings", "money market", "cash management", "hsa", "credit card", "mortgage", "student"]) expect(subtypes.has(s), s).toBe(true);
    expect(bundles.filter((b) => b.user!.consent === false)).toHaveLength(5);
    expect(bundles.some((b) => accounts(b).some((a) => a.holder_category === "business" && a.type === "credit"))).toBe(true);
    expect(bundles.filter((b) => txns(b).some((t) => t.pending)).length).toBeGreaterThan(50);
    const personas = new Set(bundles.map(personaOf));
    for (const p of ["high_utilization", "variable_income", "fee_fighter", "subscription_heavy", "savings_builder", "none", "insufficient_data"]) expect(personas.has(p), p).toBe(true);
  });

  it("give every card a liability and every loan its own liability", () => {
    for (const b of bundles) {
      const credit = new Set((b.liabilities?.credit ?? []).map((l) => l.account_id));
      const mortgage = new Set((b.liabilities?.mortgage ?? []).map((l) => l.account_id));
      const student = new Set((b.liabilities?.student ?? []).map((l) => l.account_id));
      for (const a of accounts(b)) {
        if (a.subtype === "credit card") {
          expect(credit.has(a.account_id)).toBe(true);
          expect(a.balances.current!).toBeLessThanOrEqual(a.balances.limit!);
        }
        if (a.subtype === "mortgage") expect(mortgage.has(a.account_id)).toBe(true);
        if (a.subtype === "student") expect(student.has(a.account_id)).toBe(true);
      }
      for (const l of b.liabilities?.credit ?? []) {
        const purchase = l.aprs.find((x) => x.apr_type === "purchase_apr")!;
        expect(purchase.apr_percentage).toBeGreaterThanOrEqual(18);
        expect(purchase.apr_percentage).toBeLessThanOrEqual(30);
      }
    }
  });

  it("mirror card payments and savings transfers on both accounts", () => {
    for (const b of bundles) {
      const legs = (detailed: string, sign: 1 | -1) =>
        txns(b)
          .filter((t) => pfc(t) === detailed && Math.sign(t.amount) === sign)
          .map((t) => `${t.date}|${Math.abs(t.amount)}`)
          .sort();
      expect(legs("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", -1)).toEqual(legs("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", 1));
      expect(legs("TRANSFER_IN_SAVINGS", -1)).toEqual(legs("TRANSFER_OUT_SAVINGS", 1));
    }
  });
});

describe("profiles behave as labelled", () => {
  const labelled = (persona: string) => bundles.filter((b) => personaOf(b) === persona);
  const hasTrait = (b: PlaidBundle, ...profiles: string[]) => profiles.includes(profileOf(b));

  it("high utilisation: a card ≥ 50%, interest, some minimum-only payers and some overdue", () => {
    const hu = labelled("high_utilization");
    for (const b of hu) expect(cards(b).reduce((m, c) => Math.max(m, utilisation(c)), -Infinity), b.user!.user_id).toBeGreaterThanOrEqual(0.5);
    for (const b of hu) expect(personal(b, 180).some((t) => pfc(t) === "BANK_FEES_INTEREST_CHARGE")).toBe(true);
    expect(hu.some((b) => b.liabilities!.credit!.some((l) => l.is_overdue))).toBe(true);
    const minimumOnly = hu.filter((b) =>
      b.liabilities!.credit!.some((l) => {
        const pays = personal(b).filter((t) => t.account_id === l.account_id && pfc(t) === "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT").map((t) => -t.amount);
        return pays.length >= 3 && pays.every((p) => p < 0.05 * l.last_statement_balance!);
      }),
    );
    expect(minimumOnly.length).toBeGreaterThan(0);
    for (const b of bundles.filter((x) => personaOf(x) !== "high_utilization")) {
      expect(personal(b).some((t) => pfc(t) === "BANK_FEES_INTEREST_CHARGE"), b.user!.user_id).toBe(false);
      for (const c of cards(b)) expect(utilisation(c)).toBeLessThan(0.3);
    }
  });

  it("variable income: pay gaps above 45 days and under a month of buffer", () => {
    for (const b of labelled("variable_income")) {
      expect(median(incomeGaps(b))).toBeGreaterThan(45);
      const spend = personal(b, 180).filter((t) => t.amount > 0 && kindOf.get(t.merchant_entity_id ?? "") !== "transfer" && !t.personal_finance_category!.primary.startsWith("TRANSFER") && pfc(t) !== "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT");
      const monthly = spend.reduce((s, t) => s + t.amount, 0) / 6;
      const checking = accounts(b).find((a) => a.subtype === "checking" && a.holder_category === "personal")!.balances.current!;
      expect(checking).toBeLessThan(monthly);
    }
    for (const b of bundles.filter((x) => !hasTrait(x, "variable_income", "mixed_variable_income_fees", "thin_file"))) expect(median(incomeGaps(b)), b.user!.user_id).toBeLessThanOrEqual(31);
  });

  it("fee fighters: at least two overdraft / NSF fees in the last 30 days; nobody else has any", () => {
    const isFee = (t: Txn) => pfc(t) === "BANK_FEES_OVERDRAFT_FEES" || pfc(t) === "BANK_FEES_INSUFFICIENT_FUNDS";
    const feeFighters = bundles.filter((b) => personal(b).some(isFee));
    for (const b of feeFighters) expect(personal(b, 30).filter(isFee).length).toBeGreaterThanOrEqual(2);
    for (const b of labelled("fee_fighter")) expect(feeFighters).toContain(b);
    for (const b of feeFighters) expect(["fee_fighter", "variable_income"]).toContain(personaOf(b));
  });

  it("subscription-heavy: ≥ 3 steady subscriptions worth ≥ $50 a month; others at most 2, some with a price rise", () => {
    const streams = (b: PlaidBundle) => {
      const by = new Map<string, number[]>();
      for (const t of personal(b, 90)) if (t.amount > 0 && kindOf.get(t.merchant_entity_id ?? "") === "subscription") by.set(t.merchant_entity_id!, [...(by.get(t.merchant_entity_id!) ?? []), t.amount]);
      return [...by.values()];
    };
    for (const b of bundles) {
      const s = streams(b);
      if (hasTrait(b, "subscription_heavy", "mixed_utilization_subscriptions", "mixed_subscriptions_savings")) {
        const steady = s.filter((a) => a.length >= 3 && new Set(a).size === 1);
        expect(steady.length).toBeGreaterThanOrEqual(3);
        expect(steady.reduce((sum, a) => sum + a[0], 0)).toBeGreaterThanOrEqual(50);
      } else {
        expect(s.length).toBeLessThanOrEqual(2);
      }
    }
    expect(bundles.some((b) => streams(b).some((a) => new Set(a).size > 1))).toBe(true);
  });

  it("savings builders: ≥ $200 into savings in the last 30 days and every card under 30%", () => {
    for (const b of bundles.filter((x) => hasTrait(x, "savings_builder", "mixed_subscriptions_savings"))) {
      const savingsIds = new Set(accounts(b).filter((a) => SAVINGS_LIKE.has(a.subtype!)).map((a) => a.account_id));
      const inflow = -personal(b, 30).filter((t) => savingsIds.has(t.account_id)).reduce((s, t) => s + t.amount, 0);
      expect(inflow).toBeGreaterThanOrEqual(200);
      for (const c of cards(b)) expect(utilisation(c)).toBeLessThan(0.3);
    }
  });

  it("thin files, gig workers and cash-heavy customers look like themselves", () => {
    for (const b of bundles.filter((x) => profileOf(x) === "thin_file")) {
      const days = txns(b).map((t) => dayOf(t.date));
      expect(ASOF - days.reduce((a, d) => Math.min(a, d), Infinity)).toBeLessThanOrEqual(42);
      expect(txns(b).length).toBeLessThan(80);
      expect(personaOf(b)).toBe("insufficient_data");
    }
    for (const b of bundles.filter((x) => profileOf(x) === "gig_worker")) {
      const payers = new Set(personal(b).filter((t) => pfc(t) === "INCOME_OTHER_INCOME").map((t) => t.merchant_entity_id));
      expect(payers.size).toBeGreaterThanOrEqual(2);
    }
    for (const b of bundles.filter((x) => profileOf(x) === "cash_heavy")) {
      const atm = personal(b).filter((t) => pfc(t) === "TRANSFER_OUT_WITHDRAWAL").reduce((s, t) => s + t.amount, 0);
      const purchases = personal(b).filter((t) => kindOf.get(t.merchant_entity_id ?? "") === "everyday").reduce((s, t) => s + t.amount, 0);
      expect(atm).toBeGreaterThan(purchases);
    }
  });

  it("pay on every payroll cadence", () => {
    const gaps = new Set(bundles.filter((b) => profileOf(b) === "healthy" || profileOf(b) === "savings_builder" || profileOf(b) === "subscription_heavy").map((b) => median(incomeGaps(b))));
    expect(gaps.has(7)).toBe(true);
    expect(gaps.has(14)).toBe(true);
    expect([13, 15, 16, 17].some((g) => gaps.has(g))).toBe(true);
    expect([28, 30, 31].some((g) => gaps.has(g))).toBe(true);
  });
});

describe("generateBundles", () => {
  it("is lazy: three customers of 100 000 without building the rest", () => {
    const started = performance.now();
    const it = generateBundles({ ...OPTS, users: 100_000 });
    expect(typeof it.next).toBe("function");
    const first = [it.next().value, it.next().value, it.next().value] as PlaidBundle[];
    expect(first.map((b) => b.user!.user_id)).toEqual(["usr_00001", "usr_00002", "usr_00003"]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses bad options", () => {
    expect(() => generateBundles({ ...OPTS, asOf: "2026-02-30" }).next()).toThrow(/not a real calendar date/);
    expect(() => generateBundles({ ...OPTS, months: 0 }).next()).toThrow(/months/);
  });
});
