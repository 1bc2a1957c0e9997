// Account drafts: what a customer holds, with Plaid-style names, official names and masks.
// Balances are filled in once the customer's transactions are known.
import type { Rng } from "./prng";

export type AccountType = "depository" | "credit" | "loan";
export type AccountSubtype = "checking" | "savings" | "money market" | "cash management" | "hsa" | "credit card" | "mortgage" | "student";
export type HolderCategory = "personal" | "business";

export interface AccountDraft {
  type: AccountType;
  subtype: AccountSubtype;
  name: string;
  officialName: string | null;
  mask: string;
  holder: HolderCategory;
  /** Balances in cents; `limit` only for credit. */
  current: number;
  available: number | null;
  limit: number | null;
}

/** Card issuers: product names and the descriptor their payments show on checking. */
export interface Issuer {
  name: string;
  officialName: string;
  paymentDescriptor: string;
}

export const PERSONAL_CARDS: readonly Issuer[] = [
  { name: "Chase Freedom Unlimited", officialName: "Chase Freedom Unlimited Visa Signature", paymentDescriptor: "CHASE CREDIT CRD DES:AUTOPAY" },
  { name: "Chase Sapphire Preferred", officialName: "Chase Sapphire Preferred Visa Signature", paymentDescriptor: "CHASE CREDIT CRD DES:AUTOPAY" },
  { name: "Citi Double Cash", officialName: "Citi Double Cash Mastercard", paymentDescriptor: "CITI CARD ONLINE DES:PAYMENT" },
  { name: "Capital One Quicksilver", officialName: "Capital One Quicksilver Cash Rewards Mastercard", paymentDescriptor: "CAPITAL ONE DES:CRCARDPMT" },
  { name: "Discover it Cash Back", officialName: "Discover it Cash Back", paymentDescriptor: "DISCOVER DES:E-PAYMENT" },
  { name: "Blue Cash Everyday", officialName: "American Express Blue Cash Everyday Card", paymentDescriptor: "AMEX EPAYMENT DES:ACH PMT" },
  { name: "Customized Cash Rewards", officialName: "Bank of America Customized Cash Rewards Visa", paymentDescriptor: "BK OF AMER VISA DES:ONLINE PMT" },
  { name: "Wells Fargo Active Cash", officialName: "Wells Fargo Active Cash Visa Signature", paymentDescriptor: "WF CREDIT CARD DES:AUTO PAY" },
  { name: "Plaid Credit Card", officialName: "Plaid Diamond 12.5% APR Interest Credit Card", paymentDescriptor: "CHASE CREDIT CRD DES:AUTOPAY" },
];

export const BUSINESS_CARDS: readonly Issuer[] = [
  { name: "Ink Business Cash", officialName: "Chase Ink Business Cash Visa", paymentDescriptor: "CHASE CREDIT CRD DES:AUTOPAY" },
  { name: "Spark Cash Plus", officialName: "Capital One Spark Cash Plus", paymentDescriptor: "CAPITAL ONE DES:CRCARDPMT" },
  { name: "Blue Business Cash", officialName: "American Express Blue Business Cash Card", paymentDescriptor: "AMEX EPAYMENT DES:ACH PMT" },
];

const NAMES: Record<Exclude<AccountSubtype, "credit card">, ReadonlyArray<readonly [string, string]>> = {
  checking: [
    ["Plaid Checking", "Plaid Gold Standard 0% Interest Checking"],
    ["Total Checking", "Chase Total Checking"],
    ["Everyday Checking", "Wells Fargo Everyday Checking"],
    ["Advantage Plus Banking", "Bank of America Advantage Plus Banking"],
    ["360 Checking", "Capital One 360 Checking"],
  ],
  savings: [
    ["Plaid Saving", "Plaid Silver Standard 0.1% Interest Saving"],
    ["Online Savings", "Ally Online Savings Account"],
    ["High-Yield Savings", "Marcus by Goldman Sachs High-Yield Savings"],
    ["360 Performance Savings", "Capital One 360 Performance Savings"],
    ["Way2Save Savings", "Wells Fargo Way2Save Savings"],
  ],
  "money market": [
    ["Plaid Money Market", "Plaid Platinum Standard 1.85% Interest Money Market"],
    ["Money Market Savings", "Sallie Mae Money Market Account"],
    ["Premier Money Market", "Citi Premier Money Market"],
  ],
  "cash management": [
    ["Plaid Cash Management", "Plaid Cash Management Account"],
    ["Cash Account", "Wealthfront Cash Account"],
    ["Cash Reserve", "Betterment Cash Reserve"],
  ],
  hsa: [
    ["Plaid HSA", "Plaid Health Savings Account"],
    ["Health Savings Account", "HealthEquity HSA"],
    ["HSA", "Fidelity Health Savings Account"],
  ],
  mortgage: [
    ["Plaid Mortgage", "Plaid 30 Year Fixed Mortgage"],
    ["Home Mortgage", "30 Year Fixed Rate Mortgage"],
  ],
  student: [
    ["Plaid Student Loan", "Plaid Student Loan"],
    ["Federal Direct Loan", "Direct Consolidation Loan"],
  ],
};

const TYPE_OF: Record<AccountSubtype, AccountType> = {
  checking: "depository",
  savings: "depository",
  "money market": "depository",
  "cash management": "depository",
  hsa: "depository",
  "credit card": "credit",
  mortgage: "loan",
  student: "loan",
};

/** Builds a customer's account list, handing out distinct 4-digit masks. */
export class AccountBook {
  readonly accounts: AccountDraft[] = [];
  private readonly masks = new Set<string>();

  constructor(private readonly rng: Rng) {}

  private mask(): string {
    for (;;) {
      const m = String(this.rng.int(0, 9999)).padStart(4, "0");
      if (!this.masks.has(m)) {
        this.masks.add(m);
        return m;
      }
    }
  }

  private push(subtype: AccountSubtype, name: string, officialName: string | null, holder: HolderCategory): number {
    this.accounts.push({ type: TYPE_OF[subtype], subtype, name, officialName, mask: this.mask(), holder, current: 0, available: null, limit: null });
    return this.accounts.length - 1;
  }

  /** A depository or loan account with a typical name; returns its index. */
  open(subtype: Exclude<AccountSubtype, "credit card">, holder: HolderCategory = "personal"): number {
    if (holder === "business") return this.push(subtype, "Business Checking", this.rng.pick(["Chase Business Complete Checking", "Plaid Business Checking", "Bank of America Business Advantage Checking"]), holder);
    const [name, official] = this.rng.pick(NAMES[subtype]);
    return this.push(subtype, name, official, holder);
  }

  /** A credit card from an issuer; returns its index. */
  openCard(issuer: Issuer, holder: HolderCategory = "personal"): number {
    return this.push("credit card", issuer.name, issuer.officialName, holder);
  }

  mask4(index: number): string {
    return this.accounts[index].mask;
  }
}
