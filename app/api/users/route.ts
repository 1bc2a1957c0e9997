// POST /api/users — create a customer (optionally with their opt-in), audited; 409 if the id exists.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { createCustomer } from "@/lib/services/customers-api";

export const POST = handle(api.createUser, ({ db, body, caller }) => createCustomer(db, body, caller.actor));
