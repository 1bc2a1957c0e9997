-- Budget statuses (issue 15): each budget's status as a run computed it for a customer (derived;
-- revocation deletes them). The analyst page aggregates the current runs' rows.
CREATE TABLE "budget_statuses" (
    "run_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "budget_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "spent_cents" INTEGER NOT NULL,
    "percent_used" REAL,
    "projected_cents" INTEGER,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,

    PRIMARY KEY ("run_id", "user_id", "budget_id"),
    CONSTRAINT "budget_statuses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "budget_statuses_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "budget_statuses_user_id_idx" ON "budget_statuses"("user_id");
