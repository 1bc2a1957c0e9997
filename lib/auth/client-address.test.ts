// The address sign-in throttling counts by: which X-Forwarded-For entry is trusted, and when.
import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address";

describe("clientAddress", () => {
  it("without a proxy, reads the address Next.js wrote from the socket", () => {
    expect(clientAddress({ "x-forwarded-for": "198.51.100.7" }, 0)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:198.51.100.7" }), 0)).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": "2001:DB8::1" }, 0)).toBe("2001:db8::1");
  });

  it("behind N proxies, takes the entry the outermost proxy appended, whatever the client claimed before it", () => {
    const forged = { "x-forwarded-for": "10.0.0.1, 192.0.2.55, 198.51.100.7" };
    expect(clientAddress(forged, 1)).toBe("198.51.100.7");
    expect(clientAddress(forged, 2)).toBe("192.0.2.55");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.7" }, 3)).toBe("198.51.100.7");
  });

  it("says unknown when there is no usable address", () => {
    expect(clientAddress(undefined)).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": " , " })).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "<script>" })).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "1".repeat(200) })).toBe("unknown");
  });

  it("reads SPENDSENSE_TRUSTED_PROXIES as a small whole number, else 0", () => {
    expect(trustedProxies({})).toBe(0);
    expect(trustedProxies({ SPENDSENSE_TRUSTED_PROXIES: "2" })).toBe(2);
    expect(trustedProxies({ SPENDSENSE_TRUSTED_PROXIES: "-1" })).toBe(0);
    expect(trustedProxies({ SPENDSENSE_TRUSTED_PROXIES: "many" })).toBe(0);
  });
});
