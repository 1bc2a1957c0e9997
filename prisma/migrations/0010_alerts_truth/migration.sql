-- Issue 15: the generator's injected ground-truth events (kept apart from what the engine reads).
CREATE TABLE "generator_events" (
    "user_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "event_date" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "transaction_ids" TEXT NOT NULL,
    "expected_alert" TEXT NOT NULL,

    PRIMARY KEY ("user_id", "seq"),
    CONSTRAINT "generator_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);
