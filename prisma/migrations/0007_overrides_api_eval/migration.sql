-- AlterTable
ALTER TABLE "transactions" ADD COLUMN "deleted_at" DATETIME;
ALTER TABLE "transactions" ADD COLUMN "deleted_by" TEXT;

-- CreateTable
CREATE TABLE "persona_overrides" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "from_persona" TEXT,
    "persona" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "persona_overrides_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" DATETIME,
    "revoked_at" DATETIME
);

-- CreateTable
CREATE TABLE "feedback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "recommendation_id" INTEGER,
    "content_id" TEXT,
    "rating" TEXT NOT NULL,
    "comment" TEXT,
    "source" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "feedback_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "customers" ("user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "transaction_category_changes" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "transaction_id" TEXT NOT NULL,
    "from_primary" TEXT NOT NULL,
    "from_detailed" TEXT NOT NULL,
    "to_primary" TEXT NOT NULL,
    "to_detailed" TEXT NOT NULL,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "eval_runs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "as_of" TEXT NOT NULL,
    "engine_version" TEXT NOT NULL,
    "customers" INTEGER NOT NULL,
    "metrics" TEXT NOT NULL,
    "out_dir" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

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
    "score" REAL NOT NULL,
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
INSERT INTO "new_recommendations" ("as_of", "citations", "content_id", "created_at", "disclaimer", "flagged", "format", "id", "kind", "rank", "rationale", "run_id", "score", "status", "title", "trace_id", "user_id", "version", "window") SELECT "as_of", "citations", "content_id", "created_at", "disclaimer", "flagged", "format", "id", "kind", "rank", "rationale", "run_id", "score", "status", "title", "trace_id", "user_id", "version", "window" FROM "recommendations";
DROP TABLE "recommendations";
ALTER TABLE "new_recommendations" RENAME TO "recommendations";
CREATE INDEX "recommendations_user_id_window_as_of_idx" ON "recommendations"("user_id", "window", "as_of");
CREATE INDEX "recommendations_user_id_status_idx" ON "recommendations"("user_id", "status");
CREATE INDEX "recommendations_status_idx" ON "recommendations"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "persona_overrides_user_id_window_id_idx" ON "persona_overrides"("user_id", "window", "id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "feedback_user_id_id_idx" ON "feedback"("user_id", "id");

-- CreateIndex
CREATE INDEX "transaction_category_changes_transaction_id_id_idx" ON "transaction_category_changes"("transaction_id", "id");
