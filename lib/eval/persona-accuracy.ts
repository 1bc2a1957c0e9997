// Persona accuracy against the generator's labels: a confusion matrix over LABEL_CLASSES,
// precision and recall per class, and accuracy per generator profile so mixed, thin-file, gig
// and cash-heavy customers are visible on their own.
//
// How labels read: the generator labels a customer with the highest-priority persona its
// profile's traits aim at (a "mixed_utilization_subscriptions" customer is high_utilization),
// "none" when no trait aims at a persona (healthy, most gig and cash-heavy customers) and
// "insufficient_data" for thin files. The engine's answer maps the same way: its primary persona
// when one matched, "none" for a weak nearest-persona guess, "insufficient_data" when the window
// had too little data. Lenient accuracy also accepts the label among the secondary personas.
import type { WindowId } from "../engine/types";
import type { CustomerAssessment } from "./assess";
import { rate } from "./numbers";
import { LABEL_CLASSES, type LabelClass } from "./types";

export interface ClassScores {
  class: LabelClass;
  /** Customers the generator labelled with this class. */
  support: number;
  /** Customers the engine put in this class. */
  predicted: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export interface ConfusionMatrix {
  classes: readonly LabelClass[];
  /** counts[i][j]: customers labelled classes[i] that the engine put in classes[j]. */
  counts: number[][];
  total: number;
  correct: number;
  accuracy: number | null;
  lenient_correct: number;
  lenient_accuracy: number | null;
  per_class: ClassScores[];
  by_profile: Array<{ profile: string; intended: string; n: number; correct: number; accuracy: number | null }>;
  /** Customers with results but no generator label (e.g. ingested from Plaid files): not scored. */
  unlabelled: number;
}

const isClass = (v: string): v is LabelClass => (LABEL_CLASSES as readonly string[]).includes(v);

export function personaAccuracy(assessments: readonly CustomerAssessment[], window: WindowId): ConfusionMatrix {
  const n = LABEL_CLASSES.length;
  const counts = Array.from({ length: n }, () => Array<number>(n).fill(0));
  const profiles = new Map<string, { profile: string; intended: string; n: number; correct: number }>();
  let correct = 0;
  let lenient = 0;
  let unlabelled = 0;
  for (const a of assessments) {
    const w = a.windows[window];
    if (w.predicted === null) continue;
    if (!a.label || !isClass(a.label.intended_persona)) {
      unlabelled++;
      continue;
    }
    const label = a.label.intended_persona;
    counts[LABEL_CLASSES.indexOf(label)][LABEL_CLASSES.indexOf(w.predicted)]++;
    const hit = label === w.predicted;
    if (hit) correct++;
    if (hit || (w.matched as string[]).includes(label)) lenient++;
    const key = `${a.label.profile}\u0000${label}`;
    const p = profiles.get(key) ?? { profile: a.label.profile, intended: label, n: 0, correct: 0 };
    p.n++;
    if (hit) p.correct++;
    profiles.set(key, p);
  }
  const total = counts.flat().reduce((s, x) => s + x, 0);
  const per_class = LABEL_CLASSES.map((cls, i) => {
    const support = counts[i].reduce((s, x) => s + x, 0);
    const predicted = counts.reduce((s, row) => s + row[i], 0);
    return { class: cls, support, predicted, correct: counts[i][i], precision: rate(counts[i][i], predicted), recall: rate(counts[i][i], support) };
  });
  const by_profile = [...profiles.values()]
    .sort((a, b) => (a.profile === b.profile ? (a.intended < b.intended ? -1 : 1) : a.profile < b.profile ? -1 : 1))
    .map((p) => ({ ...p, accuracy: rate(p.correct, p.n) }));
  return { classes: LABEL_CLASSES, counts, total, correct, accuracy: rate(correct, total), lenient_correct: lenient, lenient_accuracy: rate(lenient, total), per_class, by_profile, unlabelled };
}
