import { migrate } from "./migrate";
import { seedMerchants } from "./seed-merchants";
import type { Sql } from "./sql";

/** Brings a database up to date: pending migrations, then reference data. Idempotent. */
export async function prepareDatabase(sql: Sql): Promise<{ applied: string[] }> {
  const applied = await migrate(sql);
  await seedMerchants(sql);
  return { applied };
}
