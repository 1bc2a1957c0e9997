import { describe, expect, it } from "vitest";
import { merchantNameFromDescriptor, normaliseMerchant } from "./merchant-normalise";

describe("normaliseMerchant", () => {
  it("strips processor prefixes, store numbers and locations", () => {
    expect(normaliseMerchant("SQ *BLUE BOTTLE #0231 OAKLAND CA")).toBe(normaliseMerchant("Blue Bottle 0877"));
    expect(normaliseMerchant("TST* SWEETGREEN 1123")).toBe("SWEETGREEN");
  });
  it("strips card tails and phone numbers", () => {
    expect(normaliseMerchant("NETFLIX.COM 866-579-7172 CA")).toBe("NETFLIX");
    expect(normaliseMerchant("SPOTIFY USA XXXX4523")).toBe("SPOTIFY USA");
  });
  it("keeps different merchants apart", () => {
    expect(normaliseMerchant("Whole Foods Market")).not.toBe(normaliseMerchant("Trader Joe's"));
  });
  it("reads the merchant out of Plaid sandbox descriptors", () => {
    expect(merchantNameFromDescriptor("TWILIO INC. Merchant name: Twilio")).toBe("Twilio");
    expect(merchantNameFromDescriptor("Starbucks Coffee")).toBeNull();
    expect(normaliseMerchant("GUSTO; GUSTO:6HA8310KNB Merchant name: GUSTO")).toBe("GUSTO");
  });
});
