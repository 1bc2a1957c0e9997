// Every threshold and weight the engine uses, in one versioned object (ARCHITECTURE.md). A
// change here changes the config hash recorded in every decision trace.
import type { PersonaId, WindowId } from "./types";

export const ENGINE_VERSION = "1.0.0";

export const DISCLAIMER = "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.";

export const DEFAULT_CONFIG = {
  version: "2026-12-02.2",
  windows: {
    // days in the window, days the recurring/income detectors look back, and the history a
    // persona needs. Sufficiency is judged by history and activity, not by a transaction count:
    // a 30d view still looks back 90 days for recurring charges and pay, so under 60 days of
    // history those patterns cannot be seen and the window is marked insufficient rather than
    // guessed at; a window with history but no settled activity in its lookback is insufficient
    // too. Otherwise every signal is computed, and one that cannot be is listed with its reason.
    "30d": { days: 30, lookbackDays: 90, minHistoryDays: 60 },
    "180d": { days: 180, lookbackDays: 180, minHistoryDays: 90 },
  } satisfies Record<WindowId, { days: number; lookbackDays: number; minHistoryDays: number }>,
  history: {
    // History is the latest continuous run of settled activity: a stretch longer than this with
    // no transaction on any account (about a quarter; a quiet account paying quarterly interest
    // stays continuous) breaks it, so one old line cannot make 30 days of activity look like 6
    // months. Coverage, per-month figures and sufficiency all count from the run's first day.
    maxQuietDays: 92,
  },
  perMonth: {
    // A "per month" figure divides a total by (days of history it covers ÷ 30): ÷1 for a full 30d
    // window, ÷6 for a full 180d one, ÷4 when only 120 days of history exist. Under this many
    // covered days there is no month to average over: the figure is unknown (null) and only the
    // total over the covered days is reported. Card interest is per statement cycle instead.
    minCoveredDays: 30,
  },
  daysPerMonth: 30.4375,
  recurring: {
    minOccurrences: 3,
    // cadence name → [min gap, max gap, nominal days]
    cadences: {
      weekly: [5, 9, 7],
      biweekly: [12, 17, 14],
      monthly: [26, 35, 30.4375],
      quarterly: [84, 98, 91.3125],
      annual: [350, 380, 365.25],
    } as Record<string, readonly [number, number, number]>,
    /** Every gap must sit within this many days of the median gap (monthly bills drift with weekends). */
    gapToleranceDays: { weekly: 2, biweekly: 3, monthly: 5, quarterly: 10, annual: 15 } as Record<string, number>,
    /** Amounts within this fraction of the stream's typical amount count as the same price. */
    amountTolerance: 0.05,
    /** A stream may change price at most this many times and still be recurring. */
    maxPriceChanges: 1,
    /** Expected charges that may be missing (a gap of about two cadences) while the stream stays recurring. */
    maxMissedOccurrences: 1,
  },
  savings: {
    subtypes: ["savings", "money market", "cash management", "hsa"],
  },
  credit: {
    utilizationFlags: [30, 50, 80],
    /** A payment at or below minimum × (1 + this) counts as a minimum payment. */
    minimumPaymentSlack: 0.1,
  },
  fees: {
    lateFeePattern: "\\bLATE (PAYMENT )?FEE\\b",
  },
  personas: {
    high_utilization: { utilizationPct: 50, strongUtilizationPct: 80 },
    variable_income: { medianGapDays: 45, bufferMonths: 1, strongGapDays: 60, strongBufferMonths: 0.5 },
    fee_fighter: { feeCount: 2, feeCents: 3000, strongFeeCount: 4, strongFeeCents: 10000 },
    subscription_heavy: { count: 3, monthlyCents: 5000, sharePct: 10, strongCount: 5, strongMonthlyCents: 10000 },
    savings_builder: { growthPct: 2, monthlyInflowCents: 20000, maxUtilizationPct: 30, strongMonthlyInflowCents: 50000, strongGrowthPct: 5 },
  },
  /**
   * With no persona matched, the nearest is shown as a "weak" persona (SPEC §3.2) only when its
   * closeness (assign.ts: 1 = matched, value ÷ threshold per check, the mean over an "all") is
   * at least this: the signals have come halfway to its thresholds. Below it there is no persona,
   * rather than a label the data does not support (SSAuser: 0.067 for Variable Income with a
   * 4-day pay gap and 22.8 months of buffer).
   */
  nearestPersona: { minCloseness: 0.5 },
  /**
   * Alerts (issue 15, lib/engine/alerts; docs/alerts.md). Only events within lookbackDays before
   * asOf, or expected within horizonDays after it, make an alert; each event has one stable key.
   */
  alerts: {
    /** Transactions this recent (asOf included) can raise fee, unusual-amount and duplicate alerts. */
    lookbackDays: 30,
    /** Payments expected or due within this many days after asOf raise upcoming-payment and payment-due alerts. */
    horizonDays: 7,
    /** The history streams, merchants' usual amounts and routines are read over (days, asOf included). */
    historyDays: 180,
    /** A stream with at least this many charges is "mature"; fewer is "early_detection" (Plaid's recurring statuses). */
    matureOccurrences: 4,
    /** A subscription price increase or bill change this recent (days) is reported. */
    priceChangeDays: 45,
    /** A subscription increase at least this much (percent and cents) is reported. */
    priceIncreaseMinPct: 5,
    priceIncreaseMinCents: 100,
    /** A bill change (either direction) at least this much (percent and cents) is reported. */
    billChangeMinPct: 10,
    billChangeMinCents: 500,
    /** A stream whose first charge is this recent (days) is new; a monthly stream needs three charges (about 61 days) to be seen. */
    newRecurringDays: 95,
    /**
     * "New merchant" (card testing, new-merchant bursts, the category fallback, new recurring
     * charges) needs a baseline: the customer's spending history must begin at least this many
     * days before the event. Without it every merchant looks new (real data: a file whose
     * spending starts on one day).
     */
    newMerchantHistoryDays: 60,
    /** Low-balance forecast: days projected, and the balance below which it warns (cents). */
    forecastDays: 14,
    lowBalanceCents: 0,
    /** Unusual amount: at least this many earlier charges at the merchant (or in the category for a new merchant), amount ≥ multiple × their median and ≥ median + minDifferenceCents. */
    unusualMinPrior: 3,
    unusualMultiple: 5,
    unusualMinDifferenceCents: 5000,
    /** …and at least this multiple of the largest earlier charge (a merchant whose amounts vary widely is not flagged within its range). */
    unusualOverMaxMultiple: 1.5,
    /** Card testing: at least cardTestingCount charges of at most cardTestingMaxCents at merchants new to the customer within cardTestingDays calendar days. */
    cardTestingCount: 3,
    cardTestingMaxCents: 200,
    cardTestingDays: 2,
    /** New-merchant burst: at least this many charges at merchants never seen before on one day, totalling at least burstMinTotalCents. */
    burstCount: 3,
    burstMinTotalCents: 50000,
    /** Duplicate: same merchant and amount within this many days; not when the merchant already had this many earlier repeats within that gap (a routine). */
    duplicateDays: 1,
    duplicateRoutineRepeats: 2,
    /** Budget alerts at these percentages of the month's budget used. */
    budgetWarnPct: 80,
    budgetOverPct: 100,
  },
  /** Priority: most harm first (SPEC §3.2). */
  personaPriority: ["high_utilization", "variable_income", "fee_fighter", "subscription_heavy", "savings_builder"] as PersonaId[],
  recommend: {
    educationMin: 3,
    educationMax: 5,
    offersMax: 3,
    /**
     * Partner offers are commercial: made only to customers whose matched (strong or moderate)
     * primary or secondary persona the offer is for; a weak "nearest" persona did not match and
     * never lets an offer through (education needs only a fired trigger).
     */
    offersNeedPersonaMatch: true,
    noRepeatDays: 30,
    /**
     * An item a reviewer rejected (or swapped out) within the no-repeat period comes back only when
     * a number it cited has changed by more than this fraction of its old value (a flag or text
     * that differs, or a value that became known or unknown, always counts).
     */
    declinedResurfaceChange: 0.2,
    weights: { primaryPersona: 3, secondaryPersona: 1.5, trigger: 2, formatVariety: 0.25 },
  },
} as const;

export type EngineConfig = typeof DEFAULT_CONFIG;

const hashes = new WeakMap<object, string>();

/** FNV-1a over the canonical JSON of the config: a short, stable fingerprint for traces. */
export function configHash(config: EngineConfig): string {
  const known = hashes.get(config);
  if (known) return known;
  const text = canonicalJson(config);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  const hash = h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
  hashes.set(config, hash);
  return hash;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
