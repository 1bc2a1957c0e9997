import { describe, expect, it } from "vitest";
import { addMonths, dayFromIso, historyStart, isoFromDay, monthlyDays, previousBusinessDay, weekday } from "./dates";

describe("calendar arithmetic", () => {
  it("agrees with UTC dates from 1887 to 2216, leap years included", () => {
    for (let day = -30_000; day <= 90_000; day += 97) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(isoFromDay(day)).toBe(iso);
      expect(dayFromIso(iso)).toBe(day);
      expect(weekday(day)).toBe(new Date(day * 86_400_000).getUTCDay());
    }
  });

  it("rejects dates that do not exist", () => {
    expect(() => dayFromIso("2026-02-29")).toThrow(/not a real calendar date/);
    expect(() => dayFromIso("2026-1-01")).toThrow(/YYYY-MM-DD/);
    expect(dayFromIso("2028-02-29")).toBe(dayFromIso("2028-03-01") - 1);
  });

  it("counts months back from asOf inclusive, clamping month ends", () => {
    expect(isoFromDay(historyStart(dayFromIso("2026-10-31"), 7))).toBe("2026-04-01");
    expect(isoFromDay(addMonths(dayFromIso("2026-03-31"), -1))).toBe("2026-02-28");
    expect(monthlyDays(dayFromIso("2026-01-15"), dayFromIso("2026-04-30"), 31).map(isoFromDay)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
  });

  it("moves weekend paydays back to Friday", () => {
    expect(isoFromDay(previousBusinessDay(dayFromIso("2026-11-01")))).toBe("2026-10-30"); // a Sunday
    expect(isoFromDay(previousBusinessDay(dayFromIso("2026-11-02")))).toBe("2026-11-02");
  });
});
