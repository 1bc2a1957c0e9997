// Who is calling: an API key (`Authorization: Bearer ss_…`) first, otherwise a staff session
// (the next-auth JWT cookie). Keys are checked against the route's scope, staff against the
// role → permission table. Neither keys nor tokens are ever logged.
import { passwordChangeError, permissionError, staffFromRequest } from "../auth/guards";
import type { Permission, Role } from "../auth/permissions";
import type { Scope } from "../auth/scopes";
import type { Db } from "../db/client";
import { touchApiKey, verifyApiKey } from "../services/api-keys";
import { noteCaller } from "../observability/request";
import { withReadSql } from "../services/database";
import { ApiError } from "./errors";

export type Caller =
  | { kind: "key"; scopes: Scope[]; actor: string }
  | { kind: "staff"; role: Role; actor: string };

export async function authenticate(req: Request, db: Db, url: string): Promise<Caller> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const key = m ? await withReadSql((sql) => verifyApiKey(sql, m[1]), url) : null;
    if (!key) throw new ApiError(401, "invalid_api_key", "The API key is malformed, unknown or revoked.");
    noteCaller({ key_prefix: key.prefix });
    if (key.stale) await touchApiKey(db, key.id);
    return { kind: "key", scopes: key.scopes, actor: `apikey:${key.prefix}` };
  }
  const staff = await staffFromRequest(req, db);
  if (!staff) throw new ApiError(401, "unauthenticated", "Send an API key as `Authorization: Bearer ss_…`, or sign in.");
  if (staff.mustChangePassword) throw passwordChangeError();
  return { kind: "staff", role: staff.role, actor: staff.email };
}

export function authorize(caller: Caller, access: { scope: Scope; permission: Permission }): void {
  if (caller.kind === "key" && !caller.scopes.includes(access.scope)) {
    throw new ApiError(403, "insufficient_scope", `This API key lacks the "${access.scope}" scope.`);
  }
  if (caller.kind === "staff") {
    const forbidden = permissionError(caller.role, access.permission);
    if (forbidden) throw forbidden;
  }
}
