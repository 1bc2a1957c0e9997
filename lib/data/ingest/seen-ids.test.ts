import { describe, expect, it } from "vitest";
import { hash52, SeenTransactionIds } from "./seen-ids";

/** Inputs as lists of ids; `reads` counts how often an earlier input had to be read again. */
function ingest(inputs: string[][], hash?: (s: string) => number) {
  const seen = new SeenTransactionIds(hash);
  const reads: number[] = [];
  const idsOf = (i: number) => {
    reads.push(i);
    return new Set(inputs[i]);
  };
  return { duplicates: inputs.map((ids, i) => seen.add(ids, i, idsOf)), reads };
}

describe("transaction ids seen in one ingest", () => {
  it("finds ids repeated in one input and across inputs, and nothing else", () => {
    const { duplicates, reads } = ingest([["a", "b", "c"], ["d", "b", "e", "e"], ["f"]]);
    expect(duplicates).toEqual([[], ["e", "b"], []]);
    expect(reads).toEqual([0]); // only the input holding "b" is read again
  });

  it("with a hash that always collides, still reports exactly the real duplicates", () => {
    const inputs = [["a", "b"], ["c", "a"], ["d", "c", "x"], ["b", "x"]];
    expect(ingest(inputs, () => 7).duplicates).toEqual([[], ["a"], ["c"], ["b", "x"]]);
    expect(ingest(inputs, (s) => (s < "c" ? 1 : 2)).duplicates).toEqual([[], ["a"], ["c"], ["b", "x"]]);
  });

  it("holds hundreds of thousands of ids (the table grows) with no false duplicates", () => {
    const ids = Array.from({ length: 300_000 }, (_, i) => `tx_${i.toString(36)}_${(i * 7919).toString(36)}`);
    const { duplicates } = ingest([ids.slice(0, 150_000), ids.slice(150_000), [ids[42], "new"]]);
    expect(duplicates).toEqual([[], [], [ids[42]]]);
  });

  it("hashes are 52-bit, never 0, and differ for near-identical ids", () => {
    const hs = ["DuGe4BUEdbkAcElmcAC7YUvFqO6GfNQ9tPlKb", "DuGe4BUEdbkAcElmcAC7YUvFqO6GfNQ9tPlKc", "", "a"].map(hash52);
    expect(new Set(hs).size).toBe(4);
    for (const h of hs) expect(Number.isSafeInteger(h) && h > 0 && h <= 2 ** 52).toBe(true);
  });
});
