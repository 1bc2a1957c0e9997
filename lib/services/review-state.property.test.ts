// Review decisions stick across re-runs (issue 13.2): over a seeded random sequence of engine runs,
// approvals, rejections, item swaps and persona overrides on generated customers, every window
// keeps to 3–5 education items and up to 3 offers, and an item a reviewer rejected or swapped out
// is not recommended to that customer again within the no-repeat period — unless the numbers it
// cited changed materially, which its trace then says.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, dayFromIso } from "../data/dates";
import { Rng } from "../data/generator/prng";
import { createPrisma, type Db } from "../db/client";
import { DEFAULT_CONFIG, type DecisionTrace } from "../engine";
import { PERSONA_IDS, WINDOWS } from "../engine/types";
import { tempDb, type TempDb } from "../testing/temp-db";
import { customerView } from "./customer-view";
import { runEngine } from "./engine";
import { loadGenerated } from "./generate";
import { alternativesFor, overridePersona, overrideRecommendation } from "./overrides";
import { reviewRecommendation } from "./review";

const AS_OF = "2026-10-31";
const DATA_END = "2026-11-30";
const { noRepeatDays, educationMax, offersMax } = DEFAULT_CONFIG.recommend;

let t: TempDb;
let db: Db;
beforeEach(async () => {
  t = await tempDb();
  // A run may not end after the newest data: re-runs move on up to DATA_END only.
  await loadGenerated({ users: 10, seed: 17, asOf: DATA_END, months: 8, url: t.url });
  await runEngine({ url: t.url, asOf: AS_OF });
  db = createPrisma(t.url);
});
afterEach(async () => {
  await db.$disconnect();
  t.cleanup();
});

const LIVE = ["pending_review", "approved", "delivered"];

/** Every window of every consenting customer, as staff and the API see it: within the caps. */
async function expectCapsHold(step: string) {
  const customers = await db.customer.findMany({ where: { consent: true }, select: { user_id: true } });
  for (const { user_id } of customers) {
    const view = await customerView(t.sql, user_id, WINDOWS, { withoutItemTraces: true });
    for (const w of WINDOWS) {
      const recs = view.windows[w]!.recommendations;
      const education = recs.filter((r) => r.kind === "education").length;
      const offers = recs.filter((r) => r.kind === "offer").length;
      expect({ step, user_id, w, education: education <= educationMax, offers: offers <= offersMax }).toEqual({ step, user_id, w, education: true, offers: true });
    }
  }
}

/** No rejected or swapped-out item is live again for that customer within the period, unless its trace says the cited numbers changed materially. */
async function expectDeclinedStayDeclined(step: string) {
  const declined = await db.recommendation.findMany({ where: { status: { in: ["rejected", "overridden"] } } });
  for (const d of declined) {
    const again = await db.recommendation.findMany({
      // Made after the decline: by a later run, or later in the same window (a persona override's remake).
      // The same run's copy of the item in the other window was there before the decline, not brought back.
      where: {
        user_id: d.user_id,
        content_id: d.content_id,
        OR: [{ run_id: { gt: d.run_id } }, { window: d.window, id: { gt: d.id } }],
        status: { in: LIVE },
        source: "engine",
        as_of: { gte: d.as_of, lte: addDays(d.as_of, noRepeatDays - 1) },
      },
      include: { trace: true },
    });
    for (const r of again) {
      const why = r.trace ? (JSON.parse(r.trace.payload) as DecisionTrace).candidates.find((c) => c.content_id === r.content_id)?.why : undefined;
      expect({ step, item: d.content_id, user: d.user_id, why }).toEqual({ step, item: d.content_id, user: d.user_id, why: expect.stringMatching(/changed materially/) });
    }
  }
}

describe("review decisions across re-runs (property, seeded)", () => {
  it("caps hold and declined items stay declined after any sequence of runs and reviews", async () => {
    const rng = new Rng(20261213);
    let asOf = AS_OF;
    const pick = <T,>(xs: readonly T[]): T | undefined => (xs.length ? xs[rng.int(0, xs.length - 1)] : undefined);
    const done: Record<string, number> = {};
    for (let i = 0; i < 24; i++) {
      const pending = await db.recommendation.findMany({ where: { status: "pending_review" }, orderBy: { id: "asc" } });
      const roll = rng.int(0, 9);
      let step = "";
      if (roll < 3) {
        // A re-run at the same asOf, or up to 12 days on.
        asOf = addDays(asOf, rng.chance(0.5) ? 0 : rng.int(1, 12));
        if (dayFromIso(asOf) > dayFromIso(DATA_END)) asOf = DATA_END;
        await runEngine({ url: t.url, asOf });
        step = `run ${asOf}`;
      } else if (roll < 5) {
        // Approve a few at once.
        for (let k = rng.int(1, 4); k > 0; k--) {
          const r = pick(pending.filter((p) => !p.flagged));
          if (!r) break;
          pending.splice(pending.indexOf(r), 1);
          await reviewRecommendation(db, { action: "approve", id: r.id, version: r.version }, "op@x");
        }
        step = "approve";
      } else if (roll < 7) {
        for (let k = rng.int(1, 3); k > 0; k--) {
          const r = pick(pending);
          if (!r) break;
          pending.splice(pending.indexOf(r), 1);
          await reviewRecommendation(db, { action: "reject", id: r.id, version: r.version, reason: "Not a fit this month" }, "op@x");
        }
        step = "reject";
      } else if (roll < 8) {
        const r = pick(pending);
        const alt = r && pick((await alternativesFor(t.sql, r.id)).items);
        if (r && alt) await overrideRecommendation(db, t.sql, { id: r.id, version: r.version, content_id: alt.content_id, reason: "Closer to what the customer asked about" }, "op@x");
        step = "swap";
      } else {
        const a = pick(await db.personaAssignment.findMany({ where: { as_of: asOf }, orderBy: { id: "asc" } }));
        const latest = a && (await db.personaOverride.findFirst({ where: { user_id: a.user_id, window: a.window, as_of: a.as_of }, orderBy: { id: "desc" } }));
        const persona = a && pick(PERSONA_IDS.filter((p) => p !== (latest?.persona ?? a.primary_persona)));
        if (a && persona) await overridePersona(db, t.sql, { user_id: a.user_id, window: a.window, persona, justification: "Reviewed the accounts with the customer on the phone" }, "lead@x");
        step = "persona";
      }
      done[step.split(" ")[0]] = (done[step.split(" ")[0]] ?? 0) + 1;
      await expectCapsHold(`${i}: ${step}`);
      await expectDeclinedStayDeclined(`${i}: ${step}`);
    }
    // The sequence exercised every kind of step, and reviewers really declined items.
    expect(Object.keys(done).sort()).toEqual(["approve", "persona", "reject", "run", "swap"]);
    expect(await db.recommendation.count({ where: { status: "rejected" } })).toBeGreaterThan(0);
    expect(dayFromIso(asOf)).toBeGreaterThanOrEqual(dayFromIso(AS_OF));
  });

  it("a rejected item stays rejected after two re-runs (the queue does not grow past what it was), and the trace says why", async () => {
    const r = await db.recommendation.findFirstOrThrow({ where: { status: "pending_review", kind: "education" }, orderBy: { id: "asc" } });
    const before = await db.recommendation.count({ where: { status: "pending_review" } });
    await reviewRecommendation(db, { action: "reject", id: r.id, version: r.version, reason: "Customer already read this one" }, "op@x");
    await runEngine({ url: t.url, asOf: AS_OF });
    await runEngine({ url: t.url, asOf: AS_OF });
    expect(await db.recommendation.count({ where: { user_id: r.user_id, content_id: r.content_id, status: { in: LIVE } } })).toBe(0);
    expect(await db.recommendation.count({ where: { status: "pending_review" } })).toBeLessThanOrEqual(before);
    const trace = await db.decisionTrace.findFirstOrThrow({ where: { user_id: r.user_id, window: r.window, as_of: AS_OF }, orderBy: { id: "desc" } });
    const why = (JSON.parse(trace.payload) as DecisionTrace).candidates.find((c) => c.content_id === r.content_id)?.why;
    expect(why).toMatch(/rejected by a reviewer for the run of 2026-10-31; not recommended again within 30 days unless a number it cited changes by more than 20%/);
  });

  it("approved items fill the window's caps: approving all of a window's items leaves no room for more", async () => {
    const r = await db.recommendation.findFirstOrThrow({ where: { status: "pending_review", window: "30d", kind: "education" }, orderBy: { id: "asc" } });
    const items = await db.recommendation.findMany({ where: { user_id: r.user_id, window: "30d", status: "pending_review" } });
    for (const x of items) await reviewRecommendation(db, { action: "approve", id: x.id, version: x.version }, "op@x");
    const educationBefore = items.filter((x) => x.kind === "education").length;
    await runEngine({ url: t.url, asOf: AS_OF, userIds: [r.user_id] });
    const fresh = await db.recommendation.findMany({ where: { user_id: r.user_id, window: "30d", status: "pending_review" } });
    expect(fresh.filter((x) => x.kind === "education").length).toBeLessThanOrEqual(educationMax - educationBefore);
    expect(fresh.filter((x) => x.kind === "offer").length).toBeLessThanOrEqual(offersMax - items.filter((x) => x.kind === "offer").length);
  });
});
