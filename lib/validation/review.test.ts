import { describe, expect, it } from "vitest";
import { copyRefsSchema, parseReviewQueueQuery, reviewQueueHref } from "./review";

describe("review queue query", () => {
  it("writes back exactly the page and filters it read, so an action returns where it was taken", () => {
    const { query, ok } = parseReviewQueueQuery(new URLSearchParams("page=5&flagged=1&persona=fee_fighter&kind=offer&window=180d&age=7d&notice=Approved"));
    expect(ok).toBe(true);
    expect(reviewQueueHref(query)).toBe("/review?page=5&persona=fee_fighter&kind=offer&window=180d&flagged=1&age=7d");
    expect(reviewQueueHref(query, { page: 1, kind: undefined })).toBe("/review?persona=fee_fighter&window=180d&flagged=1&age=7d");
    expect(reviewQueueHref(parseReviewQueueQuery({ page: "2", flagged: "1", window: "" }).query)).toBe("/review?page=2&flagged=1");
  });

  it("resets what it does not understand instead of guessing", () => {
    for (const bad of ["page=0", "page=2x", "kind=loan", "flagged=yes", "age=2d", "window=90d"]) {
      const r = parseReviewQueueQuery(new URLSearchParams(bad));
      expect(r.ok, bad).toBe(false);
      expect(reviewQueueHref(r.query)).toBe("/review");
    }
  });

  it("reads the copies an item acts on, and refuses anything else with a clear message", () => {
    expect(copyRefsSchema.parse("12:1,13:4")).toEqual([{ id: 12, version: 1 }, { id: 13, version: 4 }]);
    expect(copyRefsSchema.safeParse("").error?.issues[0].message).toBe("select at least one recommendation");
    expect(copyRefsSchema.safeParse("12").error?.issues[0].message).toBe("expected recommendation references such as 12:1 (id:version)");
    expect(copyRefsSchema.safeParse("0:1").success).toBe(false);
  });
});
