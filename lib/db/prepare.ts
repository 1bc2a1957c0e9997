import { migrate } from "./migrate";
import { seedCatalog } from "./seed-catalog";
import { seedMerchants } from "./seed-merchants";
import type { Sql } from "./sql";

/** Brings a database up to date: pending migrations, then reference data (merchants, content catalog). Idempotent. */
export async function prepareDatabase(sql: Sql): Promise<{ applied: string[] }> {
  const applied = await migrate(sql);
  await seedMerchants(sql);
  await seedCatalog(sql);
  return { applied };
}
