import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../client";
import { runEngine } from "../../services/engine";
import { loadGenerated } from "../../services/generate";
import { reviewCopies } from "../../services/review";
import { tempDb, type TempDb } from "../../testing/temp-db";
import { parseReviewQueueQuery } from "../../validation/review";
import { reviewQueue } from "./review-queue";

let t: TempDb;
let db: Db;
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 30, seed: 5, asOf: "2026-10-31", months: 7, url: t.url });
  await runEngine({ url: t.url, asOf: "2026-10-31" });
  db = createPrisma(t.url);
});
afterAll(async () => {
  await db.$disconnect();
  t.cleanup();
});

const NOW = new Date();
/** The queue as the page reads it from the URL. */
const queue = (q: Record<string, string> = {}, now = NOW, perPage?: number) => reviewQueue(t.sql, parseReviewQueueQuery(q).query, now, perPage);
/** Every page of a query, one customer card after another. */
async function everyCard(q: Record<string, string> = {}) {
  const first = await queue(q);
  const cards = [...first.customers];
  for (let p = 2; p <= first.pages; p++) for (const c of (await queue({ ...q, page: String(p) })).customers) cards.push(c);
  return { first, cards, copies: cards.flatMap((c) => c.items.flatMap((i) => i.copies)) };
}

describe("review queue", () => {
  it("shows each customer once, by name, with both windows' copies of the same item together", async () => {
    const pending = await db.recommendation.findMany({ where: { status: "pending_review" }, include: { customer: true } });
    const { first, cards, copies } = await everyCard();
    expect(first.totalCopies).toBe(pending.length);
    expect(first.allPending).toBe(pending.length);
    expect(first.totalCustomers).toBe(new Set(pending.map((r) => r.user_id)).size);
    expect(cards.map((c) => c.user_id)).toEqual([...new Set(cards.map((c) => c.user_id))]);
    expect(cards.length).toBe(first.totalCustomers);
    expect(copies.map((c) => c.id).sort((a, b) => a - b)).toEqual(pending.map((r) => r.id).sort((a, b) => a - b));
    const byId = new Map(pending.map((r) => [r.id, r]));
    for (const card of cards) {
      expect(card.name).toBe(byId.get(card.items[0].copies[0].id)!.customer.name);
      for (const item of card.items) for (const c of item.copies) expect(byId.get(c.id)).toMatchObject({ user_id: card.user_id, content_id: item.content_id, window: c.window });
    }
    // An item pending in both windows is one entry with its 30-day copy first.
    const both = cards.flatMap((c) => c.items).filter((i) => i.copies.length === 2);
    expect(both.length).toBeGreaterThan(0);
    for (const item of both) expect(item.copies.map((c) => c.window)).toEqual(["30d", "180d"]);
  });

  it("filters by kind, window and persona with totals that match the rows", async () => {
    const assignments = await db.personaAssignment.findMany();
    const personaOf = (userId: string, window: string, asOf: string) => assignments.find((a) => a.user_id === userId && a.window === window && a.as_of === asOf)?.primary_persona ?? null;
    const recs = new Map((await db.recommendation.findMany({ where: { status: "pending_review" } })).map((r) => [r.id, r]));
    for (const [q, keep] of [
      [{ kind: "offer" }, (r) => r.kind === "offer"],
      [{ window: "180d" }, (r) => r.window === "180d"],
      [{ persona: "high_utilization" }, (r) => personaOf(r.user_id, r.window, r.as_of) === "high_utilization"],
      [{ persona: "none", window: "30d" }, (r) => r.window === "30d" && personaOf(r.user_id, r.window, r.as_of) === null],
    ] as Array<[Record<string, string>, (r: { kind: string; window: string; user_id: string; as_of: string }) => boolean]>) {
      const expected = [...recs.values()].filter(keep);
      const { first, copies } = await everyCard(q);
      expect(first.totalCopies, JSON.stringify(q)).toBe(expected.length);
      expect(copies.map((c) => c.id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
    }
    expect((await queue({ kind: "offer" })).totalCopies).toBeGreaterThan(0);
  });

  it("counts waiting time from when the item entered the queue", async () => {
    const total = (await queue()).totalCopies;
    expect((await queue({ age: "1d" })).totalCopies).toBe(0);
    expect((await queue({ age: "7d" }, new Date(NOW.getTime() + 8 * 86_400_000))).totalCopies).toBe(total);
  });

  it("puts customers with a flagged item first, and 'flagged only' keeps just the flagged copies", async () => {
    const last = await queue({}, NOW, 100);
    const card = last.customers.at(-1)!;
    const copies = card.items[0].copies;
    expect(await reviewCopies(db, { action: "flag", reason: "Numbers need a second look", copies }, "op@x")).toBe(copies.length);
    const flagged = await queue({ flagged: "1" });
    expect(flagged.totalCustomers).toBe(1);
    expect(flagged.customers[0].items.flatMap((i) => i.copies.map((c) => c.id))).toEqual(copies.map((c) => c.id));
    expect(flagged.customers[0].items[0]).toMatchObject({ flagged: true, content_id: card.items[0].content_id });
    expect((await queue()).customers[0].user_id).toBe(card.user_id);
  });

  it("pages by customer, and a page past the end shows the last one", async () => {
    const all = await queue({}, NOW, 100);
    const p2 = await queue({ page: "2" }, NOW, 4);
    expect(p2.customers.map((c) => c.user_id)).toEqual(all.customers.slice(4, 8).map((c) => c.user_id));
    const beyond = await queue({ page: "999" }, NOW, 4);
    expect(beyond.page).toBe(beyond.pages);
    expect(beyond.customers.map((c) => c.user_id)).toEqual(all.customers.slice((beyond.pages - 1) * 4).map((c) => c.user_id));
  });
});
