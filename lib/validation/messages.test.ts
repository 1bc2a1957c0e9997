import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainErrors } from "./messages";
import { safeReason, safeText } from "./text";

const form = z.object({
  title: safeText(120, { trim: true, min: 5 }),
  reason: safeReason(5, "a reason of at least 5 characters is required"),
  min_credit_score: z.coerce.number().int(),
  kind: z.enum(["education", "offer"]),
  partner: safeText(80),
});

describe("plain-language form errors", () => {
  it("names the field by its label and says what it needs, one message per field", () => {
    const r = form.safeParse({ title: " abc ", reason: "x".repeat(20_000), min_credit_score: "high", kind: "loan", partner: "a\u0001b" });
    const { fieldErrors, message } = plainErrors(r.error!);
    expect(fieldErrors).toEqual({
      title: "Title needs at least 5 characters",
      reason: "Reason can be at most 2,000 characters",
      min_credit_score: "Minimum credit score must be a whole number written in digits",
      kind: "Kind must be one of: education, offer",
      partner: "Partner must not contain control characters or line breaks",
    });
    expect(message).toContain("Title needs at least 5 characters. Reason can be at most 2,000 characters.");
    expect(message).not.toMatch(/Too small|expected string|>=/);
  });

  it("says a missing field is required", () => {
    const r = form.safeParse({ reason: "", min_credit_score: "1", kind: "offer", partner: "" });
    expect(plainErrors(r.error!).fieldErrors).toMatchObject({ title: "Title is required", reason: "Reason needs at least 5 characters" });
  });
});
