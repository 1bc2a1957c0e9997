// Mortgages and student loans: amortised from an origination date years before asOf, so the
// balance, the monthly payment drawn from checking and Plaid's liability fields agree.
import { merchantNamed, type MerchantSeed } from "../merchants";
import { addMonths, dayFromParts, isoFromDay, monthlyDays, nextBusinessDay, partsFromDay, type Day } from "../dates";
import type { MortgageLiability, StudentLiability } from "./bundle";
import type { Household } from "./household";
import { dollars } from "./money";

const MORTGAGE_SERVICERS = ["Rocket Mortgage", "Wells Fargo Home Mortgage", "Mr. Cooper"].map(merchantNamed);
const STUDENT_SERVICERS = ["Navient", "Nelnet", "MOHELA", "Aidvantage"].map(merchantNamed);

interface Amortisation {
  principal: number;
  /** Monthly rate. */
  i: number;
  months: number;
  payment: number;
}

function amortise(principal: number, annualPct: number, months: number): Amortisation {
  const i = annualPct / 1200;
  const payment = Math.round((principal * i) / (1 - Math.pow(1 + i, -months)));
  return { principal, i, months, payment };
}

/** Balance after `k` payments, with each payment's interest rounded to cents. */
function walk(a: Amortisation, k: number, onPayment?: (n: number, interest: number, principal: number) => void): number {
  let b = a.principal;
  for (let n = 1; n <= k && b > 0; n++) {
    const interest = Math.round(b * a.i);
    const principal = Math.min(b, a.payment - interest);
    b -= principal;
    onPayment?.(n, interest, principal);
  }
  return b;
}

export interface Loan<L> {
  servicer: MerchantSeed;
  /** What leaves checking each month (principal, interest and any escrow). */
  monthlyPayment: number;
  balance: number;
  /** Days on which a payment posts inside history. */
  paymentDays: Day[];
  liability: (accountId: string) => L;
}

function paymentSchedule(h: Household, firstPayment: Day, payments: number, dom: number) {
  const last = addMonths(firstPayment, payments - 1);
  const all = monthlyDays(firstPayment, h.end, dom).filter((d) => d <= last);
  const made = all.filter((d) => nextBusinessDay(d) <= h.end);
  return { made, next: made.length < payments ? addMonths(made.length ? made[made.length - 1] : firstPayment, made.length ? 1 : 0) : null };
}

function ytd(a: Amortisation, made: Day[], asOf: Day): { interest: number; principal: number } {
  const year = partsFromDay(asOf).y;
  let interest = 0;
  let principal = 0;
  walk(a, made.length, (n, int, pr) => {
    if (partsFromDay(made[n - 1]).y === year) {
      interest += int;
      principal += pr;
    }
  });
  return { interest, principal };
}

/** A 30-year fixed mortgage taken out 1 … `maxYearsAgo` years before asOf. */
export function makeMortgage(h: Household, maxYearsAgo: number): Loan<MortgageLiability> {
  const { rng } = h;
  const yearsAgo = rng.int(1, maxYearsAgo);
  const rate = Math.round((yearsAgo >= 4 ? rng.range(2.6, 4.4) : rng.range(5.6, 7.4)) * 1000) / 1000;
  const principal = Math.round(rng.around(310_000 * h.scale, 0.28) / 1000) * 1000 * 100;
  const a = amortise(principal, rate, 360);
  const { y, m } = partsFromDay(h.end);
  const origination = dayFromParts(y - yearsAgo, m, rng.int(1, 28));
  const firstPayment = dayFromParts(partsFromDay(addMonths(origination, 2)).y, partsFromDay(addMonths(origination, 2)).m, 1);
  const { made, next } = paymentSchedule(h, firstPayment, 360, 1);
  const balance = walk(a, made.length);
  const escrow = Math.round(rng.around(420 * Math.sqrt(h.scale), 0.25)) * 100;
  const monthlyPayment = a.payment + escrow;
  const paid = ytd(a, made, h.end);
  const lastDay = made.length ? nextBusinessDay(made[made.length - 1]) : null;
  const servicer = rng.pick(MORTGAGE_SERVICERS);
  const escrowBalance = Math.round(rng.range(900, 4200)) * 100;
  return {
    servicer,
    monthlyPayment,
    balance,
    paymentDays: made.map(nextBusinessDay).filter((d) => d >= h.start),
    liability: (accountId) => ({
      account_id: accountId,
      interest_rate: { percentage: rate, type: "fixed" },
      next_payment_due_date: next === null ? null : isoFromDay(next),
      next_monthly_payment: dollars(monthlyPayment),
      last_payment_amount: lastDay === null ? null : dollars(monthlyPayment),
      last_payment_date: lastDay === null ? null : isoFromDay(lastDay),
      origination_date: isoFromDay(origination),
      origination_principal_amount: dollars(principal),
      past_due_amount: 0,
      loan_term: "30 year",
      maturity_date: isoFromDay(addMonths(firstPayment, 359)),
      escrow_balance: dollars(escrowBalance),
      ytd_interest_paid: dollars(paid.interest),
      ytd_principal_paid: dollars(paid.principal),
    }),
  };
}

export function makeStudentLoan(h: Household): Loan<StudentLiability> {
  const { rng } = h;
  const yearsAgo = rng.int(1, 8);
  const rate = Math.round(rng.range(3.73, 7.54) * 100) / 100;
  const principal = Math.round(Math.min(90_000, Math.max(5_000, rng.around(27_000, 0.5)))) * 100;
  const a = amortise(principal, rate, 120);
  const { y, m } = partsFromDay(h.end);
  const origination = dayFromParts(y - yearsAgo, m, rng.int(1, 28));
  const dom = rng.int(5, 28);
  // Repayment starts after a six-month grace period.
  const graceEnd = addMonths(origination, 6);
  const firstPayment = dayFromParts(partsFromDay(graceEnd).y, partsFromDay(graceEnd).m, dom);
  const { made, next } = paymentSchedule(h, firstPayment, 120, dom);
  const balance = walk(a, made.length);
  const paid = ytd(a, made, h.end);
  const lastDay = made.length ? nextBusinessDay(made[made.length - 1]) : null;
  const accrued = lastDay === null ? 0 : Math.round(balance * a.i * Math.min(1, (h.end - lastDay) / 30));
  const servicer = rng.pick(STUDENT_SERVICERS);
  const loanName = rng.pick(["Consolidation", "Direct Unsubsidized Stafford", "Direct Subsidized Stafford"]);
  return {
    servicer,
    monthlyPayment: a.payment,
    balance,
    paymentDays: made.map(nextBusinessDay).filter((d) => d >= h.start),
    liability: (accountId) => ({
      account_id: accountId,
      interest_rate_percentage: rate,
      next_payment_due_date: next === null ? null : isoFromDay(next),
      minimum_payment_amount: dollars(a.payment),
      last_payment_amount: lastDay === null ? null : dollars(a.payment),
      last_payment_date: lastDay === null ? null : isoFromDay(lastDay),
      is_overdue: false,
      loan_name: loanName,
      loan_status: { type: "repayment" },
      repayment_plan: { type: "standard" },
      expected_payoff_date: isoFromDay(addMonths(firstPayment, 119)),
      origination_date: isoFromDay(origination),
      origination_principal_amount: dollars(principal),
      outstanding_interest_amount: dollars(accrued),
      ytd_interest_paid: dollars(paid.interest),
      ytd_principal_paid: dollars(paid.principal),
    }),
  };
}

/** Posts a loan's monthly payments from checking. */
export function postLoanPayments(h: Household, loan: Loan<unknown>): void {
  for (const day of loan.paymentDays) h.ledger.post(h.checking, day, loan.monthlyPayment, loan.servicer);
}
