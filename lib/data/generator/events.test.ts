import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleSchema, type PlaidBundle } from "../../validation/plaid";
import { GENERATOR_DEFAULTS, generateBundles } from "./index";

const RATES = { anomalyRate: 0.3, fraudRate: 0.3 };
const OPTS = { ...GENERATOR_DEFAULTS, users: 120 };
const ASOF = GENERATOR_DEFAULTS.asOf;
type Event = NonNullable<NonNullable<PlaidBundle["label"]>["events"]>[number];
const eventsOf = (b: PlaidBundle): Event[] => b.label?.events ?? [];
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

let plain: PlaidBundle[];
let injected: PlaidBundle[];
beforeAll(() => {
  plain = [...generateBundles(OPTS)];
  injected = [...generateBundles({ ...OPTS, ...RATES })];
});

describe("generator ground-truth events (--anomaly-rate, --fraud-rate)", () => {
  it("with both rates 0 the output is byte-identical to the generator before events existed", () => {
    const h = createHash("sha256");
    for (const b of generateBundles({ ...GENERATOR_DEFAULTS, users: 60, anomalyRate: 0, fraudRate: 0 })) h.update(JSON.stringify(b));
    expect(h.digest("hex")).toBe("dd9ed1b464544be8d12f478b7201b035dd73a70cf699f8e1bcfd506f6993bf48");
    expect(plain.every((b) => b.label && !("events" in b.label))).toBe(true);
  });

  it("injects every kind, labelled in the bundle with transactions that exist, and the bundles still validate", () => {
    const kinds = new Set(injected.flatMap((b) => eventsOf(b).filter((e) => e.source === "injected").map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(["card_testing", "duplicate", "new_subscription", "out_of_pattern", "overdraft", "price_increase", "takeover"]);
    for (const b of injected) {
      expect(bundleSchema.safeParse(b).success).toBe(true);
      const ids = new Set((b.transactions ?? []).map((t) => t.transaction_id));
      for (const e of eventsOf(b)) for (const id of e.transaction_ids) expect(ids.has(id)).toBe(true);
    }
  });

  it("each event looks like what it claims, in the recent period before asOf", () => {
    for (const b of injected) {
      const byId = new Map((b.transactions ?? []).map((t) => [t.transaction_id, t]));
      for (const e of eventsOf(b)) {
        const txns = e.transaction_ids.map((id) => byId.get(id)!);
        if (e.kind === "overdraft") {
          expect(e.expected_alert).toBe("low_balance_forecast");
          expect(dayOf(e.date) - dayOf(ASOF)).toBeGreaterThan(0);
          expect(dayOf(e.date) - dayOf(ASOF)).toBeLessThanOrEqual(14);
          continue;
        }
        if (e.source === "natural") continue;
        expect(dayOf(ASOF) - dayOf(e.date)).toBeLessThanOrEqual(90);
        for (const t of txns) expect(t.pending).toBe(false);
        if (e.kind === "duplicate") {
          expect(e.expected_alert).toBe("duplicate_charge");
          expect(txns).toHaveLength(2);
          expect(txns[1].amount).toBe(txns[0].amount);
          expect(txns[1].merchant_name).toBe(txns[0].merchant_name);
          expect(Math.abs(dayOf(txns[1].date) - dayOf(txns[0].date))).toBeLessThanOrEqual(1);
        } else if (e.kind === "card_testing") {
          expect(txns.length).toBeGreaterThanOrEqual(3);
          for (const t of txns) expect(t.amount).toBeLessThan(2);
        } else if (e.kind === "takeover") {
          expect(new Set(txns.map((t) => t.merchant_name)).size).toBeGreaterThanOrEqual(3);
          expect(txns.reduce((s, t) => s + t.amount, 0)).toBeGreaterThan(900);
          const before = (b.transactions ?? []).filter((t) => !e.transaction_ids.includes(t.transaction_id));
          for (const t of txns) expect(before.some((x) => x.merchant_name === t.merchant_name)).toBe(false);
        } else if (e.kind === "price_increase") {
          const [raised] = txns;
          const earlier = (b.transactions ?? []).filter((t) => t.merchant_name === raised.merchant_name && t.date < raised.date);
          expect(earlier.length).toBeGreaterThanOrEqual(2);
          for (const t of earlier) expect(t.amount).toBeLessThan(raised.amount);
        } else if (e.kind === "out_of_pattern") {
          const [odd] = txns;
          const usual = (b.transactions ?? []).filter((t) => t.merchant_name === odd.merchant_name && t.transaction_id !== odd.transaction_id);
          expect(usual.length).toBeGreaterThanOrEqual(5);
          const median = usual.map((t) => t.amount).sort((x, y) => x - y)[Math.floor(usual.length / 2)];
          expect(odd.amount).toBeGreaterThan(4 * median);
        } else if (e.kind === "new_subscription") {
          expect(txns).toHaveLength(3);
          expect(new Set(txns.map((t) => t.amount)).size).toBe(1);
          expect((b.transactions ?? []).filter((t) => t.merchant_name === txns[0].merchant_name)).toHaveLength(3);
        }
      }
    }
  });

  it("is deterministic, and customers without an injected event are exactly as with no rates", () => {
    const again = [...generateBundles({ ...OPTS, ...RATES })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(injected));
    let untouched = 0;
    injected.forEach((b, i) => {
      if (eventsOf(b).some((e) => e.source === "injected")) return;
      untouched++;
      expect(JSON.stringify({ ...b, label: null })).toBe(JSON.stringify({ ...plain[i], label: null }));
    });
    expect(untouched).toBeGreaterThan(30);
  });

  it("rejects a rate outside 0–1", () => {
    expect(() => generateBundles({ ...OPTS, fraudRate: 1.5 }).next()).toThrow(/fraud rate must be a number from 0 to 1/);
  });
});
