-- Distributed engine runs (issue 14, point 3): see prisma/migrations/0012_run-queue.
-- (Written by hand: `bin/pg-schema.mjs --migration` failed here with Prisma's "External error id#0".)
-- CreateTable
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
    "finished_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engine_run_chunks_pkey" PRIMARY KEY ("run_id","chunk")
);

-- CreateTable
CREATE TABLE "queue_workers" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "queue_workers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "queue_workers_seen_at_idx" ON "queue_workers"("seen_at");

-- AddForeignKey
ALTER TABLE "engine_run_chunks" ADD CONSTRAINT "engine_run_chunks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "engine_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
