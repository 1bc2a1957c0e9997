// `spendsense apikey create | list | revoke`: keys for the developer API. The key is printed
// once, at creation; the database keeps only its SHA-256 hash.
import type { Command } from "commander";
import { ZodError } from "zod";
import { SCOPES } from "../../auth/scopes";
import type { Db } from "../../db/client";
import { NotFoundError } from "../../services/errors";
import { fail } from "../errors";
import { utcTime } from "../../data/dates";

// Services load when a command runs, not for `--help` (see ../index.ts).
const apiKeys = () => import("../../services/api-keys");

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const [{ migrateDatabase }, { createPrisma }] = await Promise.all([import("../../services/database"), import("../../db/client")]);
  await migrateDatabase();
  const db = createPrisma();
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

const scopeHelp = Object.entries(SCOPES)
  .map(([s, d]) => `  ${s.padEnd(22)}${d}`)
  .join("\n");

export function registerApiKey(program: Command) {
  const apikey = program.command("apikey").description("Manage API keys for the developer API (/docs)");
  apikey
    .command("create")
    .description("Create an API key and print it once (only its hash is stored)")
    .requiredOption("--name <name>", "what the key is for, e.g. mobile-backend")
    .requiredOption("--scopes <list>", "comma-separated scopes (see below)")
    .addHelpText("after", `\nScopes:\n${scopeHelp}`)
    .action(async (o: { name: string; scopes: string }) => {
      const scopes = o.scopes.split(",").map((s) => s.trim()).filter(Boolean);
      const { createApiKey } = await apiKeys();
      const key = await withDb((db) => createApiKey(db, { name: o.name, scopes, createdBy: "cli" })).catch((err) => {
        if (err instanceof ZodError) fail(err.issues.map((i) => i.message).join("; "));
        throw err;
      });
      console.log(`Created API key ${key.id} "${key.name}" (prefix ${key.prefix}) with scopes ${key.scopes.join(", ")}.`);
      console.log("Copy it now: it is shown only this once.\n");
      console.log(key.key);
    });
  apikey
    .command("list")
    .description("List API keys (never their secrets)")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      const { listApiKeys } = await apiKeys();
      const keys = await withDb(listApiKeys);
      if (o.json) return console.log(JSON.stringify(keys, null, 2));
      if (!keys.length) return console.log("No API keys yet: spendsense apikey create --name NAME --scopes a,b");
      for (const k of keys) {
        const state = k.revoked_at ? `revoked ${utcTime(k.revoked_at)}` : `last used ${utcTime(k.last_used_at)}`;
        console.log(`${String(k.id).padStart(4)}  ss_${k.prefix}  ${k.name.padEnd(20)}  ${k.scopes.join(",")}  created ${utcTime(k.created_at)}  ${state}`);
      }
    });
  apikey
    .command("revoke")
    .description("Revoke an API key by id or prefix; requests with it are refused from then on")
    .argument("<idOrPrefix>", "the key's id or prefix (as `apikey list` shows)")
    .action(async (ref: string) => {
      const { revokeApiKey } = await apiKeys();
      const k = await withDb((db) => revokeApiKey(db, ref, "cli")).catch((err) => {
        if (err instanceof NotFoundError) fail(err.message);
        throw err;
      });
      console.log(`Revoked API key ${k.id} "${k.name}" (ss_${k.prefix}).`);
    });
}
