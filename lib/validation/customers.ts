// Query parameters of the customer list (page and API share them): validated, with defaults.
import { z } from "zod";
import { STRENGTHS } from "../engine/personas/assign";
import { PERSONA_IDS, WINDOWS } from "../engine/types";
import { queryNumber, safeText, TEXT_LIMITS } from "./text";

export const CUSTOMER_SORTS = ["user_id", "name", "persona", "strength", "pending"] as const;

export const customerListQuerySchema = z.object({
  page: queryNumber({ integer: true }).pipe(z.number().int().min(1)).default(1),
  pageSize: queryNumber({ integer: true }).pipe(z.number().int().min(10).max(100)).default(25),
  sort: z.enum(CUSTOMER_SORTS).default("user_id"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  window: z.enum(WINDOWS).default("30d"),
  persona: z.enum([...PERSONA_IDS, "none"]).optional(),
  strength: z.enum(STRENGTHS).optional(),
  consent: z.enum(["yes", "no"]).optional(),
  q: safeText(TEXT_LIMITS.query, { trim: true }).optional(),
});

export type CustomerListQuery = z.output<typeof customerListQuerySchema>;
