import { describe, expect, it } from "vitest";
import { queryNumber, safeId, safeName, safeReason, TEXT_LIMITS } from "./text";

describe("safe text", () => {
  it("documents its limits: ids 128, names 200, reasons 2 000", () => {
    expect(TEXT_LIMITS).toMatchObject({ id: 128, name: 200, reason: 2000 });
    expect(safeId().safeParse("i".repeat(128)).success).toBe(true);
    expect(safeId().safeParse("i".repeat(129)).success).toBe(false);
    expect(safeName().safeParse("").success).toBe(false);
    expect(safeReason().safeParse("r".repeat(2001)).success).toBe(false);
  });

  it("refuses control characters; reasons may hold tab and line breaks", () => {
    for (const bad of ["a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\nb", "a\tb"]) expect(safeName().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(safeReason().parse(" line one\r\nline two\t")).toBe("line one\r\nline two");
    expect(safeReason().safeParse("a\u0000b").success).toBe(false);
  });
});

describe("queryNumber", () => {
  it("reads decimal digits only", () => {
    expect(queryNumber().parse("16")).toBe(16);
    expect(queryNumber().parse("-12.50")).toBe(-12.5);
    for (const bad of ["", " ", "0x10", "1e3", " 5", "5 ", "Infinity", "NaN", "+5", "1.", ".5", "0b11"]) expect(queryNumber().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(queryNumber({ integer: true }).safeParse("2.5").success).toBe(false);
  });
});
