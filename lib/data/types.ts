// The normalised records every ingest format is parsed into, and that the writer persists.
// Field names are Plaid's; money is integer cents; dates are ISO `YYYY-MM-DD` strings.
import { DomainError } from "../errors";

export type HolderCategory = "personal" | "business";

export interface CustomerRecord {
  user_id: string;
  name: string;
  /** true = opted in, false = declined, null = input says nothing (stays without consent). */
  consent: boolean | null;
  age_band: string | null;
  gender: string | null;
  region: string | null;
  income_tier: string | null;
  credit_score: number | null;
  /** Which input format the record came from: bundle | sandbox | csv. */
  source: string;
  /** The input names no one: `name` is a stand-in, never compared with a stored name. */
  unnamed?: true;
}

/** Ground truth from the generator; stored apart from what the engine reads. */
export interface GeneratorLabelRecord {
  user_id: string;
  intended_persona: string;
  profile: string;
  seed: number;
  /** Injected ground-truth events (generator_events); absent when the generator injected none. */
  events?: GeneratorEventRecord[];
}

export interface GeneratorEventRecord {
  kind: string;
  source: string;
  date: string;
  account_id: string;
  transaction_ids: string[];
  expected_alert: string;
}

export interface AccountRecord {
  account_id: string;
  user_id: string;
  type: string;
  subtype: string;
  name: string;
  official_name: string | null;
  mask: string | null;
  available_cents: number | null;
  current_cents: number | null;
  limit_cents: number | null;
  /** See `currencyColumns`: "XXX" (ISO 4217's "no currency") when Plaid gives only an unofficial code. */
  iso_currency_code: string;
  /** Plaid's unofficial_currency_code (e.g. BTC); the money's currency when set. */
  unofficial_currency_code: string | null;
  holder_category: HolderCategory;
  /** Which input format the account came from: bundle | sandbox | csv (snapshot replacement is per source). */
  source: string;
}

export interface TransactionRecord {
  transaction_id: string;
  account_id: string;
  user_id: string;
  date: string;
  authorized_date: string | null;
  amount_cents: number;
  iso_currency_code: string;
  unofficial_currency_code: string | null;
  /** Neither the transaction nor an account in the same input named a currency: the writer takes the stored account's. */
  currency_from_account?: boolean;
  name: string;
  merchant_name: string | null;
  merchant_entity_id: string | null;
  /** Our merchant catalog's id when the merchant is known (see lib/data/categorise.ts). */
  merchant_id: number | null;
  payment_channel: string;
  pfc_primary: string;
  pfc_detailed: string;
  pending: boolean;
}

export interface CreditAprRecord {
  apr_type: string;
  apr_percentage: number;
  balance_subject_to_apr_cents: number | null;
  interest_charge_amount_cents: number | null;
}

export interface CreditLiabilityRecord {
  account_id: string;
  aprs: CreditAprRecord[];
  minimum_payment_cents: number | null;
  last_payment_cents: number | null;
  last_payment_date: string | null;
  last_statement_balance_cents: number | null;
  last_statement_issue_date: string | null;
  next_payment_due_date: string | null;
  is_overdue: boolean | null;
}

export interface MortgageLiabilityRecord {
  account_id: string;
  interest_rate_percentage: number | null;
  interest_rate_type: string | null;
  next_payment_due_date: string | null;
  next_monthly_payment_cents: number | null;
  last_payment_cents: number | null;
  last_payment_date: string | null;
  origination_date: string | null;
  origination_principal_cents: number | null;
  past_due_amount_cents: number | null;
  loan_term: string | null;
  maturity_date: string | null;
  escrow_balance_cents: number | null;
  ytd_interest_paid_cents: number | null;
  ytd_principal_paid_cents: number | null;
}

export interface StudentLiabilityRecord {
  account_id: string;
  interest_rate_percentage: number | null;
  next_payment_due_date: string | null;
  minimum_payment_cents: number | null;
  last_payment_cents: number | null;
  last_payment_date: string | null;
  is_overdue: boolean | null;
  loan_name: string | null;
  loan_status_type: string | null;
  repayment_plan_type: string | null;
  expected_payoff_date: string | null;
  origination_date: string | null;
  origination_principal_cents: number | null;
  outstanding_interest_cents: number | null;
  ytd_interest_paid_cents: number | null;
  ytd_principal_paid_cents: number | null;
}

/** One parsed unit of input (a file, or one bundle of a file), ready to write. */
export interface IngestBatch {
  customers: CustomerRecord[];
  labels: GeneratorLabelRecord[];
  accounts: AccountRecord[];
  transactions: TransactionRecord[];
  credit: CreditLiabilityRecord[];
  mortgage: MortgageLiabilityRecord[];
  student: StudentLiabilityRecord[];
  /** /transactions/sync `removed[]`: soft-deleted if they belong to `user_id` (else an issue). */
  removed: RemovedTransactionRecord[];
  /**
   * Customers this batch holds a WHOLE snapshot of, from one source (a sandbox custom-user file):
   * their records from that source that the snapshot no longer holds are replaced, not kept.
   */
  snapshots: Array<{ user_id: string; source: string }>;
  /** Things accepted but not stored (e.g. a sandbox payroll/paystub account), for the summary. */
  notes: string[];
}

export interface RemovedTransactionRecord {
  transaction_id: string;
  user_id: string;
  file: string;
  record: string;
}

export function emptyBatch(): IngestBatch {
  return { customers: [], labels: [], accounts: [], transactions: [], credit: [], mortgage: [], student: [], removed: [], snapshots: [], notes: [] };
}

/** One problem found in input: names the file, record, field and reason. */
export interface IngestIssue {
  file: string;
  /** e.g. "bundles[3].transactions[12]" or "row 7" */
  record: string;
  field: string;
  reason: string;
}

/** How many problems an ingest error shows in full; the rest are counted ("… and N more"). */
export const ISSUES_SHOWN = 100;

export class IngestError extends DomainError {
  /** "Ingest refused: N problems, nothing was written." */
  readonly headline: string;
  /** The first ISSUES_SHOWN problems, shown in full. */
  readonly shown: IngestIssue[];
  /** How many problems are not shown in full. */
  readonly more: number;

  constructor(public readonly issues: IngestIssue[]) {
    const headline = `Ingest refused: ${issues.length} problem${issues.length === 1 ? "" : "s"}, nothing was written.`;
    const shown = issues.slice(0, ISSUES_SHOWN);
    const more = issues.length - shown.length;
    // In full on a terminal; where the problems travel as details (the API), the message stays small: the first ones, the rest counted.
    super(
      "ingest_refused",
      [headline, ...shown.map((i) => `  ${i.file}: ${i.record}${i.field ? ` field "${i.field}"` : ""}: ${i.reason}`), ...(more ? [`  … and ${more} more`] : [])].join("\n"),
      { details: shown, publicMessage: `${headline}${more ? ` The first ${shown.length} are in details, and ${more} more.` : ""}` },
    );
    this.name = "IngestError";
    this.headline = headline;
    this.shown = shown;
    this.more = more;
  }
}
