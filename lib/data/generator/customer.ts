// Builds one customer's bundle from (seed, index, asOf, months) alone: draws the profile, opens
// accounts, lays down loans, bills, subscriptions, everyday spending, cash, fees and transfers,
// runs the card cycles, then sets pay so that flows and balances agree.
import type { PlaidBundle } from "../../validation/plaid";
import { AccountBook, BUSINESS_CARDS, PERSONAL_CARDS } from "./accounts";
import { generateBills } from "./bills";
import { toBundle, type CustomerDrafts } from "./bundle";
import { generateBusinessSpend } from "./business";
import { generateCash, generateOverdraftFees, generateServiceFees } from "./cash-and-fees";
import { simulateCard, type CardOutcome, type CardPlan, type PayBehavior } from "./card-cycle";
import { dayFromIso, historyStart, type Day } from "../dates";
import { eventsEnabled, injectAfterPay, injectBeforePay, planEvents } from "./events";
import { drawDemographics, incomeTierOf, INCOME_TIERS, TIER_SCALE, type IncomeTier } from "./demographics";
import { generateEveryday } from "./everyday";
import type { Household } from "./household";
import { businessRevenuePlan, gigPlan, payrollPlan, postIncome, variablePlan, type IncomePlan } from "./income";
import { Ledger } from "./ledger";
import { makeMortgage, makeStudentLoan, postLoanPayments } from "./loans";
import { Rng } from "./prng";
import { drawCustomer, type Traits } from "./profiles";
import { generateInterest, generateInvestmentTransfers, generateSavingsTransfers, generateSavingsWithdrawals } from "./savings";
import { generateSubscriptions } from "./subscriptions";

export interface GenerateOptions {
  users: number;
  seed: number;
  /** Last day of history, YYYY-MM-DD. */
  asOf: string;
  months: number;
  /** Share of customers (0–1) given one labelled anomaly (see events.ts); default 0. */
  anomalyRate?: number;
  /** Share of customers (0–1) given one labelled fraud event (see events.ts); default 0. */
  fraudRate?: number;
}

const DAYS_PER_MONTH = 30.4375;
const REVOLVING_APRS = [21.24, 22.49, 23.99, 24.74, 25.49, 26.99, 27.49, 28.24, 29.24, 29.99];
const TRANSACTOR_APRS = [18.24, 19.49, 20.24, 20.99, 21.74, 22.99, 23.74, 24.99];

/** Throws a RangeError naming the first bad option. */
export function validateOptions(opts: GenerateOptions): void {
  if (!Number.isSafeInteger(opts.users) || opts.users < 0) throw new RangeError(`users must be a whole number ≥ 0 (got ${opts.users})`);
  if (!Number.isSafeInteger(opts.seed)) throw new RangeError(`seed must be a whole number (got ${opts.seed})`);
  if (!Number.isSafeInteger(opts.months) || opts.months < 1 || opts.months > 120) throw new RangeError(`months must be a whole number from 1 to 120 (got ${opts.months})`);
  for (const [name, r] of [["anomaly rate", opts.anomalyRate], ["fraud rate", opts.fraudRate]] as const) {
    if (r !== undefined && !(Number.isFinite(r) && r >= 0 && r <= 1)) throw new RangeError(`${name} must be a number from 0 to 1 (got ${r})`);
  }
  dayFromIso(opts.asOf);
}

function baseTier(t: Traits, rng: Rng): IncomeTier {
  const weights: readonly number[] = t.saver
    ? [0.5, 1, 3, 3, 1.5]
    : t.fees || t.variableIncome || t.cashHeavy
      ? [3, 3, 2, 0.5, 0.1]
      : t.highUtilization
        ? [1.5, 3, 3, 1.5, 0.5]
        : [1.5, 2.5, 3, 2, 1];
  return rng.weighted(INCOME_TIERS.map((tier, i) => [tier, weights[i]] as const));
}

function cardCount(t: Traits, rng: Rng): number {
  if (t.highUtilization) return rng.chance(0.6) ? 1 : 2;
  if (t.saver) return rng.chance(0.6) ? 1 : 2;
  if (t.thinFile) return rng.chance(0.5) ? 0 : 1;
  if (t.cashHeavy) return rng.chance(0.65) ? 0 : 1;
  if (t.fees || t.variableIncome) return rng.chance(0.5) ? 0 : 1;
  return rng.weighted<number>([
    [0, 0.15],
    [1, 0.55],
    [2, 0.3],
  ]);
}

function hasSavings(t: Traits, rng: Rng): boolean {
  if (t.saver) return true;
  if (t.fees || t.variableIncome) return rng.chance(0.35);
  if (t.cashHeavy) return rng.chance(0.25);
  if (t.thinFile) return rng.chance(0.3);
  return rng.chance(0.65);
}

/** Checking balance at the start and end of history, in months of spending. */
function checkingTargets(t: Traits, rng: Rng): { opening: number; end: number } {
  if (t.variableIncome) return { opening: rng.range(0.3, 0.9), end: rng.range(0.12, 0.55) };
  if (t.fees) return { opening: rng.range(0.05, 0.3), end: rng.range(0.01, 0.1) };
  if (t.highUtilization) return { opening: rng.range(0.2, 0.8), end: rng.range(0.15, 0.9) };
  if (t.thinFile) return { opening: rng.range(0.1, 0.6), end: rng.range(0.3, 1.2) };
  if (t.cashHeavy) return { opening: rng.range(0.1, 0.5), end: rng.range(0.1, 0.6) };
  if (t.gig) return { opening: rng.range(0.2, 0.8), end: rng.range(0.2, 1.0) };
  const opening = rng.range(0.8, 2.4);
  return { opening, end: opening * rng.range(0.95, 1.3) };
}

/** Spending as the engine defines it (no transfers or card payments), per month of history. */
function monthlySpend(ledger: Ledger, personal: (acct: number) => boolean, days: number): number {
  let total = 0;
  for (const t of ledger.txns) {
    if (t.pending || t.cents <= 0 || !personal(t.acct) || t.merchant.kind === "transfer") continue;
    total += t.cents;
  }
  return (total / days) * DAYS_PER_MONTH;
}

/** Posts pay into `acct` so its balance runs from `opening` to about `end`; returns pay posted. */
function settleChecking(h: Household, acct: number, plan: IncomePlan, opening: number, end: number): number {
  const outflows = h.ledger.postedNet(acct);
  const needed = Math.max(end - opening + outflows, plan.items.length * 100);
  return postIncome(h, acct, plan, Math.round(needed));
}

export function generateCustomer(opts: GenerateOptions, index: number): PlaidBundle {
  const asOf: Day = dayFromIso(opts.asOf);
  const seed = opts.seed;
  const draw = drawCustomer(seed, index);
  const t = draw.traits;
  const rng = Rng.for(seed, index, "customer");
  const demographics = drawDemographics(seed, index, draw.profile, draw.extra, rng);

  const fullStart = historyStart(asOf, opts.months);
  const start = t.thinFile ? Math.max(fullStart, asOf - rng.int(21, 42) + 1) : fullStart;
  const days = asOf - start + 1;
  const ledger = new Ledger(start, asOf, Rng.for(seed, index, "ledger"));
  const book = new AccountBook(rng);

  // ── accounts ─────────────────────────────────────────────────────────────────────────────────
  const checking = book.open("checking");
  const savings = hasSavings(t, rng) ? book.open("savings") : null;
  const extra = draw.extra === "none" || draw.extra === "business" ? null : book.open(draw.extra);
  const issuers = rng.sample(PERSONAL_CARDS, cardCount(t, rng));
  const cards = issuers.map((issuer) => book.openCard(issuer));
  const bizIssuer = draw.extra === "business" ? rng.pick(BUSINESS_CARDS) : null;
  const business = bizIssuer ? { checking: book.open("checking", "business"), card: book.openCard(bizIssuer, "business"), issuer: bizIssuer } : null;

  const tier = baseTier(t, rng);
  const scale = TIER_SCALE[tier] * rng.range(0.9, 1.1);
  const behaviors: PayBehavior[] = cards.map((_, i) =>
    t.highUtilization && i === 0
      ? rng.weighted<PayBehavior>([
          ["minimum", 0.35],
          ["partial", 0.35],
          ["overdue", 0.3],
        ])
      : t.highUtilization && rng.chance(0.3)
        ? "partial"
        : "full",
  );
  const cardShare = t.cashHeavy ? 0.15 : behaviors[0] === "minimum" || behaviors[0] === "overdue" ? rng.range(0.2, 0.35) : behaviors[0] === "partial" ? rng.range(0.35, 0.55) : rng.range(0.45, 0.8);

  const h: Household = {
    ledger,
    rng,
    start,
    end: asOf,
    region: demographics.region,
    scale,
    intensity: t.thinFile ? 0.55 : t.cashHeavy ? 0.2 : rng.range(0.75, 1.15),
    carOwner: t.gig || rng.chance(demographics.region === "Northeast" ? 0.55 : demographics.region === "West" ? 0.75 : 0.9),
    checking,
    cards,
    cardShare,
  };

  // ── outflows ─────────────────────────────────────────────────────────────────────────────────
  const mortgage = draw.extra === "mortgage" && extra !== null ? makeMortgage(h, demographics.ageBand === "25-34" ? 5 : 12) : null;
  const student = draw.extra === "student" && extra !== null ? makeStudentLoan(h) : null;
  if (mortgage) postLoanPayments(h, mortgage);
  if (student) postLoanPayments(h, student);
  generateBills(h, { mortgagePayment: mortgage ? { cents: mortgage.monthlyPayment, servicer: mortgage.servicer } : null });
  const priceRise = generateSubscriptions(h, { heavy: t.subscriptionHeavy });
  generateEveryday(h);
  generateCash(h, t.cashHeavy);
  if (t.fees) {
    generateOverdraftFees(h);
    if (rng.chance(0.5)) generateServiceFees(h);
  }
  const events = eventsEnabled(opts) ? planEvents(seed, index, opts) : null;
  if (events) injectBeforePay(h, events, priceRise);

  // ── savings ──────────────────────────────────────────────────────────────────────────────────
  const mask = (i: number) => book.mask4(i);
  const savingsDest = t.saver ? (extra !== null && (draw.extra === "money market" || draw.extra === "cash management") ? extra : savings) : null;
  const openings = new Map<number, number>();
  if (savings !== null) openings.set(savings, t.fees || t.variableIncome || t.thinFile ? rng.int(20, 450) * 100 : Math.round(rng.around(3000 * scale, 0.8)) * 100);
  if (extra !== null && (draw.extra === "money market" || draw.extra === "cash management" || draw.extra === "hsa")) {
    const median = draw.extra === "money market" ? 12000 : draw.extra === "cash management" ? 8000 : 2500;
    openings.set(extra, Math.round(rng.around(median * scale, 0.7)) * 100);
  }
  if (savingsDest !== null) {
    openings.set(savingsDest, Math.max(50_000, Math.round(rng.around(6000 * scale, 0.6)) * 100));
    generateSavingsTransfers(h, mask(checking), { acct: savingsDest, mask: mask(savingsDest) });
    generateInterest(h, savingsDest, openings.get(savingsDest) ?? 0, rng.range(3.3, 4.4));
  } else if (savings !== null && (t.fees || t.variableIncome) && rng.chance(0.6)) {
    generateSavingsWithdrawals(h, mask(checking), { acct: savings, mask: mask(savings) }, openings.get(savings) ?? 0);
  }
  if (!t.saver && !t.fees && !t.variableIncome && !t.highUtilization && !t.thinFile && (tier === "upper_middle" || tier === "high") && rng.chance(0.5)) {
    generateInvestmentTransfers(h);
  }

  // ── cards ────────────────────────────────────────────────────────────────────────────────────
  const cardResults: Array<{ plan: CardPlan; outcome: CardOutcome }> = [];
  cards.forEach((acct, i) => {
    const behavior = behaviors[i];
    const revolving = behavior !== "full";
    const apr = rng.pick(revolving ? REVOLVING_APRS : TRANSACTOR_APRS);
    const plan: CardPlan = {
      acct,
      payFrom: checking,
      issuer: issuers[i],
      behavior,
      aprPct: apr,
      cashAprPct: Math.min(29.99, Math.round((apr + 5) * 100) / 100),
      statementDom: rng.int(1, 28),
      openingCents: Math.round(rng.around(4200 * scale, 0.35)) * 100,
      targetUtil: revolving ? rng.range(0.55, 0.92) : rng.range(0.03, 0.22),
      partialShare: rng.range(0.6, 1.0),
      isNew: t.thinFile,
    };
    cardResults.push({ plan, outcome: simulateCard(plan, ledger, rng) });
  });

  // ── business ─────────────────────────────────────────────────────────────────────────────────
  if (business) {
    const b: Household = { ...h, checking: business.checking, cards: [business.card], cardShare: 0.9, intensity: rng.range(0.6, 1.2) };
    generateBusinessSpend(b);
    const plan: CardPlan = {
      acct: business.card,
      payFrom: business.checking,
      issuer: business.issuer,
      behavior: "full",
      aprPct: rng.pick(TRANSACTOR_APRS),
      cashAprPct: 29.99,
      statementDom: rng.int(1, 28),
      openingCents: 0,
      targetUtil: rng.range(0.05, 0.2),
      partialShare: 1,
      isNew: t.thinFile,
    };
    cardResults.push({ plan, outcome: simulateCard(plan, ledger, rng) });
    const opening = Math.round(rng.range(2000, 15000)) * 100;
    settleChecking(b, business.checking, businessRevenuePlan(b), opening, Math.round(rng.range(2500, 20000)) * 100);
    openings.set(business.checking, opening);
  }

  // ── pay ──────────────────────────────────────────────────────────────────────────────────────
  const personal = (acct: number) => book.accounts[acct].holder === "personal";
  const spend = Math.max(50_000, monthlySpend(ledger, personal, days));
  const target = checkingTargets(t, rng);
  const opening = Math.round(target.opening * spend);
  const plan = t.variableIncome ? variablePlan(h) : t.gig ? gigPlan(h) : payrollPlan(h, t.cashHeavy ? rng.pick(["weekly", "biweekly"] as const) : undefined);
  const pay = settleChecking(h, checking, plan, opening, Math.round(target.end * spend));
  openings.set(checking, opening);
  const incomeTier = incomeTierOf((pay / days) * DAYS_PER_MONTH);
  if (events) injectAfterPay(h, events, () => opening - ledger.postedNet(checking));

  // ── balances ─────────────────────────────────────────────────────────────────────────────────
  book.accounts.forEach((a, i) => {
    if (a.type === "depository") {
      a.current = (openings.get(i) ?? 0) - ledger.postedNet(i);
      a.available = a.current - ledger.pendingOut(i);
    }
  });
  for (const { plan: p, outcome: o } of cardResults) {
    const a = book.accounts[p.acct];
    a.current = o.balance;
    a.limit = o.limit;
    a.available = o.limit - o.balance - o.pending;
  }
  if (mortgage && extra !== null) book.accounts[extra].current = mortgage.balance;
  if (student && extra !== null) book.accounts[extra].current = student.balance;

  const drafts: CustomerDrafts = {
    seed,
    index,
    draw,
    demographics,
    incomeTier,
    accounts: book.accounts,
    txns: ledger.txns,
    cards: cardResults,
    mortgages: mortgage && extra !== null ? [{ acct: extra, liability: mortgage.liability }] : [],
    students: student && extra !== null ? [{ acct: extra, liability: student.liability }] : [],
    events: events ? events.events : null,
  };
  return toBundle(drafts);
}
