import { describe, expect, it } from "vitest";
import { dollars, toCents } from "./plaid";

describe("toCents: the one precision rule (half to even on the digits as written)", () => {
  it("keeps whole cents exactly, including ones binary floats cannot hold", () => {
    expect([12.34, 0.1 + 0.2, 19999999.99, -2150, 0].map(toCents)).toEqual([1234, 30, 1999999999, -215000, 0]);
  });

  it("rounds extra precision to the cent, ties to the even cent, symmetric for money in and out", () => {
    expect([23631.9805, 24580.0605, 0.125, 0.135, -2.675, 1.005, 1.0050001, -0.005, 1e-7].map(toCents)).toEqual([2363198, 2458006, 12, 14, -268, 100, 101, 0, 0]);
  });

  it("accepts Plaid balances with more than two decimals instead of refusing them", () => {
    expect(dollars.safeParse(23631.9805).success).toBe(true);
    expect(dollars.safeParse(null).error?.issues[0].message).toBe("required: an amount in dollars (it is null)");
  });
});
