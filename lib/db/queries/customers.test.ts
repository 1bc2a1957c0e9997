import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerListQuerySchema } from "../../validation/customers";
import { PERSONA_IDS } from "../../engine/types";
import { runEngine } from "../../services/engine";
import { overridePersona } from "../../services/overrides";
import { createPrisma } from "../client";
import { loadGenerated } from "../../services/generate";
import { tempDb, type TempDb } from "../../testing/temp-db";
import { listCustomers } from "./customers";

let t: TempDb;
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 30, seed: 5, asOf: "2026-10-31", months: 7, url: t.url });
  await runEngine({ url: t.url, asOf: "2026-10-31" });
});
afterAll(() => t.cleanup());

/** The query as the page reads it from the URL: every value a string. */
const list = (q: Record<string, unknown>) => listCustomers(t.sql, customerListQuerySchema.parse(Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]))));

describe("customer list", () => {
  it("pages in a stable order and counts every customer", async () => {
    const [p1, p2] = [await list({ pageSize: 10 }), await list({ pageSize: 10, page: 2 })];
    expect(p1.total).toBe(30);
    expect(p1.rows).toHaveLength(10);
    expect(p1.rows.map((r) => r.user_id)).toEqual([...p1.rows.map((r) => r.user_id)].sort());
    expect(p1.rows[9].user_id < p2.rows[0].user_id).toBe(true);
  });

  it("filters by persona and strength with totals that match the rows, for either window", async () => {
    for (const window of ["30d", "180d"]) {
      const all = (await list({ window, pageSize: 100 })).rows;
      const persona = all.find((r) => r.persona)!.persona!;
      const filtered = await list({ window, persona, pageSize: 100 });
      expect(filtered.total).toBe(all.filter((r) => r.persona === persona).length);
      expect(filtered.rows.every((r) => r.persona === persona)).toBe(true);
      const strong = await list({ window, strength: "strong", pageSize: 100 });
      expect(strong.rows.every((r) => r.strength === "strong")).toBe(true);
      expect((await list({ window, persona: "none", pageSize: 100 })).rows.every((r) => r.persona === null)).toBe(true);
    }
  });

  it("sorts by items awaiting review and by persona across all customers, not just one page", async () => {
    const all = (await list({ pageSize: 100 })).rows;
    const first = (await list({ sort: "pending", dir: "desc", pageSize: 10 })).rows;
    expect(first[0].pending).toBe(all.reduce((m, r) => Math.max(m, r.pending), -Infinity));
    expect(first.map((r) => r.pending)).toEqual([...first.map((r) => r.pending)].sort((a, b) => b - a));
    const byPersona = (await list({ sort: "persona", pageSize: 100 })).rows.map((r) => r.persona);
    const named = byPersona.filter((p) => p !== null);
    expect(named).toEqual([...named].sort());
    expect(byPersona.slice(named.length).every((p) => p === null)).toBe(true);
  });

  it("searches ids and names, and filters by consent", async () => {
    expect((await list({ q: "usr_00001" })).rows.map((r) => r.user_id)).toEqual(["usr_00001"]);
    const no = await list({ consent: "no", pageSize: 100 });
    expect(no.total).toBeGreaterThan(0);
    expect(no.rows.every((r) => !r.consent && r.persona === null)).toBe(true);
  });

  it("searches without regard to letter case, the same on every database, and takes % and _ literally", async () => {
    const all = (await list({ pageSize: 100 })).rows;
    const someone = all.find((r) => /[A-Z]/.test(r.name))!;
    const part = someone.name.split(" ")[0];
    for (const typed of [part.toLowerCase(), part.toUpperCase(), someone.user_id.toUpperCase()]) {
      expect((await list({ q: typed, pageSize: 100 })).rows.map((r) => r.user_id)).toContain(someone.user_id);
    }
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ q: "usr_0000_" })).total).toBe(0);
  });

  it("sorts names byte by byte (capitals before small letters), the same on every database", async () => {
    const names = (await list({ sort: "name", pageSize: 100 })).rows.map((r) => r.name);
    expect(names).toEqual([...names].sort());
  });

  it("filters and sorts by the persona in effect: a reviewer's override, shown with who set it", async () => {
    const before = (await list({ pageSize: 100 })).rows;
    const a = before.find((r) => r.persona && r.consent)!;
    const to = PERSONA_IDS.find((p) => p !== a.persona)!;
    const db = createPrisma(t.url);
    try {
      await overridePersona(db, t.sql, { user_id: a.user_id, window: "30d", persona: to, justification: "The customer's salary moved to another bank last month." }, "reviewer@bank.test");
    } finally {
      await db.$disconnect();
    }
    const chosen = await list({ persona: to, pageSize: 100 });
    expect(chosen.rows.map((r) => r.user_id)).toContain(a.user_id);
    expect(chosen.total).toBe(chosen.rows.length);
    expect(chosen.rows.find((r) => r.user_id === a.user_id)).toMatchObject({ persona: a.persona, override: { persona: to, actor: "reviewer@bank.test" } });
    expect((await list({ persona: a.persona!, pageSize: 100 })).rows.map((r) => r.user_id)).not.toContain(a.user_id);
    // The 180-day window has no override: the engine's persona still filters there.
    expect((await list({ window: "180d", persona: to, pageSize: 100 })).rows.every((r) => r.persona === to)).toBe(true);
    const sorted = (await list({ sort: "persona", pageSize: 100 })).rows.map((r) => r.override?.persona ?? r.persona).filter((p) => p !== null);
    expect(sorted).toEqual([...sorted].sort());
  });
});
