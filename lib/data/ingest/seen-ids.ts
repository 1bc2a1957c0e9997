// Transaction ids already seen in one ingest, at ~16 bytes an id where a Set of strings costs
// ~130: a 10 000-customer ingest holds 2.9 million of them. Each id is kept as a 52-bit hash (two
// FNV-1a passes) with the index of the input it came from, in an open-addressing table. A hash
// match only names a suspect, confirmed against that input's ids before anything is reported,
// so a duplicate is never reported on a hash alone and none is missed.

const FNV_PRIME = 0x01000193;

/** Two independent 32-bit FNV-1a hashes of the string, folded into 52 bits (+1, so never 0). */
export function hash52(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ (c + i), FNV_PRIME);
  }
  return (a >>> 12) * 0x100000000 + (b >>> 0) + 1;
}

class HashTable {
  constructor(private readonly hash: (s: string) => number) {}
  private keys = new Float64Array(1 << 16);
  private inputs = new Uint32Array(1 << 16);
  private size = 0;

  /** Records `id` as seen in input `input`; returns the input an equal hash came from earlier, or -1. */
  add(id: string, input: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const h = this.hash(id);
    const mask = this.keys.length - 1;
    for (let i = h % this.keys.length; ; i = (i + 1) & mask) {
      if (this.keys[i] === 0) {
        this.keys[i] = h;
        this.inputs[i] = input;
        this.size++;
        return -1;
      }
      if (this.keys[i] === h) return this.inputs[i];
    }
  }

  private grow() {
    const { keys, inputs } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.inputs = new Uint32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue;
      let i = keys[j] % this.keys.length;
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j];
      this.inputs[i] = inputs[j];
    }
  }
}

export class SeenTransactionIds {
  private readonly table: HashTable;
  /** Ids whose hash an earlier, different id already holds: kept exactly (expected: none). */
  private readonly collided = new Set<string>();

  constructor(hash: (s: string) => number = hash52) {
    this.table = new HashTable(hash);
  }

  /**
   * Records one input's transaction ids and returns those seen before — twice in this input, or
   * in an earlier one. `idsOf(input)` gives an earlier input's ids, read again to confirm a hash
   * match (only ever needed for real duplicates, or about once in 10^8 ingests).
   */
  add(ids: readonly string[], input: number, idsOf: (input: number) => ReadonlySet<string>): string[] {
    const duplicates: string[] = [];
    const here = new Set<string>();
    const suspects = new Map<number, string[]>();
    for (const id of ids) {
      if (here.has(id) || this.collided.has(id)) {
        duplicates.push(id);
        continue;
      }
      here.add(id);
      const earlier = this.table.add(id, input);
      if (earlier === input) this.collided.add(id);
      else if (earlier >= 0) {
        const list = suspects.get(earlier);
        if (list) list.push(id);
        else suspects.set(earlier, [id]);
      }
    }
    for (const [earlier, candidates] of suspects) {
      const there = idsOf(earlier);
      for (const id of candidates) {
        if (there.has(id)) duplicates.push(id);
        else this.collided.add(id);
      }
    }
    return duplicates;
  }
}
