import { CreateStaffForm, ResetPasswordForm } from "@/components/staff/staff-forms";
import { ActionForm } from "@/components/ui/action-form";
import { guardPage } from "@/lib/auth/page-guard";
import { ROLES } from "@/lib/auth/permissions";
import { utcTime } from "@/lib/data/dates";
import { listStaff } from "@/lib/services/staff";
import { createStaffAction, disableStaffAction, enableStaffAction, resetStaffPasswordAction, setStaffRoleAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function StaffPage() {
  const access = await guardPage("/staff", "/staff");
  const staff = await listStaff();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Staff</h1>
      <p className="text-sm text-slate-600">
        Every change here is audited and ends the account&apos;s open sessions, so it holds from their next request. The last enabled admin can be neither disabled nor given another role.
      </p>
      <section aria-labelledby="new-staff" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-staff" className="mb-2 font-medium">New account</h2>
        <CreateStaffForm action={createStaffAction} roles={ROLES} />
      </section>
      <table className="w-full text-sm">
        <caption className="sr-only">Staff accounts, enabled first</caption>
        <thead>
          <tr className="border-b text-left">
            <th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Open sessions</th><th scope="col">Created</th><th scope="col">Password</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id} className="border-b border-slate-100 align-top" data-testid={`staff-${s.email}`}>
              <td className="py-2">
                {s.email}
                {s.email === access.session.user.email ? <span className="text-slate-600"> (you)</span> : null}
              </td>
              <td className="py-2">
                <ActionForm action={setStaffRoleAction} className="flex gap-1">
                  <input type="hidden" name="email" value={s.email} />
                  <select name="role" defaultValue={s.role} aria-label={`Role of ${s.email}`} className="rounded border border-slate-300 px-1 py-0.5">
                    {ROLES.map((r) => (
                      <option key={r} value={r}>{r}</option>
                    ))}
                  </select>
                  <button className="rounded border border-slate-400 px-2 py-0.5">Change role</button>
                </ActionForm>
              </td>
              <td className="py-2">
                {s.disabled_at ? (
                  <ActionForm action={enableStaffAction} className="space-y-1">
                    <p>Disabled {utcTime(s.disabled_at)}</p>
                    <input type="hidden" name="email" value={s.email} />
                    <button className="rounded border border-slate-400 px-2 py-0.5">Enable</button>
                  </ActionForm>
                ) : (
                  <ActionForm action={disableStaffAction} className="space-y-1">
                    <p>Enabled</p>
                    <input type="hidden" name="email" value={s.email} />
                    <label className="flex items-center gap-1">
                      <input type="checkbox" name="confirm" value="yes" required />
                      Yes, disable {s.email}
                    </label>
                    <button className="rounded border border-red-700 px-2 py-0.5 text-red-800">Disable</button>
                  </ActionForm>
                )}
              </td>
              <td className="py-2">{s.openSessions}</td>
              <td className="py-2">{utcTime(s.created_at)}</td>
              <td className="py-2">
                <ResetPasswordForm action={resetStaffPasswordAction} email={s.email} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
