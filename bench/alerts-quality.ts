// Alert precision and recall per kind over generated customers with labelled events (issue 15),
// in memory: the generator's ground truth, the pure engine at the data's asOf, lib/eval/alerts.ts's
// matching — the figures `spendsense eval` writes to metrics.json `alerts.kinds`, without a
// database. Prints one JSON line per kind (and, with --examples, the misses and false alerts).
// Usage: tsx bench/alerts-quality.ts [users=500] [seed=42] [anomalyRate=0.1] [fraudRate=0.05] [--examples]
//        [--alerts={"unusualSpreadMultiple":3}]   (overrides config.alerts, to compare thresholds)
import { generateCustomer } from "../lib/data/generator";
import { GENERATOR_DEFAULTS } from "../lib/data/defaults";
import { alertMetrics, type RaisedAlert, type TruthEvent } from "../lib/eval/alerts";
import { DEFAULT_CONFIG, run } from "../lib/engine/index";
import { toEngineInput } from "../lib/engine/testing/plaid-input";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const examples = process.argv.includes("--examples");
const override = process.argv.find((a) => a.startsWith("--alerts="));
const config = override ? { ...DEFAULT_CONFIG, alerts: { ...DEFAULT_CONFIG.alerts, ...(JSON.parse(override.slice("--alerts=".length)) as Partial<typeof DEFAULT_CONFIG.alerts>) } } : DEFAULT_CONFIG;
const users = Number(args[0] ?? 500);
const seed = Number(args[1] ?? 42);
const anomalyRate = Number(args[2] ?? 0.1);
const fraudRate = Number(args[3] ?? 0.05);
const { asOf, months } = GENERATOR_DEFAULTS;
const KINDS = ["duplicate_charge", "unusual_amount"] as const;

const truth: TruthEvent[] = [];
const described = new Map<string, string>();
const describe = (ids: readonly string[]) => ids.map((id) => described.get(id) ?? id).join(" | ");
const raised: RaisedAlert[] = [];
let consenting = 0;
for (let i = 0; i < users; i++) {
  const b = generateCustomer({ users, seed, asOf, months, anomalyRate, fraudRate }, i);
  const c = toEngineInput(b);
  if (!c.consent) continue;
  consenting++;
  if (examples) for (const t of c.transactions) described.set(t.transaction_id, `${t.date} ${t.merchant_name ?? t.name} ${t.amount_cents} ${t.pfc_detailed}`);
  for (const e of b.label?.events ?? []) truth.push({ user_id: c.user_id, kind: e.kind, source: e.source, date: e.date, transaction_ids: e.transaction_ids, expected_alert: e.expected_alert });
  const r = run(c, config, asOf, { catalog: [], recentlyShown: [] });
  if (r.consent) for (const a of r.alerts) raised.push({ user_id: c.user_id, kind: a.kind, alert_key: a.alert_key, event_date: a.event_date, transaction_ids: a.transaction_ids });
}
const m = alertMetrics({ asOf, customers: consenting, lookbackDays: config.alerts.lookbackDays, truth, alerts: raised });
for (const k of KINDS) {
  const x = m.kinds[k];
  console.log(JSON.stringify({ users, seed, override: override?.slice(9), anomalyRate, fraudRate, kind: k, precision: x.precision, recall: x.recall, support: x.support, alerts: x.alerts, false_alerts: x.false_alerts }));
}
if (examples) {
  const inScope = new Set(KINDS as readonly string[]);
  for (const a of raised) {
    if (!inScope.has(a.kind)) continue;
    const hit = truth.some((e) => e.user_id === a.user_id && e.expected_alert === a.kind && e.transaction_ids.some((id) => a.transaction_ids.includes(id)));
    if (!hit) console.log("FALSE", a.user_id, a.alert_key, describe(a.transaction_ids));
  }
  for (const e of truth) {
    if (!inScope.has(e.expected_alert)) continue;
    const hit = raised.some((a) => a.user_id === e.user_id && a.kind === e.expected_alert && e.transaction_ids.some((id) => a.transaction_ids.includes(id)));
    if (!hit) console.log("MISSED", e.user_id, e.kind, e.source, describe(e.transaction_ids));
  }
}
