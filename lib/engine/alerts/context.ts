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
  /** The first day of the continuous history the customer spent anything (an outflow at a merchant), or null. */
  firstSpend: Day | null;
  /** True when enough spending history precedes `day` to call a merchant first seen then "new" (config.alerts.newMerchantHistoryDays). */
  knowsNewOn(day: Day): boolean;
}

export type Emit = (built: { alert: Alert; ok: boolean }) => void;

/**
 * `streams`: the recurring streams already detected over exactly these bounds (run() passes the
 * 180d window's when config.alerts.historyDays equals its lookback), so they are not found twice.
 */
export function alertContext(p: Prepared, config: EngineConfig, streams?: RecurringStream[]): AlertContext {
  const days = config.alerts.historyDays;
  const b = windowBounds(p, "180d", config);
  const bounds: WindowBounds = { ...b, lookbackStart: p.asOf - days + 1, lookbackDays: days, lookbackCoveredDays: Math.min(days, b.lookbackCoveredDays) };
  const firstSeen = new Map<string, Day>();
  for (const t of p.txs) if (t.stream_key && !firstSeen.has(t.stream_key)) firstSeen.set(t.stream_key, t.day);
  // Spending within the continuous history (Prepared.firstDay): one old line before a long quiet stretch is no baseline.
  const firstSpend = p.txs.find((t) => t.stream_key !== "" && p.firstDay !== null && t.day >= p.firstDay)?.day ?? null;
  const knowsNewOn = (day: Day) => firstSpend !== null && day - firstSpend >= config.alerts.newMerchantHistoryDays;
  return { p, config, currency: p.currency, bounds, streams: streams ?? detectRecurringStreams(p, bounds, config), firstSeen, firstSpend, knowsNewOn };
}
