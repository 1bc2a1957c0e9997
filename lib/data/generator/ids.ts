// Deterministic, Plaid-like opaque ids (Plaid's are 37 base62 characters). The first 12
// characters encode (kind, customer, counter) through a seed-keyed Feistel permutation — a
// bijection — so ids can never collide within a dataset; the other 25 are filler derived from
// them so the whole id looks random.
import { fmix32, hashParts } from "./prng";

const CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** All 62 × 62 two-character strings: ids are assembled two characters at a time. */
const PAIRS = Array.from({ length: 62 * 62 }, (_, i) => CHARS[i % 62] + CHARS[Math.floor(i / 62)]);
const ROUNDS = 4;

export type IdKind = "account" | "transaction";

const keyCache = new Map<number, number[]>();

function roundKeys(seed: number): number[] {
  let keys = keyCache.get(seed);
  if (!keys) {
    keys = Array.from({ length: ROUNDS }, (_, i) => hashParts(seed, "id-key", i));
    if (keyCache.size > 64) keyCache.clear();
    keyCache.set(seed, keys);
  }
  return keys;
}

/** Six characters for a 32-bit word in base 3844 (3844^3 > 2^32, so distinct words stay distinct). */
function word6(w: number): string {
  return PAIRS[w % 3844] + PAIRS[Math.floor(w / 3844) % 3844] + PAIRS[Math.floor(w / 14_776_336)];
}

/** An opaque id, unique per (kind, customer, counter) for a given seed. */
export function opaqueId(seed: number, customerIndex: number, kind: IdKind, counter: number): string {
  if (customerIndex < 0 || customerIndex > 0xffff_ffff || counter < 0 || counter > 0x7fff_ffff) throw new RangeError("id inputs out of range");
  const keys = roundKeys(seed);
  let left = customerIndex >>> 0;
  let right = ((kind === "transaction" ? 0x8000_0000 : 0) | counter) >>> 0;
  for (let r = 0; r < ROUNDS; r++) {
    const next = (left ^ fmix32(right ^ keys[r])) >>> 0;
    left = right;
    right = next;
  }
  let id = word6(left) + word6(right);
  // 25 filler characters, mostly two at a time.
  let h = fmix32(left ^ fmix32(right));
  for (let k = 0; k < 4; k++) {
    h = fmix32(h + 0x6d2b79f5);
    id += PAIRS[h % 3844] + PAIRS[(h >>> 11) % 3844] + PAIRS[(h >>> 21) % 3844];
  }
  return id + CHARS[fmix32(h) % 62];
}

/** usr_00001 … : 1-based, zero-padded to at least five digits. */
export function userId(customerIndex: number): string {
  return `usr_${String(customerIndex + 1).padStart(5, "0")}`;
}
