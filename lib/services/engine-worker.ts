// Worker thread for engine runs: receives a chunk of customers, returns engine results.
import { parentPort } from "node:worker_threads";
import { computeJob, type EngineJob } from "./engine-job";

parentPort?.on("message", (job: EngineJob) => {
  try {
    parentPort!.postMessage({ ok: true, results: computeJob(job) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: (err as Error).message });
  }
});
