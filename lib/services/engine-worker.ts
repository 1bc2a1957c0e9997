// Worker thread for engine runs: receives a chunk of customers, returns engine results.
import { parentPort } from "node:worker_threads";
import type { EngineConfig } from "../engine";
import type { ContentItem } from "../engine/recommend/content";
import type { RecentlyShown } from "../engine/recommend/recommend";
import type { CustomerInput, PersonaId, WindowId } from "../engine/types";

export interface EngineJob {
  asOf: string;
  config: EngineConfig;
  catalog: ContentItem[];
  inputs: CustomerInput[];
  recentlyShown: Record<string, RecentlyShown[]>;
  previousPrimary: Record<string, Partial<Record<WindowId, PersonaId | null>>>;
}

if (parentPort) {
  const port = parentPort;
  // Loaded lazily so importing this file for its types costs nothing.
  void import("./engine").then(({ computeJob }) => {
    port.on("message", (job: EngineJob) => {
      try {
        port.postMessage({ ok: true, results: computeJob(job) });
      } catch (err) {
        port.postMessage({ ok: false, error: (err as Error).message });
      }
    });
  });
}
