-- Results keyed by run (issue 13): a re-run at the same as-of adds its own signals and persona
-- assignments instead of replacing the earlier run's, so an admin can make that run current again.
DROP INDEX "signal_snapshots_user_id_window_as_of_key";
CREATE UNIQUE INDEX "signal_snapshots_user_id_window_as_of_run_id_key" ON "signal_snapshots"("user_id", "window", "as_of", "run_id");
DROP INDEX "persona_assignments_user_id_window_as_of_key";
CREATE UNIQUE INDEX "persona_assignments_user_id_window_as_of_run_id_key" ON "persona_assignments"("user_id", "window", "as_of", "run_id");

-- A temporary password (set by an admin) must be changed at the next sign-in.
ALTER TABLE "staff_users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
