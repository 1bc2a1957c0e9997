-- A recommendation's score is computed from the customer's data: revoking consent removes it (null).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_recommendations" (
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
    "score" REAL,
    "status" TEXT NOT NULL DEFAULT 'pending_review',
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL DEFAULT 'engine',
    "replaces_id" INTEGER,
    CONSTRAINT "recommendations_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "recommendations_trace_id_fkey" FOREIGN KEY ("trace_id") REFERENCES "decision_traces" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "recommendations_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content_items" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "recommendations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_recommendations" ("as_of", "citations", "content_id", "created_at", "disclaimer", "flagged", "format", "id", "kind", "rank", "rationale", "replaces_id", "run_id", "score", "source", "status", "title", "trace_id", "user_id", "version", "window") SELECT "as_of", "citations", "content_id", "created_at", "disclaimer", "flagged", "format", "id", "kind", "rank", "rationale", "replaces_id", "run_id", "score", "source", "status", "title", "trace_id", "user_id", "version", "window" FROM "recommendations";
DROP TABLE "recommendations";
ALTER TABLE "new_recommendations" RENAME TO "recommendations";
CREATE INDEX "recommendations_user_id_window_as_of_idx" ON "recommendations"("user_id", "window", "as_of");
CREATE INDEX "recommendations_user_id_status_idx" ON "recommendations"("user_id", "status");
CREATE INDEX "recommendations_status_idx" ON "recommendations"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
