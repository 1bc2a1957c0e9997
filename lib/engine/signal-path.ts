// Dotted paths into a window's signals, e.g. "credit.max_utilization_pct" or
// "credit.cards[acc_9].utilization_pct" (an array element picked by its id) or
// "subscriptions.streams[NETFLIX].price_changes[0].to_cents". Citations and persona checks
// name their numbers this way, so anyone can look the number up.

const SEGMENT = /^([a-z_]+)(?:\[([^\]]+)\])?$/;

export function readSignal(root: unknown, path: string): unknown {
  let cur: unknown = root;
  // Most paths have no selectors: walk them without parsing.
  if (!path.includes("[")) {
    for (const key of path.split(".")) {
      if (cur === null || typeof cur !== "object") return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
    return cur;
  }
  for (const part of splitPath(path)) {
    const m = SEGMENT.exec(part);
    if (!m || cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[m[1]];
    if (m[2] !== undefined) {
      if (!Array.isArray(cur)) return undefined;
      const sel = m[2];
      cur = /^\d+$/.test(sel) ? cur[Number(sel)] : cur.find((e) => e && typeof e === "object" && ((e as Record<string, unknown>).account_id === sel || (e as Record<string, unknown>).key === sel));
    }
  }
  return cur;
}

/** Splits on dots outside brackets (ids may contain dots). */
function splitPath(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of path) {
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (ch === "." && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
