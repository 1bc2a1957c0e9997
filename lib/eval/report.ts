// report.md: a short written report generated from the metrics document — what was measured,
// the results against targets, why each metric below target is below it (from the numbers),
// fairness flags and the limitations. Same input, same text.
import { PERSONA_LABELS } from "../engine/personas/assign";
import { WINDOWS, type PersonaId, type WindowId } from "../engine/types";
import { BEHAVIOURS } from "./behaviours";
import type { FairnessFlag } from "./fairness";
import { allMetrics, type EvalMetrics, type MetricEntry } from "./metrics";
import { TRACE_PROBLEMS, type TraceProblem } from "./recommendation-checks";
import { MIN_BEHAVIOURS, MIN_GROUP_SIZE, PARITY_THRESHOLD } from "./targets";
import type { LabelClass } from "./types";

export const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

export function formatValue(e: Pick<MetricEntry, "id" | "value">): string {
  if (e.value === null) return "n/a";
  if (e.id.startsWith("latency_")) return `${e.value.toFixed(2)} ms`;
  if (e.id.endsWith("_parity")) return e.value.toFixed(2);
  return pct(e.value);
}

export function formatTarget(e: Pick<MetricEntry, "id" | "target" | "goal">): string {
  return `${e.goal === "at_least" ? "≥" : "≤"} ${formatValue({ id: e.id, value: e.target })}`;
}

export const classLabel = (c: LabelClass | string) => (c === "none" ? "No persona" : c === "insufficient_data" ? "Insufficient data" : (PERSONA_LABELS[c as PersonaId] ?? c));

export const measureLabel = (m: FairnessFlag["measure"]) => (m === "offer_access" ? "offer access" : m === "persona_assigned" ? "a matched persona" : classLabel(m));

const DEFINITIONS: Array<[string, string]> = [
  ["Coverage", `consenting customers with a matched persona (strong or moderate; a weak nearest-persona guess does not count) and at least ${MIN_BEHAVIOURS} detected behaviours. A behaviour is a signal family that found something: ${BEHAVIOURS.map((b) => `**${b.id}** (${b.definition})`).join("; ")}.`],
  ["Explainability", "recommendations whose rationale is non-empty and cites at least one data point."],
  ["Rationale faithfulness", "of the citing recommendations, those whose every cited value equals the value at its signal path in the stored signal snapshot (no snapshot: unfaithful)."],
  ["Relevance", "recommendations whose catalog item is tagged with the customer's primary or a secondary persona for that window."],
  ["Persona accuracy", "the engine's persona (primary when one matched, \"none\" for a weak guess, \"insufficient data\" when the window had too little data) equals the generator's intended persona. The generator labels mixed profiles with their highest-priority persona (the engine's own priority), healthy and most gig and cash-heavy customers \"none\", thin files \"insufficient data\"; lenient accuracy also accepts the label among the secondary personas."],
  ["Auditability", `recommendations with a complete decision trace: it exists, belongs to the customer, has engine version, config hash, the same asOf and window, persona criteria, every cited value among its signal values, and a candidate for the item with decision "chosen".`],
  ["Reproducibility", "customers whose stored persona (primary, secondaries, strength) equals a fresh engine computation over the data as it is now."],
  ["Fairness", `per age band, gender, region and income tier: the share with a matched persona, with at least one partner offer, and with each persona; parity ratio = group rate ÷ best group's rate (best among groups of ≥ ${MIN_GROUP_SIZE}); ratios under ${PARITY_THRESHOLD} are flagged. Headline parity = worst ratio among groups of ≥ ${MIN_GROUP_SIZE}.`],
  ["Latency", "pure engine time per customer (both windows, one `run` call), measured around the call, no database time."],
];

const list = (parts: Array<string | false>) => parts.filter(Boolean).join("; ");
const top = (items: Array<{ count: number } & Record<string, string | number>>, key: string) => items.map((i) => `\`${i[key]}\` (${i.count})`).join(", ");

/** Why a metric is below its target, in numbers. */
function explain(m: EvalMetrics, e: MetricEntry): string {
  const w = e.window as WindowId;
  switch (e.id) {
    case "coverage": {
      const c = m.coverage[w];
      const u = c.uncovered;
      return `${c.consenting - c.covered} of ${c.consenting} consenting customers are not covered: ${list([
        u.insufficient_data > 0 && `${u.insufficient_data} had too little history for this window (thin files are marked insufficient rather than guessed at)`,
        u.no_persona > 0 && `${u.no_persona} matched no persona (${c.no_persona_labelled_none} of them the generator also labels "none": healthy by design, so no persona is the right answer and they can never count as covered)`,
        u.few_behaviours > 0 && `${u.few_behaviours} matched a persona but showed fewer than ${MIN_BEHAVIOURS} behaviours`,
        u.no_results > 0 && `${u.no_results} have no stored results at this asOf (run \`spendsense run\`)`,
      ])}.`;
    }
    case "explainability": {
      const r = m.recommendations[w];
      return `${r.unexplained} of ${r.total} recommendations cite no data point, so their rationale cannot be checked against the customer's numbers.`;
    }
    case "faithfulness": {
      const r = m.recommendations[w];
      return `${r.unfaithful} of ${r.citing} citing recommendations cite a value that differs from the stored signals (${r.unfaithful_citations} of ${r.citations} citations; most often ${top(r.unfaithful_by_signal, "signal")}). The signals were replaced after these recommendations were written, or a rationale reads a value other than the one it names.`;
    }
    case "relevance": {
      const r = m.recommendations[w];
      return `${r.irrelevant} of ${r.total} recommendations are items not tagged with the customer's personas: ${r.irrelevant_offers} of them partner offers, and ${r.irrelevant_without_matched_persona} went to customers with no matched persona. An item needs a fired signal trigger and eligibility, not a persona match, so when too few items for the persona pass every check (offers especially, with eligibility rules and a small catalog) the remaining slots go to items chosen by their triggers alone. Most frequent: ${top(r.irrelevant_by_item, "content_id")}.`;
    }
    case "persona_accuracy": {
      const cm = m.persona_accuracy[w];
      const weak = cm.per_class
        .filter((c) => c.support > 0 && c.recall !== null && c.recall < m.targets.persona_accuracy)
        .map((c) => {
          const i = cm.classes.indexOf(c.class);
          const [j, n] = cm.counts[i].map((x, k) => [k, k === i ? -1 : x] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
          return `${classLabel(c.class)} recall ${pct(c.recall)} (${c.correct}/${c.support}; most often read as ${classLabel(cm.classes[j])}, ${n})`;
        });
      const profiles = cm.by_profile.filter((p) => p.accuracy !== null && p.accuracy < m.targets.persona_accuracy).map((p) => `${p.profile} → ${classLabel(p.intended)} ${p.correct}/${p.n}`);
      return `${cm.total - cm.correct} of ${cm.total} labelled customers get a different persona than the generator intended (lenient accuracy ${pct(cm.lenient_accuracy)}). ${weak.length ? `Below target: ${weak.join("; ")}.` : ""} ${profiles.length ? `Weakest profiles: ${profiles.join(", ")}.` : ""}${w === "30d" ? " A 30-day window sees a month of behaviour while the label describes the whole history: fees, pay gaps and savings growth can fall outside it." : ""}`.trim();
    }
    case "auditability": {
      const r = m.recommendations[w];
      const problems = (Object.entries(r.trace_problems) as Array<[TraceProblem, number]>).filter(([, n]) => n > 0).map(([p, n]) => `${TRACE_PROBLEMS[p]} (${n})`);
      return `${r.incomplete_traces} of ${r.total} recommendations lack a complete trace: ${problems.join("; ")}.`;
    }
    case "reproducibility":
      return `${(e.denominator ?? 0) - (e.numerator ?? 0)} customers' stored personas differ from a fresh computation: their data changed after \`spendsense run\` (new ingest, category corrections, deleted transactions) or the engine changed. Re-run \`spendsense run --as-of ${m.as_of}\`.`;
    case "offer_access_parity":
    case "persona_assigned_parity": {
      const key = e.id === "offer_access_parity" ? "offer_access" : "persona_assigned";
      const worst = m.fairness[w].worst[key];
      if (!worst) return "No group is large enough to judge.";
      const groups = m.fairness[w].dimensions.find((d) => d.dimension === worst.dimension)!.groups;
      const g = groups.find((x) => x.group === worst.group)!;
      const best = groups.find((x) => x.parity[key] === 1)!;
      const head = `${worst.dimension} = ${worst.group} (n ${g.n}) reaches ${pct(g.rates[key])} against ${pct(best.rates[key])} for ${best.group}: ratio ${worst.ratio.toFixed(2)}.`;
      if (key === "offer_access") {
        const [mine, theirs] = [g.rates.persona_assigned, best.rates.persona_assigned];
        const personaRatio = mine !== null && theirs ? mine / theirs : null;
        return `${head} An offer is made only to a customer whose persona it is for and who passes its eligibility (minimum income and credit score, accounts already held)${personaRatio === null ? "" : `; this group ${personaRatio < 1 ? "also has a matched persona less often" : "does not have a matched persona less often"} (${pct(mine)} against ${pct(theirs)}, ratio ${personaRatio.toFixed(2)})`}. Gates like these fall hardest on groups with fewer matched personas, lower incomes or lower scores; each candidate's reasons are in the decision traces.`;
      }
      const labelled = g.label_persona_rate !== null && best.label_persona_rate ? g.label_persona_rate / best.label_persona_rate : null;
      if (labelled === null) return `${head} Without generator labels it cannot be told whether the data or the engine causes the gap.`;
      // The engine is not to blame when its ratio is about as good as the labels' own.
      return worst.ratio >= labelled - 0.05
        ? `${head} The generator's labels show much the same gap (${pct(g.label_persona_rate)} of ${worst.group} customers were drawn with a persona-targeting profile against ${pct(best.label_persona_rate)} for ${best.group}, ratio ${labelled.toFixed(2)}), so it comes from who is in the data rather than from how the engine reads them${g.n < 200 ? "; with this few customers such draws vary a lot" : ""}.`
        : `${head} The generator's labels do not show this gap (${pct(g.label_persona_rate)} against ${pct(best.label_persona_rate)}, ratio ${labelled.toFixed(2)}): the engine matches this group less often than its data warrants — look at the persona confusion for this group.`;
    }
    default: {
      const l = m.measured.latency_ms;
      return l ? `Over ${l.customers} customers: mean ${l.mean} ms, max ${l.max} ms. Timings depend on the machine and its load at the time; see the histogram.` : "No latency was measured.";
    }
  }
}

/** Every result below its target, with the reason in numbers (the report and the insights page show these). */
export function belowTarget(m: EvalMetrics): Array<{ entry: MetricEntry; why: string }> {
  return allMetrics(m)
    .filter((e) => e.meets === false)
    .map((entry) => ({ entry, why: explain(m, entry) }));
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function flagLine(f: FairnessFlag): string {
  return `${f.dimension} = ${f.group}${f.small ? ` (n ${f.n}, small group: unreliable)` : ` (n ${f.n})`}: ${measureLabel(f.measure)} ${pct(f.rate)} vs ${pct(f.best_rate)} for ${f.best_group} — ratio ${f.ratio.toFixed(2)}`;
}

const EVENT_WORDS: Record<string, string> = {
  duplicate: "duplicate charges",
  card_testing: "card-testing bursts (several charges under $2)",
  takeover: "account-takeover bursts (3+ large charges at new merchants in a day)",
  out_of_pattern: "amounts far out of pattern at a regular merchant",
  price_increase: "subscription price increases",
  new_subscription: "new subscriptions",
  overdraft: "upcoming overdrafts (checking below zero within 14 days)",
};

function alertSection(kinds: NonNullable<EvalMetrics["alerts"]>, t: NonNullable<EvalMetrics["alert_truth"]>): string[] {
  const scored = Object.entries(kinds).filter(([, a]) => a.labelled || a.support > 0);
  const unscored = Object.entries(kinds).filter(([, a]) => !a.labelled && a.support === 0 && a.alerts > 0);
  const out = [
    "## Alerts against ground truth",
    `The generator's labelled events (generator_events: injected by --fraud-rate / --anomaly-rate, and the situations the ordinary generator made that it can label — subscription price rises, checking accounts heading below zero) matched to the alerts the engine raises at this asOf for ${t.customers} consenting customers. A transaction alert is right when it shares a transaction with an event of its kind; a low-balance forecast when the customer has an overdraft event and both fall within the 14 days after asOf. Events older than 45 days are out of scope (an alert about one counts neither way). Card-testing and takeover bursts and out-of-pattern amounts are all scored as unusual amounts; false alerts per 1 000 customers a month count one evaluation as ${t.months} month(s) of events.`,
    table(
      ["alert", "alerts", "right", "false", "precision", "events", "found", "recall", "false / 1 000 customer-months", "aim", "status"],
      scored.map(([kind, a]) => [
        kind,
        String(a.alerts),
        String(a.true_alerts),
        String(a.false_alerts),
        pct(a.precision),
        String(a.support),
        String(a.found),
        pct(a.recall),
        a.false_alerts_per_1000_customer_months === null ? "n/a" : a.false_alerts_per_1000_customer_months.toFixed(2),
        a.aim ? `precision ≥ ${pct(a.aim.precision)}, recall ≥ ${pct(a.aim.recall)}` : "—",
        a.aim ? (a.aim.met === null ? "not measurable" : a.aim.met ? "meets" : "**below**") : "",
      ]),
    ),
  ];
  out.push(
    "Alerts are computed by the pure engine at this asOf over the same data as the stored run. The ground truth has limits: the generator labels what it injected and the situations it can name (price rises it made; checking accounts its own schedule of bills, subscriptions and pay takes below zero within 14 days — a projection like the engine's, so agreement there is partly agreement of definitions); a charge the ordinary generator made that merely looks odd is unlabelled, so an alert on it counts as false.",
  );
  if (unscored.length) out.push(`No ground truth for ${unscored.map(([k, a]) => `${k} (${a.alerts} alerts)`).join(", ")}: precision and recall are not measured for them.`);
  if (t.events.length) {
    out.push(
      "**Recall by event**",
      table(
        ["event", "source", "scored as", "events", "found", "recall"],
        t.events.map((e) => {
          const [kind, source] = e.event.split("/");
          return [EVENT_WORDS[kind] ?? kind, source, e.expected_alert, String(e.support), String(e.found), pct(e.recall)];
        }),
      ),
    );
  }
  const misses = scored.filter(([, a]) => a.aim?.met === false || (a.support > 0 && a.found < a.support) || a.false_alerts > 0);
  if (misses.length) {
    out.push(
      "**Misses and false alerts, with examples**",
      misses
        .map(([kind, a]) => {
          const weak = t.events.filter((e) => e.expected_alert === kind && e.found < e.support).map((e) => `${e.support - e.found} of ${e.support} ${EVENT_WORDS[e.event.split("/")[0]] ?? e.event} (${e.event.split("/")[1]})`);
          const ex = t.examples.filter((x) => x.kind === kind).map((x) => `${x.type === "missed" ? "missed" : "false alert"} ${x.user_id} ${x.date} ${x.what}${x.transaction_ids.length ? ` [${x.transaction_ids.join(", ")}]` : ""}`);
          return `- **${kind}**: ${list([weak.length > 0 && `not found: ${weak.join(", ")}`, a.false_alerts > 0 && `${a.false_alerts} alert(s) match no labelled event`])}.${ex.length ? ` Examples: ${ex.join("; ")}.` : ""}`;
        })
        .join("\n"),
    );
  }
  return out;
}

export function renderReport(m: EvalMetrics): string {
  const entries = allMetrics(m);
  const below = belowTarget(m);
  const out: string[] = [];
  out.push(`# SpendSense evaluation — as of ${m.as_of}`);
  out.push(
    `Engine ${m.engine_version} (config ${m.config_hash}). ${m.customers.consenting} consenting of ${m.customers.selected} customers in scope, ${m.customers.evaluated} with stored results, ${m.customers.labelled} with a generator label. Generated ${m.measured.generated_at} in ${m.measured.seconds} s. ${below.length ? `**${below.length} of ${entries.length} results are below target** (explained below).` : `All ${entries.length} results meet their targets.`}`,
  );
  out.push("## What was measured", DEFINITIONS.map(([k, v]) => `- **${k}**: ${v}`).join("\n"));
  out.push(
    "## Results against targets",
    table(
      ["metric", "window", "value", "count", "target", "status"],
      entries.map((e) => [e.label, e.window, formatValue(e), e.denominator === null ? "" : `${e.numerator}/${e.denominator}`, formatTarget(e), e.meets === null ? "not measurable" : e.meets ? "meets" : "**below**"]),
    ),
  );
  if (below.length) out.push("## Below target, and why", below.map(({ entry: e, why }) => `- **${e.label} (${e.window})**: ${why}`).join("\n"));

  const cm = m.persona_accuracy["180d"];
  out.push(
    "## Persona confusion matrix (180 days; rows: generator label, columns: engine)",
    table(
      ["label \\ engine", ...cm.classes.map(classLabel), "recall"],
      cm.classes.map((c, i) => [classLabel(c), ...cm.counts[i].map(String), pct(cm.per_class[i].recall)]),
    ),
    `Precision: ${cm.per_class.map((c) => `${classLabel(c.class)} ${pct(c.precision)}`).join(", ")}. The 30-day matrix is in metrics.json and metrics.csv.`,
  );

  if (m.alerts && m.alert_truth) for (const part of alertSection(m.alerts, m.alert_truth)) out.push(part);

  out.push("## Fairness");
  // Access flags in full for both windows; persona-mix flags listed for 180 days only (both are
  // in metrics.csv and on the insights page), to keep the report short.
  for (const w of [...WINDOWS].reverse()) {
    const flags = m.fairness[w].flags;
    const access = flags.filter((f) => f.kind === "access");
    const mix = flags.filter((f) => f.kind === "mix");
    out.push(
      `**${w}**: ${access.length} access flag(s), ${mix.length} persona-mix flag(s).` +
        (access.length ? `\n${access.map((f) => `- ${flagLine(f)}`).join("\n")}` : " No group falls below the access threshold."),
    );
    const listed = w === "180d" ? mix.filter((f) => !f.small) : [];
    if (mix.length) {
      out.push(
        `Persona mix under ${PARITY_THRESHOLD} of the best group (it may mirror real differences in the data; judge before acting)${listed.length ? `: ${listed.map((f) => `${f.dimension} = ${f.group}: ${measureLabel(f.measure)} ${f.ratio.toFixed(2)}`).join("; ")}` : ""}${mix.length > listed.length ? `${listed.length ? "; plus" : ":"} ${mix.length - listed.length} more (all in metrics.csv and on the insights page)` : ""}.`,
      );
    }
  }

  out.push(
    "## Limitations",
    [
      "- The data is synthetic: the numbers say how the engine treats the generator's customers, not real ones, and the labels are the generator's intent, not a verified truth.",
      "- Relevance checks that an item is tagged for the customer's persona, not that the customer found it useful; faithfulness checks the cited numbers, not the wording around them.",
      `- Fairness groups under ${MIN_GROUP_SIZE} customers are reported but unreliable; the synthetic demographics are drawn with profile-dependent weights (age), and income tier follows income, so some gaps are built into the data.`,
      "- Only the engine's own recommendations from the latest run at this asOf are judged; reviewer overrides and earlier, superseded runs are not.",
      `- Latency is measured on this machine (${m.measured.latency_ms?.customers ?? 0} customers) and varies with load; it excludes database reads and writes.`,
      m.customers.labelled < m.customers.evaluated ? `- ${m.customers.evaluated - m.customers.labelled} customers without a generator label are left out of persona accuracy.` : "",
      "- Per-customer decision traces with each recommendation's verdicts are in traces/ beside this report (they name customers: not for analyst distribution).",
    ]
      .filter(Boolean)
      .join("\n"),
  );
  return `${out.join("\n\n")}\n`;
}
