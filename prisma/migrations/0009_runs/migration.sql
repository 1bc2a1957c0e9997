-- One definition of "current results" (issue 13): an admin can make an earlier finished run
-- current again; the runs after it are set aside (kept, audited, no longer current).
ALTER TABLE "engine_runs" ADD COLUMN "set_aside_at" DATETIME;
ALTER TABLE "engine_runs" ADD COLUMN "set_aside_by" TEXT;
