-- Alerts (issue 15): one row per (customer, event), with its delivery state and review decision.
CREATE TABLE "alerts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "shown_at" DATETIME,
    "dismissed_at" DATETIME,
    "dismissed_by" TEXT,
    "review_state" TEXT,
    "reviewed_by" TEXT,
    "reviewed_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alerts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "alerts_user_id_alert_key_key" ON "alerts"("user_id", "alert_key");
CREATE INDEX "alerts_last_run_id_idx" ON "alerts"("last_run_id");
CREATE INDEX "alerts_review_state_idx" ON "alerts"("review_state");

-- Which runs saw each alert (an alert is current when the customer's current run saw it).
CREATE TABLE "alert_sightings" (
    "alert_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,

    PRIMARY KEY ("alert_id", "run_id"),
    CONSTRAINT "alert_sightings_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "alert_sightings_run_id_idx" ON "alert_sightings"("run_id");
