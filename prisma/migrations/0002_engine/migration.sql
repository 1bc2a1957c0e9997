-- CreateTable
CREATE TABLE "content_items" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "engine_runs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "as_of" TEXT NOT NULL,
    "engine_version" TEXT NOT NULL,
    "config_hash" TEXT NOT NULL,
    "started_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'running'
);

-- CreateTable
CREATE TABLE "signal_snapshots" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "run_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "sufficient" BOOLEAN NOT NULL,
    "payload" TEXT NOT NULL,
    CONSTRAINT "signal_snapshots_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "signal_snapshots_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "persona_assignments" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    CONSTRAINT "persona_assignments_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "persona_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "decision_traces" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "run_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    CONSTRAINT "decision_traces_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "decision_traces_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "recommendations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "score" REAL NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending_review',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "recommendations_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "recommendations_trace_id_fkey" FOREIGN KEY ("trace_id") REFERENCES "decision_traces" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "recommendations_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content_items" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "recommendations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "content_items_status_idx" ON "content_items"("status");

-- CreateIndex
CREATE UNIQUE INDEX "signal_snapshots_user_id_window_as_of_key" ON "signal_snapshots"("user_id", "window", "as_of");

-- CreateIndex
CREATE INDEX "persona_assignments_window_as_of_primary_persona_idx" ON "persona_assignments"("window", "as_of", "primary_persona");

-- CreateIndex
CREATE UNIQUE INDEX "persona_assignments_user_id_window_as_of_key" ON "persona_assignments"("user_id", "window", "as_of");

-- CreateIndex
CREATE INDEX "decision_traces_user_id_window_as_of_idx" ON "decision_traces"("user_id", "window", "as_of");

-- CreateIndex
CREATE INDEX "recommendations_user_id_window_as_of_idx" ON "recommendations"("user_id", "window", "as_of");

-- CreateIndex
CREATE INDEX "recommendations_status_idx" ON "recommendations"("status");
