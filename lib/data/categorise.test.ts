// Descriptors taken verbatim from Plaid's sandbox custom-user files (lib/testing/plaid-sandbox):
// what a transaction without personal_finance_category becomes.
import { describe, expect, it } from "vitest";
import { plaidTransactionSchema } from "../validation/plaid";
import { findMerchant, inferPfc, pfcFromLegacyCategory } from "./categorise";
import { transactionRecord } from "./ingest/bundle";

const pfcOf = (name: string, amountCents: number, category?: string[] | null) => inferPfc(name, amountCents, findMerchant({ name }), category).detailed;

describe("inferPfc: income without Plaid's category", () => {
  it.each([
    ["Social Security Administration", "INCOME_RETIREMENT_PENSION"],
    ["SSA TREAS 310 XXSOC SEC", "INCOME_RETIREMENT_PENSION"],
    ["Unemployment Benefits", "INCOME_UNEMPLOYMENT"],
    ["VA BENEFITS DES:VACP TREAS", "INCOME_OTHER_INCOME"],
    ["STATE PENSION FUND DES:ANNUITY", "INCOME_RETIREMENT_PENSION"],
    ["Uber Payout", "INCOME_OTHER_INCOME"],
    ["Lyft Payout", "INCOME_OTHER_INCOME"],
    ["Uber Payment", "INCOME_OTHER_INCOME"],
    ["Lyft Payment", "INCOME_OTHER_INCOME"],
    ["DOORDASH DES:DASHER PAY", "INCOME_OTHER_INCOME"],
    ["INSTACART DES:SHOPPER PAY", "INCOME_OTHER_INCOME"],
    ["Self Payout From Business", "INCOME_OTHER_INCOME"],
    ["MONTHLY PAYCHECK", "INCOME_WAGES"],
    ["Direct Deposit - Excelsior Welding Company", "INCOME_WAGES"],
    ["Plaid Direct Dep", "INCOME_WAGES"],
    ["INTRST PYMNT", "INCOME_INTEREST_EARNED"],
  ])("%s (money in) is %s, not a transfer", (name, detailed) => {
    expect(pfcOf(name, -100000)).toBe(detailed);
  });

  it("a refund is still not income", () => {
    expect(pfcOf("United Airlines **** REFUND ****", -50000)).toBe("TRANSFER_IN_DEPOSIT");
  });
});

describe("inferPfc: descriptor rules that misfired", () => {
  it("a student loan repayment is a loan payment, not a card payment (EPAYMENT inside REPAYMENT)", () => {
    expect(pfcOf("Student Loan Repayment", 26700)).toBe("LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT");
  });
  it("Plaid's own card-payment line is a card payment, not spending", () => {
    expect(pfcOf("AUTOMATIC PAYMENT - THANK", 207850)).toBe("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT");
    expect(pfcOf("CREDIT CARD 3333 PAYMENT *//", 2500)).toBe("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT");
    expect(pfcOf("Discover credit card payment", 174532)).toBe("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT");
    expect(pfcOf("AMEX EPAYMENT DES:ACH PMT", 10000)).toBe("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT");
  });
  it("an auto loan payment is a loan payment", () => {
    expect(pfcOf("Auto Loan Payment", 52400)).toBe("LOAN_PAYMENTS_CAR_PAYMENT");
  });
  it("Apple Store is not the Apple iCloud subscription", () => {
    expect(findMerchant({ name: "Apple Store" })).toBeNull();
    expect(findMerchant({ name: "APPLE.COM/BILL 866-712-7753 CA" })?.canonical_name).toBe("Apple iCloud");
    // A one-word canonical name still matches a longer descriptor.
    expect(findMerchant({ name: "STARBUCKS COFFEE" })?.canonical_name).toBe("Starbucks");
  });
});

describe("Plaid's legacy category", () => {
  it("maps to the PFC taxonomy, most specific path first", () => {
    expect(pfcFromLegacyCategory(["Transfer", "Payroll"])).toEqual({ primary: "INCOME", detailed: "INCOME_WAGES" });
    expect(pfcFromLegacyCategory(["Payment", "Credit Card"])).toEqual({ primary: "LOAN_PAYMENTS", detailed: "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT" });
    expect(pfcFromLegacyCategory(["Bank Fees", "Overdraft"])?.detailed).toBe("BANK_FEES_OVERDRAFT_FEES");
    expect(pfcFromLegacyCategory(["Food and Drink", "Restaurants", "Coffee Shop"])?.detailed).toBe("FOOD_AND_DRINK_COFFEE");
    expect(pfcFromLegacyCategory(["Food and Drink", "Restaurants", "Fast Food"])?.detailed).toBe("FOOD_AND_DRINK_RESTAURANT");
    expect(pfcFromLegacyCategory(["Something", "New"])).toBeNull();
  });
  it("is used when the PFC is absent, before descriptor rules", () => {
    expect(pfcOf("ACME CORP", -250000, ["Transfer", "Payroll"])).toBe("INCOME_WAGES");
    expect(pfcOf("KEYBANK 1234", 30000, ["Payment", "Credit Card"])).toBe("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT");
    // A generic deposit category says nothing more than the descriptor does.
    expect(pfcOf("Social Security Administration", -250000, ["Transfer", "Deposit"])).toBe("INCOME_RETIREMENT_PENSION");
  });
});

describe("a Plaid /transactions/get record without personal_finance_category", () => {
  it("is categorised from its legacy category on the way in (the descriptor alone says nothing)", () => {
    // Shape of an older Plaid response: `category` and `category_id`, no PFC.
    const raw = { transaction_id: "tx1", account_id: "acc1", date: "2026-08-01", amount: -2450.5, iso_currency_code: "USD", name: "ACME CORP DES:DIRECT", payment_channel: "other", pending: false, category: ["Transfer", "Payroll"], category_id: "21009000" };
    const record = transactionRecord(plaidTransactionSchema.parse(raw), "u1");
    expect([record.pfc_primary, record.pfc_detailed]).toEqual(["INCOME", "INCOME_WAGES"]);
  });
});
