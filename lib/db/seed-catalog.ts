import { CATALOG_SEED } from "../engine/recommend/catalog-seed";
import { contentProblems } from "../engine/guardrails/storable";
import { ContentRejectedError } from "../errors";
import { bulkInsert } from "./dialect";
import type { Sql } from "./sql";

/**
 * Adds the seed catalog (status approved, author "seed"). Items already present are left as
 * they are, so edits made in the app are never overwritten.
 */
export async function seedCatalog(sql: Sql): Promise<void> {
  for (const item of CATALOG_SEED) {
    const problems = contentProblems(item);
    if (problems.length) throw new ContentRejectedError(item.id, problems);
  }
  await sql.batch(
    bulkInsert(
      sql,
      "content_items",
      ["id", "kind", "format", "title", "summary", "because", "personas", "triggers", "eligibility", "product_category", "partner", "status", "author"],
      CATALOG_SEED.map((c) => [c.id, c.kind, c.format, c.title, c.summary, c.because, JSON.stringify(c.personas), JSON.stringify(c.triggers), JSON.stringify(c.eligibility), c.product_category, c.partner, "approved", "seed"]),
      "ON CONFLICT(id) DO NOTHING",
    ),
    "write",
  );
}
