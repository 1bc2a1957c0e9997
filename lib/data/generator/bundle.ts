// Turns a customer's drafts (integer cents, day numbers) into the Plaid-shaped JSON bundle. Every
// object is built literally so its key order — and so JSON.stringify's output — never changes.
import type { PlaidBundle } from "../../validation/plaid";
import type { AccountDraft } from "./accounts";
import type { CardOutcome, CardPlan } from "./card-cycle";
import { isoFromDay, type Day } from "../dates";
import type { Demographics, IncomeTier } from "./demographics";
import { opaqueId, userId } from "./ids";
import { EXPECTED_ALERT, type EventDraft } from "./events";
import type { DraftTxn } from "./ledger";
import { dollars } from "./money";
import type { CustomerDraw } from "./profiles";

type Liabilities = NonNullable<PlaidBundle["liabilities"]>;
export type MortgageLiability = NonNullable<Liabilities["mortgage"]>[number];
export type StudentLiability = NonNullable<Liabilities["student"]>[number];

const isoCache = new Map<Day, string>();
function iso(day: Day): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = isoFromDay(day);
    if (isoCache.size > 20_000) isoCache.clear();
    isoCache.set(day, s);
  }
  return s;
}

export interface CustomerDrafts {
  seed: number;
  index: number;
  draw: CustomerDraw;
  demographics: Demographics;
  incomeTier: IncomeTier;
  accounts: AccountDraft[];
  txns: DraftTxn[];
  cards: Array<{ plan: CardPlan; outcome: CardOutcome }>;
  /** Liability builders keyed by account index. */
  mortgages: Array<{ acct: number; liability: (accountId: string) => MortgageLiability }>;
  students: Array<{ acct: number; liability: (accountId: string) => StudentLiability }>;
  /** Labelled ground-truth events; null when no rate is set (the label then has no `events` key). */
  events: EventDraft[] | null;
}

/** Newest first (as Plaid lists them); ties keep the order they were made in (counting sort). */
function byDateDesc(txns: DraftTxn[]): DraftTxn[] {
  const n = txns.length;
  if (n === 0) return [];
  let lo = txns[0].day;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const d = txns[i].day;
    if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  const starts = new Int32Array(hi - lo + 2);
  for (let i = 0; i < n; i++) starts[hi - txns[i].day + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const out = new Array<DraftTxn>(n);
  for (let i = 0; i < n; i++) out[starts[hi - txns[i].day]++] = txns[i];
  return out;
}

export function toBundle(c: CustomerDrafts): PlaidBundle {
  const accountIds = c.accounts.map((_, i) => opaqueId(c.seed, c.index, "account", i));
  const txnIds = c.events ? new Map<DraftTxn, string>() : null;
  const txnId = (n: number, t: DraftTxn) => {
    const id = opaqueId(c.seed, c.index, "transaction", n);
    txnIds?.set(t, id);
    return id;
  };
  const d = c.demographics;

  const accounts = c.accounts.map((a, i) => ({
    account_id: accountIds[i],
    balances: {
      available: a.available === null ? null : dollars(a.available),
      current: dollars(a.current),
      limit: a.limit === null ? null : dollars(a.limit),
      iso_currency_code: "USD",
    },
    mask: a.mask,
    name: a.name,
    official_name: a.officialName,
    type: a.type,
    subtype: a.subtype,
    holder_category: a.holder,
  }));

  const transactions = byDateDesc(c.txns).map((t, n) => ({
    transaction_id: txnId(n, t),
    account_id: accountIds[t.acct],
    date: iso(t.day),
    authorized_date: t.authDay === null ? null : iso(t.authDay),
    amount: dollars(t.cents),
    iso_currency_code: "USD",
    name: t.name,
    merchant_name: t.showMerchant ? t.merchant.canonical_name : null,
    merchant_entity_id: t.showMerchant ? t.merchant.entity_id : null,
    payment_channel: t.channel,
    personal_finance_category: { primary: t.merchant.pfc_primary, detailed: t.merchant.pfc_detailed },
    pending: t.pending,
  }));

  const credit = c.cards.map(({ plan, outcome: o }) => {
    const s = o.lastStatement;
    return {
      account_id: accountIds[plan.acct],
      aprs: [
        {
          apr_type: "purchase_apr",
          apr_percentage: plan.aprPct,
          balance_subject_to_apr: o.revolving && s ? dollars(s.balance) : 0,
          interest_charge_amount: s ? dollars(s.interest) : 0,
        },
        { apr_type: "cash_apr", apr_percentage: plan.cashAprPct, balance_subject_to_apr: 0, interest_charge_amount: 0 },
      ],
      is_overdue: o.overdue,
      last_payment_amount: o.lastPayment ? dollars(o.lastPayment.cents) : null,
      last_payment_date: o.lastPayment ? iso(o.lastPayment.day) : null,
      last_statement_balance: s ? dollars(s.balance) : null,
      last_statement_issue_date: s ? iso(s.day) : null,
      minimum_payment_amount: s ? dollars(s.minimum) : null,
      next_payment_due_date: o.nextDue === null ? null : iso(o.nextDue),
    };
  });

  return {
    user: {
      user_id: userId(c.index),
      name: d.name,
      consent: c.draw.consent,
      age_band: d.ageBand,
      gender: d.gender,
      region: d.region,
      income_tier: c.incomeTier,
      credit_score: d.creditScore,
    },
    accounts,
    transactions,
    liabilities: {
      credit,
      mortgage: c.mortgages.map((m) => m.liability(accountIds[m.acct])),
      student: c.students.map((s) => s.liability(accountIds[s.acct])),
    },
    label: c.events
      ? {
          intended_persona: c.draw.intendedPersona,
          profile: c.draw.profile,
          seed: c.seed,
          events: c.events.map((e) => ({
            kind: e.kind,
            source: e.source,
            date: iso(e.day),
            account_id: e.txns.length ? accountIds[e.txns[0].acct] : accountIds[0],
            transaction_ids: e.txns.map((t) => txnIds!.get(t)!),
            expected_alert: EXPECTED_ALERT[e.kind],
          })),
        }
      : { intended_persona: c.draw.intendedPersona, profile: c.draw.profile, seed: c.seed },
  };
}
