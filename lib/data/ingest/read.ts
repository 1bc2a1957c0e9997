// Reads input files in any of the four formats into one IngestBatch, collecting every problem.
import fs from "node:fs";
import path from "node:path";
import type { IngestBatch, IngestIssue } from "../types";
import { parseBundles, type AccountRef } from "./bundle";
import { CSV_ORDER, csvKind, parseCsvFile } from "./csv";
import { isSandboxFile, parseSandbox } from "./sandbox";

export const INGEST_FORMATS = ["auto", "bundle", "sandbox", "csv"] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

export interface ReadOptions {
  format?: IngestFormat;
  /** Customer id for inputs that do not name one (sandbox files, `user`-less bundles). */
  userId?: string;
}

/**
 * The files a path stands for. A directory yields its .json and .csv files (recursively, sorted,
 * CSV ordered customers → accounts → transactions); a generator output folder (with
 * manifest.json) yields only its bundles, which hold everything its CSV files do and more.
 */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new Error(`${p}: no such file or directory`);
    if (!fs.statSync(p).isDirectory()) {
      out.push(p);
      continue;
    }
    const root = fs.existsSync(path.join(p, "manifest.json")) && fs.existsSync(path.join(p, "bundles")) ? path.join(p, "bundles") : p;
    const files = (fs.readdirSync(root, { recursive: true }) as string[])
      .map((f) => path.join(root, f))
      .filter((f) => /\.(json|csv)$/i.test(f) && path.basename(f) !== "manifest.json" && fs.statSync(f).isFile())
      .sort();
    const rank = (f: string) => {
      if (!/\.csv$/i.test(f)) return -1;
      const kind = csvKind(firstLine(f).split(",").map((h) => h.trim().replace(/^"|"$/g, "")));
      return kind ? CSV_ORDER[kind] : 3;
    };
    for (const [, f] of files.map((f) => [rank(f), f] as const).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))) out.push(f);
  }
  return out;
}

function firstLine(file: string): string {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString("utf8").split(/\r?\n/)[0] ?? "";
  } finally {
    fs.closeSync(fd);
  }
}

/** A sandbox file's customer id when none is given: its file name, made id-safe. */
export function userIdFromFileName(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, "").replace(/[^A-Za-z0-9_.:-]+/g, "_").slice(0, 64);
}

/** Parses one file's text into the batch; problems go to `issues`, nothing throws on bad input. */
export function readText(text: string, file: string, opts: ReadOptions, batch: IngestBatch, refs: AccountRef[], issues: IngestIssue[]): void {
  const format = opts.format ?? "auto";
  const isCsv = format === "csv" || (format === "auto" && /\.csv$/i.test(file));
  if (isCsv) {
    parseCsvFile(text, { file, userId: opts.userId, source: "csv" }, batch, refs, issues);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    issues.push({ file, record: "file", field: "", reason: `malformed JSON: ${(e as Error).message}` });
    return;
  }
  readJson(json, file, opts, batch, refs, issues);
}

/** Reads an already-parsed JSON document (a sandbox file, a bundle or an array of bundles) into the batch. */
export function readJson(json: unknown, file: string, opts: ReadOptions, batch: IngestBatch, refs: AccountRef[], issues: IngestIssue[]): void {
  const format = opts.format ?? "auto";
  const sandbox = format === "sandbox" || (format === "auto" && isSandboxFile(json));
  if (sandbox) parseSandbox(json, { file, userId: opts.userId ?? userIdFromFileName(file), source: "sandbox" }, batch, issues);
  else parseBundles(json, { file, userId: opts.userId, source: "bundle" }, batch, refs, issues);
}
