// Redirect targets read from a request: only same-origin paths pass, whatever the encoding trick.
import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginPath } from "./callback-url";
import { authOptions } from "./options";

const ORIGIN = "http://localhost:3000";

// What a target arrives as once the query string is decoded (`/%5Cevil.example` → `/\evil.example`).
const REFUSED = [
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/customers\\..\\..\\evil",
  "//evil.example",
  "///evil.example",
  "https://evil.example",
  "http://evil.example/customers",
  "//evil.example/%2F..",
  "/%5Cevil.example",
  "/%09/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "javascript:alert(1)",
  "evil.example",
  "",
  "http://localhost:3000@evil.example/",
  "http://localhost:3000.evil.example/",
];

describe("sameOriginPath", () => {
  it.each(REFUSED)("refuses %j", (raw) => {
    expect(sameOriginPath(raw)).toBeNull();
    expect(sameOriginPath(raw, ORIGIN)).toBeNull();
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(sameOriginPath("/customers")).toBe("/customers");
    expect(sameOriginPath("/customers?persona=high_utilization&page=2#list")).toBe("/customers?persona=high_utilization&page=2#list");
    expect(sameOriginPath("/review/12")).toBe("/review/12");
    expect(sameOriginPath("/customers/../review")).toBe("/review");
    expect(sameOriginPath(undefined)).toBeNull();
    expect(sameOriginPath(["/a", "/b"])).toBeNull();
  });

  it("accepts absolute URLs only on exactly the given origin", () => {
    expect(sameOriginPath(`${ORIGIN}/customers?page=2`, ORIGIN)).toBe("/customers?page=2");
    expect(sameOriginPath(ORIGIN, ORIGIN)).toBe("/");
    expect(sameOriginPath(`${ORIGIN}//evil.example`, ORIGIN)).toBeNull();
    expect(sameOriginPath("http://localhost:3001/customers", ORIGIN)).toBeNull();
    expect(sameOriginPath(`${ORIGIN}/customers`)).toBeNull();
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: ORIGIN });

  it.each(REFUSED)("sends %j home instead", async (raw) => {
    expect(await redirect(raw)).toBe(`${ORIGIN}/`);
  });

  it("follows same-origin targets", async () => {
    expect(await redirect("/login")).toBe(`${ORIGIN}/login`);
    expect(await redirect(`${ORIGIN}/customers?page=2`)).toBe(`${ORIGIN}/customers?page=2`);
  });
});
