import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { guardPage } from "@/lib/auth/page-guard";
import { changePasswordAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  const access = await guardPage("/change-password", "/change-password");
  const forced = access.session.user.mustChangePassword === true;
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      {forced ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="password-change-required">
          You signed in with a temporary password. Choose your own password before you continue; nothing else is available until you do.
        </p>
      ) : null}
      <ChangePasswordForm action={changePasswordAction} />
    </div>
  );
}
