import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/spendsense.db";

/** The database URL from DATABASE_URL, defaulting to the embedded SQLite file. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/** For `file:` URLs, the absolute path of the database file; otherwise null. */
export function databaseFilePath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  return path.resolve(url.slice("file:".length));
}

/** Creates the folder a `file:` database lives in so SQLite can create the file. */
export function ensureDatabaseDir(url: string): void {
  const file = databaseFilePath(url);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
}
