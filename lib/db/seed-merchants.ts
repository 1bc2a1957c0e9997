import type { InStatement } from "@libsql/client";
import { MERCHANTS } from "../data/merchants";
import { merchantAliasKeys } from "../data/categorise";
import { bulkInsert } from "./dialect";
import type { Sql } from "./sql";

/** Upserts the merchant catalog (ids = position in MERCHANTS) and its normalised aliases. */
export async function seedMerchants(sql: Sql): Promise<number> {
  const stmts: InStatement[] = [
    ...bulkInsert(
      sql,
      "merchants",
      ["id", "canonical_name", "entity_id", "pfc_primary", "pfc_detailed", "kind"],
      MERCHANTS.map((m, i) => [i + 1, m.canonical_name, m.entity_id, m.pfc_primary, m.pfc_detailed, m.kind]),
      `ON CONFLICT(id) DO UPDATE SET canonical_name = excluded.canonical_name, entity_id = excluded.entity_id, pfc_primary = excluded.pfc_primary, pfc_detailed = excluded.pfc_detailed, kind = excluded.kind`,
    ),
    ...bulkInsert(sql, "merchant_aliases", ["alias", "merchant_id"], merchantAliasKeys(), `ON CONFLICT(alias) DO UPDATE SET merchant_id = excluded.merchant_id`),
  ];
  await sql.batch(stmts, "write");
  return MERCHANTS.length;
}
