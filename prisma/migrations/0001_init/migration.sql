-- CreateTable
CREATE TABLE "customers" (
    "user_id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "age_band" TEXT,
    "gender" TEXT,
    "region" TEXT,
    "income_tier" TEXT,
    "credit_score" INTEGER,
    "consent" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "generator_labels" (
    "user_id" TEXT NOT NULL PRIMARY KEY,
    "intended_persona" TEXT NOT NULL,
    "profile" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    CONSTRAINT "generator_labels_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "consent_events" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "recorded_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "consent_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "accounts" (
    "account_id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subtype" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "official_name" TEXT,
    "mask" TEXT,
    "available_cents" INTEGER,
    "current_cents" INTEGER,
    "limit_cents" INTEGER,
    "iso_currency_code" TEXT NOT NULL DEFAULT 'USD',
    "holder_category" TEXT NOT NULL DEFAULT 'personal',
    CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "merchants" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "canonical_name" TEXT NOT NULL,
    "entity_id" TEXT,
    "pfc_primary" TEXT NOT NULL,
    "pfc_detailed" TEXT NOT NULL,
    "kind" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "merchant_aliases" (
    "alias" TEXT NOT NULL PRIMARY KEY,
    "merchant_id" INTEGER NOT NULL,
    CONSTRAINT "merchant_aliases_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "transactions" (
    "transaction_id" TEXT NOT NULL PRIMARY KEY,
    "account_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "authorized_date" TEXT,
    "amount_cents" INTEGER NOT NULL,
    "iso_currency_code" TEXT NOT NULL DEFAULT 'USD',
    "name" TEXT NOT NULL,
    "merchant_name" TEXT,
    "merchant_entity_id" TEXT,
    "merchant_id" INTEGER,
    "payment_channel" TEXT NOT NULL,
    "pfc_primary" TEXT NOT NULL,
    "pfc_detailed" TEXT NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "transactions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("account_id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "transactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "transactions_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "credit_liabilities" (
    "account_id" TEXT NOT NULL PRIMARY KEY,
    "minimum_payment_cents" INTEGER,
    "last_payment_cents" INTEGER,
    "last_payment_date" TEXT,
    "last_statement_balance_cents" INTEGER,
    "last_statement_issue_date" TEXT,
    "next_payment_due_date" TEXT,
    "is_overdue" BOOLEAN,
    CONSTRAINT "credit_liabilities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("account_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "credit_aprs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account_id" TEXT NOT NULL,
    "apr_type" TEXT NOT NULL,
    "apr_percentage" REAL NOT NULL,
    "balance_subject_to_apr_cents" INTEGER,
    "interest_charge_amount_cents" INTEGER,
    CONSTRAINT "credit_aprs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "credit_liabilities" ("account_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "mortgage_liabilities" (
    "account_id" TEXT NOT NULL PRIMARY KEY,
    "interest_rate_percentage" REAL,
    "interest_rate_type" TEXT,
    "next_payment_due_date" TEXT,
    "next_monthly_payment_cents" INTEGER,
    "last_payment_cents" INTEGER,
    "last_payment_date" TEXT,
    "origination_date" TEXT,
    "origination_principal_cents" INTEGER,
    "past_due_amount_cents" INTEGER,
    "loan_term" TEXT,
    "maturity_date" TEXT,
    "escrow_balance_cents" INTEGER,
    "ytd_interest_paid_cents" INTEGER,
    "ytd_principal_paid_cents" INTEGER,
    CONSTRAINT "mortgage_liabilities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("account_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "student_liabilities" (
    "account_id" TEXT NOT NULL PRIMARY KEY,
    "interest_rate_percentage" REAL,
    "next_payment_due_date" TEXT,
    "minimum_payment_cents" INTEGER,
    "last_payment_cents" INTEGER,
    "last_payment_date" TEXT,
    "is_overdue" BOOLEAN,
    "loan_name" TEXT,
    "loan_status_type" TEXT,
    "repayment_plan_type" TEXT,
    "expected_payoff_date" TEXT,
    "origination_date" TEXT,
    "origination_principal_cents" INTEGER,
    "outstanding_interest_cents" INTEGER,
    "ytd_interest_paid_cents" INTEGER,
    "ytd_principal_paid_cents" INTEGER,
    CONSTRAINT "student_liabilities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("account_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "customers_consent_idx" ON "customers"("consent");

-- CreateIndex
CREATE INDEX "consent_events_user_id_recorded_at_idx" ON "consent_events"("user_id", "recorded_at");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "merchants_canonical_name_key" ON "merchants"("canonical_name");

-- CreateIndex
CREATE UNIQUE INDEX "merchants_entity_id_key" ON "merchants"("entity_id");

-- CreateIndex
CREATE INDEX "merchant_aliases_merchant_id_idx" ON "merchant_aliases"("merchant_id");

-- CreateIndex
CREATE INDEX "transactions_user_id_date_idx" ON "transactions"("user_id", "date");

-- CreateIndex
CREATE INDEX "transactions_account_id_date_idx" ON "transactions"("account_id", "date");

-- CreateIndex
CREATE INDEX "transactions_merchant_id_idx" ON "transactions"("merchant_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_aprs_account_id_apr_type_key" ON "credit_aprs"("account_id", "apr_type");
