-- CreateTable
CREATE TABLE "customers" (
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "age_band" TEXT,
    "gender" TEXT,
    "region" TEXT,
    "income_tier" TEXT,
    "credit_score" INTEGER,
    "consent" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "generator_labels" (
    "user_id" TEXT NOT NULL,
    "intended_persona" TEXT NOT NULL,
    "profile" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,

    CONSTRAINT "generator_labels_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "generator_events" (
    "user_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "event_date" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "transaction_ids" TEXT NOT NULL,
    "expected_alert" TEXT NOT NULL,

    CONSTRAINT "generator_events_pkey" PRIMARY KEY ("user_id","seq")
);

-- CreateTable
CREATE TABLE "consent_events" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "account_id" TEXT NOT NULL,
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
    "unofficial_currency_code" TEXT,
    "holder_category" TEXT NOT NULL DEFAULT 'personal',
    "source" TEXT,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "merchants" (
    "id" SERIAL NOT NULL,
    "canonical_name" TEXT NOT NULL,
    "entity_id" TEXT,
    "pfc_primary" TEXT NOT NULL,
    "pfc_detailed" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "merchants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_aliases" (
    "alias" TEXT NOT NULL,
    "merchant_id" INTEGER NOT NULL,

    CONSTRAINT "merchant_aliases_pkey" PRIMARY KEY ("alias")
);

-- CreateTable
CREATE TABLE "transactions" (
    "transaction_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "authorized_date" TEXT,
    "amount_cents" INTEGER NOT NULL,
    "iso_currency_code" TEXT NOT NULL DEFAULT 'USD',
    "unofficial_currency_code" TEXT,
    "name" TEXT NOT NULL,
    "merchant_name" TEXT,
    "merchant_entity_id" TEXT,
    "merchant_id" INTEGER,
    "payment_channel" TEXT NOT NULL,
    "pfc_primary" TEXT NOT NULL,
    "pfc_detailed" TEXT NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted_at" TIMESTAMP(3),
    "deleted_by" TEXT,

    CONSTRAINT "transactions_pkey" PRIMARY KEY ("transaction_id")
);

-- CreateTable
CREATE TABLE "credit_liabilities" (
    "account_id" TEXT NOT NULL,
    "minimum_payment_cents" INTEGER,
    "last_payment_cents" INTEGER,
    "last_payment_date" TEXT,
    "last_statement_balance_cents" INTEGER,
    "last_statement_issue_date" TEXT,
    "next_payment_due_date" TEXT,
    "is_overdue" BOOLEAN,

    CONSTRAINT "credit_liabilities_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "credit_aprs" (
    "id" SERIAL NOT NULL,
    "account_id" TEXT NOT NULL,
    "apr_type" TEXT NOT NULL,
    "apr_percentage" DOUBLE PRECISION NOT NULL,
    "balance_subject_to_apr_cents" INTEGER,
    "interest_charge_amount_cents" INTEGER,

    CONSTRAINT "credit_aprs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mortgage_liabilities" (
    "account_id" TEXT NOT NULL,
    "interest_rate_percentage" DOUBLE PRECISION,
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

    CONSTRAINT "mortgage_liabilities_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "student_liabilities" (
    "account_id" TEXT NOT NULL,
    "interest_rate_percentage" DOUBLE PRECISION,
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

    CONSTRAINT "student_liabilities_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "content_items" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "because" TEXT NOT NULL,
    "personas" TEXT NOT NULL,
    "triggers" TEXT NOT NULL,
    "eligibility" TEXT NOT NULL,
    "product_category" TEXT,
    "partner" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "author" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "content_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "engine_runs" (
    "id" SERIAL NOT NULL,
    "as_of" TEXT NOT NULL,
    "engine_version" TEXT NOT NULL,
    "config_hash" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "customers" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'running',
    "started_by" TEXT,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3),
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "recommendation_count" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "set_aside_at" TIMESTAMP(3),
    "set_aside_by" TEXT,

    CONSTRAINT "engine_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signal_snapshots" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "sufficient" BOOLEAN NOT NULL,
    "payload" TEXT NOT NULL,

    CONSTRAINT "signal_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persona_assignments" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "primary_persona" TEXT,
    "secondary" TEXT NOT NULL,
    "strength" TEXT NOT NULL,
    "criteria" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "transition_from" TEXT,
    "transition_kind" TEXT NOT NULL,
    "celebration" TEXT,

    CONSTRAINT "persona_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_traces" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "payload" TEXT NOT NULL,

    CONSTRAINT "decision_traces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendations" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "trace_id" INTEGER,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "content_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "citations" TEXT NOT NULL,
    "disclaimer" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" DOUBLE PRECISION,
    "status" TEXT NOT NULL DEFAULT 'pending_review',
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "flagged_by" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL DEFAULT 'engine',
    "replaces_id" INTEGER,

    CONSTRAINT "recommendations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMP(3),
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_sessions" (
    "id" TEXT NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "client" TEXT NOT NULL DEFAULT '',
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "api_rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "user_id" TEXT,
    "reason" TEXT,
    "details" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persona_overrides" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "from_persona" TEXT,
    "persona" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "persona_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "recommendation_id" INTEGER,
    "content_id" TEXT,
    "rating" TEXT NOT NULL,
    "comment" TEXT,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transaction_category_changes" (
    "id" SERIAL NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "from_primary" TEXT NOT NULL,
    "from_detailed" TEXT NOT NULL,
    "to_primary" TEXT NOT NULL,
    "to_detailed" TEXT NOT NULL,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transaction_category_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "eval_runs" (
    "id" SERIAL NOT NULL,
    "as_of" TEXT NOT NULL,
    "engine_version" TEXT NOT NULL,
    "customers" INTEGER NOT NULL,
    "metrics" TEXT NOT NULL,
    "out_dir" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "engine_run_id" INTEGER,
    "started_by" TEXT,

    CONSTRAINT "eval_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budgets" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "budgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_statuses" (
    "run_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "budget_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "spent_cents" INTEGER NOT NULL,
    "percent_used" DOUBLE PRECISION,
    "projected_cents" INTEGER,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,

    CONSTRAINT "budget_statuses_pkey" PRIMARY KEY ("run_id","user_id","budget_id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "alert_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "event_date" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "citations" TEXT NOT NULL,
    "disclaimer" TEXT,
    "currency" TEXT NOT NULL,
    "transaction_ids" TEXT NOT NULL,
    "needs_review" BOOLEAN NOT NULL,
    "trace" TEXT NOT NULL,
    "first_run_id" INTEGER NOT NULL,
    "last_run_id" INTEGER NOT NULL,
    "as_of" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'new',
    "shown_at" TIMESTAMP(3),
    "dismissed_at" TIMESTAMP(3),
    "dismissed_by" TEXT,
    "review_state" TEXT,
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_sightings" (
    "alert_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,

    CONSTRAINT "alert_sightings_pkey" PRIMARY KEY ("alert_id","run_id")
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
CREATE INDEX "transactions_user_id_date_idx" ON "transactions"("user_id", "date");

-- CreateIndex
CREATE INDEX "transactions_account_id_date_idx" ON "transactions"("account_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "credit_aprs_account_id_apr_type_key" ON "credit_aprs"("account_id", "apr_type");

-- CreateIndex
CREATE INDEX "content_items_status_idx" ON "content_items"("status");

-- CreateIndex
CREATE UNIQUE INDEX "signal_snapshots_user_id_window_as_of_run_id_key" ON "signal_snapshots"("user_id", "window", "as_of", "run_id");

-- CreateIndex
CREATE INDEX "persona_assignments_window_as_of_primary_persona_idx" ON "persona_assignments"("window", "as_of", "primary_persona");

-- CreateIndex
CREATE UNIQUE INDEX "persona_assignments_user_id_window_as_of_run_id_key" ON "persona_assignments"("user_id", "window", "as_of", "run_id");

-- CreateIndex
CREATE INDEX "decision_traces_user_id_window_as_of_idx" ON "decision_traces"("user_id", "window", "as_of");

-- CreateIndex
CREATE INDEX "recommendations_user_id_window_as_of_idx" ON "recommendations"("user_id", "window", "as_of");

-- CreateIndex
CREATE INDEX "recommendations_user_id_status_idx" ON "recommendations"("user_id", "status");

-- CreateIndex
CREATE INDEX "recommendations_status_idx" ON "recommendations"("status");

-- CreateIndex
CREATE INDEX "recommendations_status_user_id_flagged_window_kind_idx" ON "recommendations"("status", "user_id", "flagged", "window", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users"("email");

-- CreateIndex
CREATE INDEX "staff_sessions_staff_id_idx" ON "staff_sessions"("staff_id");

-- CreateIndex
CREATE INDEX "sign_in_attempts_email_created_at_idx" ON "sign_in_attempts"("email", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_client_created_at_idx" ON "sign_in_attempts"("client", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_user_id_created_at_idx" ON "audit_log"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_target_type_target_id_idx" ON "audit_log"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "persona_overrides_user_id_window_id_idx" ON "persona_overrides"("user_id", "window", "id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "feedback_user_id_id_idx" ON "feedback"("user_id", "id");

-- CreateIndex
CREATE INDEX "transaction_category_changes_transaction_id_id_idx" ON "transaction_category_changes"("transaction_id", "id");

-- CreateIndex
CREATE INDEX "budgets_user_id_deleted_at_idx" ON "budgets"("user_id", "deleted_at");

-- CreateIndex
CREATE INDEX "budget_statuses_user_id_idx" ON "budget_statuses"("user_id");

-- CreateIndex
CREATE INDEX "alerts_last_run_id_idx" ON "alerts"("last_run_id");

-- CreateIndex
CREATE INDEX "alerts_review_state_idx" ON "alerts"("review_state");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_user_id_alert_key_key" ON "alerts"("user_id", "alert_key");

-- CreateIndex
CREATE INDEX "alert_sightings_run_id_idx" ON "alert_sightings"("run_id");

-- AddForeignKey
ALTER TABLE "generator_labels" ADD CONSTRAINT "generator_labels_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generator_events" ADD CONSTRAINT "generator_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_aliases" ADD CONSTRAINT "merchant_aliases_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("account_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_liabilities" ADD CONSTRAINT "credit_liabilities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("account_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_aprs" ADD CONSTRAINT "credit_aprs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "credit_liabilities"("account_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mortgage_liabilities" ADD CONSTRAINT "mortgage_liabilities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("account_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_liabilities" ADD CONSTRAINT "student_liabilities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("account_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signal_snapshots" ADD CONSTRAINT "signal_snapshots_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signal_snapshots" ADD CONSTRAINT "signal_snapshots_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persona_assignments" ADD CONSTRAINT "persona_assignments_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persona_assignments" ADD CONSTRAINT "persona_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_traces" ADD CONSTRAINT "decision_traces_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_traces" ADD CONSTRAINT "decision_traces_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_trace_id_fkey" FOREIGN KEY ("trace_id") REFERENCES "decision_traces"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persona_overrides" ADD CONSTRAINT "persona_overrides_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_statuses" ADD CONSTRAINT "budget_statuses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_statuses" ADD CONSTRAINT "budget_statuses_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_sightings" ADD CONSTRAINT "alert_sightings_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: partial indexes Prisma's schema language cannot express (as in prisma/migrations).
-- One engine run at a time, in every process.
CREATE UNIQUE INDEX "engine_runs_one_running" ON "engine_runs"("status") WHERE "status" = 'running';

-- One live budget per customer and category.
CREATE UNIQUE INDEX "budgets_one_live_per_category" ON "budgets"("user_id", "category") WHERE "deleted_at" IS NULL;
