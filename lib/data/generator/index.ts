// Synthetic Plaid-shaped customers (SPEC §2.1): deterministic — the same options give the same
// customers and byte-identical files — and lazy, so 100 000 customers never sit in memory.
import type { PlaidBundle } from "../../validation/plaid";
import { generateCustomer, validateOptions, type GenerateOptions } from "./customer";

export { generateCustomer, validateOptions, type GenerateOptions } from "./customer";
export { writeGeneratedFiles, BUNDLES_PER_PART, type WriteOptions, type WriteResult } from "./write-files";
export { PERSONA_IDS, PROFILE_NAMES, drawCustomer, type IntendedPersona, type PersonaId, type ProfileName } from "./profiles";

export { GENERATOR_DEFAULTS } from "../defaults";

/** Customers 0 … users-1, built one at a time as they are pulled. */
export function* generateBundles(opts: GenerateOptions): Generator<PlaidBundle> {
  validateOptions(opts);
  for (let i = 0; i < opts.users; i++) yield generateCustomer(opts, i);
}
