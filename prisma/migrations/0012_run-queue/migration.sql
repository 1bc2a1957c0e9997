-- Distributed engine runs (issue 14, point 3): the chunks of a queued run that were written (a
-- retried chunk is recognised, never written twice; progress counts each once; per-chunk timings),
-- and the engine workers seen lately.
CREATE TABLE "engine_run_chunks" (
    "run_id" INTEGER NOT NULL,
    "chunk" INTEGER NOT NULL,
    "customers" INTEGER NOT NULL,
    "recommendations" INTEGER NOT NULL,
    "alerts" INTEGER NOT NULL,
    "worker" TEXT NOT NULL,
    "load_ms" INTEGER NOT NULL,
    "compute_ms" INTEGER NOT NULL,
    "persist_ms" INTEGER NOT NULL,
    "finished_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("run_id", "chunk"),
    CONSTRAINT "engine_run_chunks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "queue_workers" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "started_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seen_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX "queue_workers_seen_at_idx" ON "queue_workers"("seen_at");
