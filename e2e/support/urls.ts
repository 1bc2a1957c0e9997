import { expect, type APIRequestContext } from "@playwright/test";
import { PAGES } from "../../lib/auth/pages";

/** A concrete URL for each page pattern, from the e2e database. */
export async function concreteUrls(request: APIRequestContext): Promise<Record<string, string>> {
  const queue = await (await request.get("/api/operator/review?pageSize=1")).json();
  const recId = queue.data?.[0]?.id;
  expect(recId, "the e2e database has a recommendation awaiting review").toBeTruthy();
  const ids: Record<string, string> = { "[userId]": "usr_00001", "[id]": "" };
  return Object.fromEntries(
    Object.keys(PAGES).map((p) => [p, p.replace("[userId]", ids["[userId]"]).replace("[id]", p.startsWith("/review") ? String(recId) : "edu-credit-utilization-basics")]),
  );
}
