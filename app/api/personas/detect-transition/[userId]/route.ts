// POST /api/personas/detect-transition/{userId} — run the engine as of a date and return each window's transition.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { detectTransition } from "@/lib/services/personas-api";

export const POST = handle(api.detectTransition, ({ db, url, params, body, caller }) => detectTransition(db, url, params.userId, body.as_of, caller.actor));
