-- Which engine run an evaluation judged, and who started it (issue 13 §14).
ALTER TABLE "eval_runs" ADD COLUMN "engine_run_id" INTEGER;
ALTER TABLE "eval_runs" ADD COLUMN "started_by" TEXT;
