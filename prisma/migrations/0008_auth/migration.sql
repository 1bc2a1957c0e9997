-- Staff sessions that can be ended server-side (sign-out, role change), sign-in attempts per
-- client address, and the developer API's rate-limit counters.

-- CreateTable
CREATE TABLE "staff_sessions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staff_id" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" DATETIME,
    CONSTRAINT "staff_sessions_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "staff_sessions_staff_id_idx" ON "staff_sessions"("staff_id");

-- AlterTable (SQLite adds a NOT NULL column with a default in place; no table rebuild)
ALTER TABLE "sign_in_attempts" ADD COLUMN "client" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "sign_in_attempts_client_created_at_idx" ON "sign_in_attempts"("client", "created_at");

-- CreateTable
CREATE TABLE "api_rate_limits" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);
