// Pages and actions read and write through services (lib/services), never the database directly
// (the lint rule in eslint.config.mjs says the same); what those services hand back is what the pages show.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../db/client";
import { tempDb, type TempDb } from "../testing/temp-db";
import { runEngine } from "./engine";
import { loadGenerated } from "./generate";
import { overrideRecommendation } from "./overrides";
import { homeWorkList, reviewItem } from "./staff-pages";

let t: TempDb;
let db: Db;
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 8, seed: 5, asOf: "2026-10-31", months: 7, url: t.url });
  await runEngine({ url: t.url, asOf: "2026-10-31" });
  db = createPrisma(t.url);
});
afterAll(async () => {
  await db.$disconnect();
  t.cleanup();
});

describe("staff pages read through services", () => {
  it("no file under app/ imports a database module; the home page and an item's review page hold no connection", () => {
    const files = (fs.readdirSync(path.resolve("app"), { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const source = fs.readFileSync(path.resolve("app", file), "utf8");
      expect(source, `app/${file}`).not.toMatch(/from "[^"]*(\blib\/db(\/[^"]*)?|@prisma\/[^"]*|@libsql\/[^"]*)"/);
    }
    for (const page of ["app/page.tsx", "app/(staff)/review/[id]/page.tsx"]) {
      expect(fs.readFileSync(path.resolve(page), "utf8"), page).not.toMatch(/prisma\(\)|withReadSql|withSql/);
    }
  });

  it("the work list counts what waits for review; an item's page has its trace, alternatives and, once swapped, its replacement", async () => {
    const { overview, work } = await homeWorkList({ alerts: false }, db);
    const pending = await db.recommendation.count({ where: { status: "pending_review" } });
    expect(work.pendingReview).toBe(pending);
    expect(overview.latestRun?.as_of).toBe("2026-10-31");
    expect(await reviewItem("nope", db, t.url)).toBeNull();
    expect(await reviewItem(999_999, db, t.url)).toBeNull();
    // An item with something to swap in.
    const recs = await db.recommendation.findMany({ where: { status: "pending_review", kind: "education" }, orderBy: { id: "asc" } });
    for (const rec of recs) {
      const item = (await reviewItem(String(rec.id), db, t.url))!;
      expect(item.rec.id).toBe(rec.id);
      expect(item.trace).not.toBeNull();
      if (!item.alternatives.items.length) continue;
      await overrideRecommendation(db, t.sql, { id: rec.id, version: rec.version, content_id: item.alternatives.items[0].content_id, reason: "A better fit for what this customer asked about." }, "op@x");
      const after = (await reviewItem(rec.id, db, t.url))!;
      expect(after.rec.status).toBe("overridden");
      expect(after.replacement).toMatchObject({ content_id: item.alternatives.items[0].content_id, replaces_id: rec.id });
      return;
    }
    throw new Error("no pending item with an alternative in the fixture");
  });
});
