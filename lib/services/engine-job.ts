// One chunk of an engine run: what a worker thread (or the main thread) computes.
import { run, type EngineConfig, type EngineResult } from "../engine";
import type { ContentItem } from "../engine/recommend/content";
import type { BudgetInput } from "../engine/budgets";
import type { Declined, RecentlyShown } from "../engine/recommend/recommend";
import type { CustomerInput, PersonaId, WindowId } from "../engine/types";

export interface EngineJob {
  asOf: string;
  config: EngineConfig;
  catalog: ContentItem[];
  inputs: CustomerInput[];
  recentlyShown: Record<string, RecentlyShown[]>;
  declined: Record<string, Declined[]>;
  personaOverrides: Record<string, Partial<Record<WindowId, PersonaId>>>;
  previousPrimary: Record<string, Partial<Record<WindowId, PersonaId | null>>>;
  /** Each customer's budgets (absent = none). */
  budgets?: Record<string, BudgetInput[]>;
}

/** The engine for one customer of the job, with the context a run gives it. */
export function computeOne(job: EngineJob, input: CustomerInput): EngineResult {
  return run(input, job.config, job.asOf, { catalog: job.catalog, recentlyShown: job.recentlyShown[input.user_id] ?? [],
    declined: job.declined[input.user_id] ?? [],
    personaOverride: job.personaOverrides[input.user_id],
    previousPrimary: job.previousPrimary[input.user_id],
    budgets: job.budgets?.[input.user_id] });
}

export function computeJob(job: EngineJob): EngineResult[] {
  return job.inputs.map((input) => computeOne(job, input));
}
