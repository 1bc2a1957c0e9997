-- Engine runs hold a lease in the database (issue 11): who runs it, until when, its heartbeat and
-- progress, and why it failed.
ALTER TABLE "engine_runs" ADD COLUMN "started_by" TEXT;
ALTER TABLE "engine_runs" ADD COLUMN "lease_owner" TEXT;
ALTER TABLE "engine_runs" ADD COLUMN "lease_expires_at" DATETIME;
ALTER TABLE "engine_runs" ADD COLUMN "heartbeat_at" DATETIME;
ALTER TABLE "engine_runs" ADD COLUMN "done" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "engine_runs" ADD COLUMN "total" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "engine_runs" ADD COLUMN "recommendation_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "engine_runs" ADD COLUMN "error" TEXT;

-- Runs left "running" by a process that died before leases existed can never finish.
UPDATE "engine_runs" SET "status" = 'failed', "finished_at" = COALESCE("finished_at", CURRENT_TIMESTAMP),
  "error" = 'its process stopped before the run finished (found still running when run leases were introduced)'
WHERE "status" = 'running';

-- One running run at a time, across every process.
CREATE UNIQUE INDEX "engine_runs_one_running" ON "engine_runs"("status") WHERE "status" = 'running';
