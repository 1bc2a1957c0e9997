// POST /api/ingest — load Plaid-shaped bundles all-or-nothing (the CLI's ingest); 422 lists every bad record.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { ingestJson } from "@/lib/services/ingest-api";

export const POST = handle(api.ingest, ({ url, body, caller }) => ingestJson(url, body, caller.actor));
