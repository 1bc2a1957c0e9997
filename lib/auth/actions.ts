// Every server action of the staff app and the permission it needs: one table, passed by each
// action to its server-side check, and read by the access-matrix tests (so a new action that is
// not in it fails them). A function entry picks the permission from what is asked.
import type { Permission } from "./permissions";

export const ACTIONS = {
  createKeyAction: "apikeys:manage",
  revokeKeyAction: "apikeys:manage",
  createStaffAction: "staff:manage",
  setStaffRoleAction: "staff:manage",
  disableStaffAction: "staff:manage",
  enableStaffAction: "staff:manage",
  resetStaffPasswordAction: "staff:manage",
  createContentAction: "content:write",
  updateContentAction: "content:write",
  /** Approving an item is content:approve; every other step of the workflow is content:write. */
  transitionContentAction: (to: string): Permission => (to === "approved" ? "content:approve" : "content:write"),
  recordConsentAction: "consent:record",
  overridePersonaAction: "review:act",
  reviewAction: "review:act",
  batchApproveAction: "review:act",
  overrideAction: "review:act",
  dismissAlertAction: "alerts:act",
  releaseAlertAction: "alerts:act",
  clearAlertAction: "alerts:act",
  startRunAction: "engine:run",
  computeCustomerAction: "engine:run",
  makeRunCurrentAction: "engine:undo",
  startEvalAction: "eval:run",
  setBudgetAction: "budgets:edit",
  deleteBudgetAction: "budgets:edit",
  changePasswordAction: "account:password",
} as const satisfies Record<string, Permission | ((input: string) => Permission)>;
