// Credit card statement cycles. Walks each day of history: purchases raise the balance, a
// statement closes on a fixed day each month (posting interest when the card revolves), and the
// payment — full, partial, minimum-only, or skipped for an overdue card — posts before the due
// date as a pair of legs (card and checking). The limit is chosen last, so the balance at asOf
// lands on the utilisation the profile asks for.
import { merchantNamed } from "../merchants";
import { monthlyDays, type Day } from "../dates";
import type { Issuer } from "./accounts";
import type { Ledger } from "./ledger";
import { roundToDollars } from "./money";
import type { Rng } from "./prng";

const CARD_PAYMENT_OUT = merchantNamed("Credit Card Payment");
const CARD_PAYMENT_IN = merchantNamed("Card Payment Received");
const INTEREST = merchantNamed("Interest Charge");
const LATE_FEE = merchantNamed("Late Fee");

/** Days from statement to payment due date. */
const GRACE_DAYS = 25;
const MIN_PAYMENT_FLOOR = 3500;

export type PayBehavior = "full" | "partial" | "minimum" | "overdue";

export interface CardPlan {
  acct: number;
  /** The checking account payments come from. */
  payFrom: number;
  issuer: Issuer;
  behavior: PayBehavior;
  aprPct: number;
  cashAprPct: number;
  statementDom: number;
  /** Balance carried into history (revolvers); full payers derive theirs from spending. */
  openingCents: number;
  /** Utilisation at asOf the limit is chosen for. */
  targetUtil: number;
  /** Partial payers cover this share of the cycle's new purchases plus interest (≥ 2× minimum). */
  partialShare: number;
  /** A card opened at the start of history (thin files): no balance carried in. */
  isNew: boolean;
}

export interface CardOutcome {
  balance: number;
  pending: number;
  limit: number;
  lastStatement: { day: Day; balance: number; minimum: number; interest: number } | null;
  lastPayment: { day: Day; cents: number } | null;
  nextDue: Day | null;
  overdue: boolean;
  revolving: boolean;
}

/** 1% of the balance plus interest, at least $35, never more than the balance. */
export function minimumPayment(statementBalance: number, interest: number): number {
  if (statementBalance <= 0) return 0;
  return Math.min(statementBalance, Math.max(MIN_PAYMENT_FLOOR, Math.round(statementBalance / 100) + interest));
}

export function simulateCard(plan: CardPlan, ledger: Ledger, rng: Rng): CardOutcome {
  const { start, asOf: end } = ledger;
  const revolving = plan.behavior !== "full";
  const purchases = new Map<Day, number>();
  let pending = 0;
  let firstMonth = 0;
  for (const t of ledger.txns) {
    if (t.acct !== plan.acct) continue;
    if (t.pending) {
      pending += t.cents;
      continue;
    }
    purchases.set(t.day, (purchases.get(t.day) ?? 0) + t.cents);
    if (t.day < start + 30) firstMonth += t.cents;
  }

  const statements = monthlyDays(start - 40, end + 40, plan.statementDom);
  const before = statements.filter((d) => d < start);
  const inHistory = statements.filter((d) => d >= start && d <= end);
  const after = statements.find((d) => d > end) ?? null;
  const dueDays = statements.map((d) => d + GRACE_DAYS).filter((d) => d < end);
  const skipDue = plan.behavior === "overdue" && dueDays.length > 0 ? dueDays[dueDays.length - 1] : null;

  let balance = plan.isNew ? 0 : revolving ? plan.openingCents : Math.round(firstMonth * rng.range(0.8, 1.2));
  let maxBalance = balance;
  let lastStatement: CardOutcome["lastStatement"] = null;
  let lastPayment: CardOutcome["lastPayment"] = null;
  let owed: Owed | null = null;
  let cycleBought = 0;
  let pastDueMinimum = 0;
  const lateFee = rng.pick([3000, 3200, 4100]);

  const schedule = (statementDay: Day, statementBalance: number, minimum: number, newCharges: number) => {
    const due = statementDay + GRACE_DAYS;
    owed = statementBalance > 0 ? { statement: statementBalance, minimum, due, payDay: due - rng.int(0, 3), newCharges } : null;
  };
  const prior = before[before.length - 1];
  if (prior !== undefined && balance > 0) {
    const interest = revolving ? Math.round((balance * plan.aprPct) / 1200) : 0;
    schedule(prior, balance, minimumPayment(balance, interest), Math.round(firstMonth * 0.9) + interest);
  }
  const statementSet = new Set(inHistory);

  for (let day = start; day <= end; day++) {
    const bought = purchases.get(day);
    if (bought) {
      balance += bought;
      cycleBought += bought;
    }

    const o = owed as Owed | null;
    if (o && day === o.payDay) {
      if (o.due === skipDue) {
        pastDueMinimum = o.minimum;
      } else {
        const amount = paymentAmount(plan, o);
        if (amount > 0) {
          ledger.post(plan.acct, day, -amount, CARD_PAYMENT_IN, { showMerchant: false });
          ledger.post(plan.payFrom, day, amount, CARD_PAYMENT_OUT, { name: plan.issuer.paymentDescriptor, showMerchant: false });
          balance -= amount;
          lastPayment = { day, cents: amount };
        }
      }
      owed = null;
    }
    if (skipDue !== null && day === skipDue + 1) {
      ledger.post(plan.acct, day, lateFee, LATE_FEE, { showMerchant: false, authorized: false });
      balance += lateFee;
      cycleBought += lateFee;
    }

    if (statementSet.has(day)) {
      const interest = revolving && balance > 0 ? Math.round((balance * plan.aprPct) / 1200) : 0;
      if (interest > 0) {
        ledger.post(plan.acct, day, interest, INTEREST, { showMerchant: false, authorized: false });
        balance += interest;
      }
      const minimum = minimumPayment(balance, interest) + pastDueMinimum;
      lastStatement = { day, balance, minimum, interest };
      schedule(day, balance, minimum, cycleBought + interest);
      cycleBought = 0;
    }
    if (balance > maxBalance) maxBalance = balance;
  }

  const pendingDue = [lastStatement ? lastStatement.day + GRACE_DAYS : null, after !== null ? after + GRACE_DAYS : null].filter(
    (d): d is Day => d !== null && d > end,
  );
  const limit = chooseLimit(plan, balance, maxBalance);
  return {
    balance,
    pending,
    limit,
    lastStatement,
    lastPayment,
    nextDue: pendingDue.length ? pendingDue.reduce((a, b) => Math.min(a, b)) : null,
    overdue: skipDue !== null,
    revolving,
  };
}

interface Owed {
  statement: number;
  minimum: number;
  due: Day;
  payDay: Day;
  /** Purchases, fees and interest added during the cycle the statement closes. */
  newCharges: number;
}

function paymentAmount(plan: CardPlan, o: Owed): number {
  switch (plan.behavior) {
    case "full":
      return o.statement;
    case "minimum":
    case "overdue":
      return o.minimum;
    case "partial": {
      // Round sums well above the minimum that roughly keep pace with new charges: the balance
      // keeps revolving instead of being paid down.
      if (o.statement <= o.minimum * 2) return o.statement;
      const floor = roundToDollars(o.minimum * 2) + 100;
      return Math.min(o.statement, Math.max(floor, roundToDollars(o.newCharges * plan.partialShare)));
    }
  }
}

/** Revolvers sit at their target utilisation (never below their peak balance); others well under 30%. */
function chooseLimit(plan: CardPlan, balance: number, maxBalance: number): number {
  const up = (c: number, step: number) => Math.ceil(c / step) * step;
  if (plan.behavior !== "full") {
    const atTarget = Math.floor(balance / plan.targetUtil / 10_000) * 10_000;
    return Math.max(atTarget, up(maxBalance, 10_000), 50_000);
  }
  return Math.max(up(balance / plan.targetUtil, 50_000), up(maxBalance / 0.28, 50_000), 100_000);
}
