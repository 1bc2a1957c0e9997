// What the staff pages read, as use cases: a page calls one of these and renders the result;
// the queries behind them live in lib/db/queries. Each takes the database (the process's own
// client unless a test passes a temporary one).
import { prisma, type Db } from "../db/client";
import { getOverview, getWorkList, type Overview, type WorkList } from "../db/queries/overview";
import type { AlertCounts } from "../db/queries/alerts";
import { databaseUrl } from "../db/url";
import { alertCounts } from "./alerts";
import { contentTitles } from "./content";
import { withReadSql } from "./database";
import { traceOfRecommendation } from "./decision-trace";
import { alternativesFor } from "./overrides";

/** The signed-in home: the bank's figures and the work waiting. */
export async function homeWorkList(opts: { alerts: boolean }, db: Db = prisma(), url: string = databaseUrl()): Promise<{ overview: Overview; work: WorkList; alerts: AlertCounts | null }> {
  const [overview, work, alerts] = await Promise.all([getOverview(db), getWorkList(db), opts.alerts ? alertCounts(url) : null]);
  return { overview, work, alerts };
}

/**
 * One recommendation as its review page shows it: the item, what could be swapped in, the
 * decision that chose it, the catalog's titles and, once overridden, what replaced it. Null for
 * an id that is not a stored recommendation.
 */
export async function reviewItem(rawId: string | number, db: Db = prisma(), url?: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) return null;
  const rec = await db.recommendation.findUnique({ where: { id } });
  if (!rec) return null;
  const [alternatives, trace, titles, replacement] = await Promise.all([
    withReadSql((sql) => alternativesFor(sql, id), url),
    traceOfRecommendation(db, id),
    contentTitles(db),
    rec.status === "overridden" ? db.recommendation.findFirst({ where: { replaces_id: id } }) : Promise.resolve(null),
  ]);
  return { rec, alternatives, trace, titles, replacement };
}
