// What every alert family reads, computed once per customer.
import type { Day } from "../../data/dates";
import type { EngineConfig } from "../config";
import { windowBounds, type Prepared, type WindowBounds } from "../signals/prepare";
import { detectRecurringStreams } from "../signals/recurring";
import type { RecurringStream } from "../signals/types";
import type { Alert } from "./types";

export interface AlertContext {
  p: Prepared;
  config: EngineConfig;
  currency: string;
  /** Bounds over the last config.alerts.historyDays. */
  bounds: WindowBounds;
  streams: RecurringStream[];
  /** The first day each outflow merchant (stream_key) was charged, over all the history. */
  firstSeen: Map<string, Day>;
}

export type Emit = (built: { alert: Alert; ok: boolean }) => void;

export function alertContext(p: Prepared, config: EngineConfig): AlertContext {
  const days = config.alerts.historyDays;
  const b = windowBounds(p, "180d", config);
  const bounds: WindowBounds = { ...b, lookbackStart: p.asOf - days + 1, lookbackDays: days, lookbackCoveredDays: Math.min(days, b.lookbackCoveredDays) };
  const firstSeen = new Map<string, Day>();
  for (const t of p.txs) if (t.stream_key && !firstSeen.has(t.stream_key)) firstSeen.set(t.stream_key, t.day);
  return { p, config, currency: p.currency, bounds, streams: detectRecurringStreams(p, bounds, config), firstSeen };
}
