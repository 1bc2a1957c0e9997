// Dotted paths into a window's signals, e.g. "credit.max_utilization_pct" or
// "credit.cards[acc_9].utilization_pct" (an array element picked by its id) or
// "subscriptions.streams[NETFLIX].price_changes[0].to_cents". Citations and persona checks
// name their numbers this way, so anyone can look the number up.

const SEGMENT = /^([a-z_]+)(?:\[([^\]]+)\])?$/;

// Paths without selectors come from a fixed set (persona rules, triggers): split each once.
const plainPaths = new Map<string, string[]>();

export function readSignal(root: unknown, path: string): unknown {
  let cur: unknown = root;
  // Most paths have no selectors: walk them without parsing.
  if (!path.includes("[")) {
    let keys = plainPaths.get(path);
    if (!keys) {
      if (plainPaths.size >= 10_000) plainPaths.clear();
      plainPaths.set(path, (keys = path.split(".")));
    }
    for (const key of keys) {
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
  let start = 0;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const ch = path.charCodeAt(i);
    if (ch === 91 /* [ */) depth++;
    else if (ch === 93 /* ] */) depth--;
    else if (ch === 46 /* . */ && depth === 0) {
      out.push(path.slice(start, i));
      start = i + 1;
    }
  }
  out.push(path.slice(start));
  return out;
}
