// POST /api/personas/assign/{userId} — run the engine for one customer (as of a date) and return their personas.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { assignPersonas } from "@/lib/services/personas-api";

export const POST = handle(api.assignPersona, ({ db, url, params, body, caller }) => assignPersonas(db, url, params.userId, body.as_of, caller.actor));
