// The draft transactions of one customer, in integer cents, before ids are assigned. Purchases
// post 0–2 days after they are made and are still pending in the last three days before asOf;
// ACH items (pay, bills, transfers, fees) post on their date and are never pending.
import type { MerchantSeed } from "../merchants";
import type { Day } from "../dates";
import type { Rng } from "./prng";

export type PaymentChannel = "online" | "in store" | "other";

export interface DraftTxn {
  /** Index into the customer's account list. */
  acct: number;
  day: Day;
  authDay: Day | null;
  /** Plaid sign: positive = money out of the account. */
  cents: number;
  name: string;
  merchant: MerchantSeed;
  /** Plaid leaves merchant fields empty on transfers, fees and card payments. */
  showMerchant: boolean;
  channel: PaymentChannel;
  pending: boolean;
}

/** Days before asOf (inclusive of asOf) whose card purchases are still pending. */
export const PENDING_DAYS = 3;

export class Ledger {
  readonly txns: DraftTxn[] = [];
  private readonly descriptors = new Map<MerchantSeed, string>();

  constructor(
    readonly start: Day,
    readonly asOf: Day,
    private readonly rng: Rng,
  ) {}

  /** The customer's usual descriptor for a merchant (their store), now and then another one. */
  descriptor(merchant: MerchantSeed): string {
    let usual = this.descriptors.get(merchant);
    if (usual === undefined) {
      usual = this.rng.pick(merchant.aliases);
      this.descriptors.set(merchant, usual);
    }
    return merchant.aliases.length > 1 && this.rng.chance(0.12) ? this.rng.pick(merchant.aliases) : usual;
  }

  /** A card or debit purchase made on `day`. */
  purchase(acct: number, day: Day, cents: number, merchant: MerchantSeed, channel: PaymentChannel = "in store"): void {
    if (day < this.start || day > this.asOf || cents <= 0) return;
    const pending = day > this.asOf - PENDING_DAYS;
    const r = this.rng.next();
    const lag = pending ? 0 : r < 0.25 ? 0 : r < 0.8 ? 1 : 2;
    this.txns.push({
      acct,
      day: day + lag,
      authDay: day,
      cents,
      name: this.descriptor(merchant),
      merchant,
      showMerchant: true,
      channel,
      pending,
    });
  }

  /** A posted ACH item, fee, interest charge or transfer leg. */
  post(
    acct: number,
    day: Day,
    cents: number,
    merchant: MerchantSeed,
    opts: { name?: string; showMerchant?: boolean; channel?: PaymentChannel; authorized?: boolean } = {},
  ): void {
    if (day < this.start || day > this.asOf || cents === 0) return;
    this.txns.push({
      acct,
      day,
      authDay: opts.authorized === false ? null : day,
      cents,
      name: opts.name ?? this.descriptor(merchant),
      merchant,
      showMerchant: opts.showMerchant ?? true,
      channel: opts.channel ?? "other",
      pending: false,
    });
  }

  /** Sum of posted amounts (Plaid sign) on one account. */
  postedNet(acct: number): number {
    let s = 0;
    for (const t of this.txns) if (t.acct === acct && !t.pending) s += t.cents;
    return s;
  }

  /** Sum of pending outflows on one account (they reduce `available`, not `current`). */
  pendingOut(acct: number): number {
    let s = 0;
    for (const t of this.txns) if (t.acct === acct && t.pending && t.cents > 0) s += t.cents;
    return s;
  }
}
