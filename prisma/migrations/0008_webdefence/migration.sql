-- Optimistic concurrency for category corrections (issue 11 §10): a correction names the
-- version it read; a stale one is refused with 409.
ALTER TABLE "transactions" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
