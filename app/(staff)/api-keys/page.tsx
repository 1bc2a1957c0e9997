import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { guardPage } from "@/lib/auth/page-guard";
import { SCOPES } from "@/lib/auth/scopes";
import { listApiKeys } from "@/lib/services/api-keys";
import { createKeyAction, revokeKeyAction } from "./actions";
import { utcTime } from "@/lib/data/dates";

export const dynamic = "force-dynamic";


export default async function ApiKeysPage() {
  await guardPage("/api-keys", "/api-keys");
  const keys = (await listApiKeys()).reverse();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">API keys</h1>
      <p className="text-sm text-slate-600">
        Keys let the bank&apos;s systems call the <a className="underline" href="/docs">developer API</a> as <code>Authorization: Bearer …</code>. Give each system its own key with only the scopes it needs; revoke a key the moment it may have leaked.
      </p>
      <section aria-labelledby="new" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new" className="mb-2 font-medium">New key</h2>
        <CreateKeyForm action={createKeyAction} scopes={Object.entries(SCOPES)} />
      </section>
      <ScrollRegion label="API keys table">
      <table className="w-full text-sm">
        <caption className="sr-only">API keys, newest first</caption>
        <thead>
          <tr className="border-b text-left">
            <th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className="border-b border-slate-100 align-top" data-testid={`key-${k.prefix}`}>
              <td className="py-1">{k.name}</td>
              <td className="font-mono text-xs">ss_{k.prefix}_…</td>
              <td className="font-mono text-xs">{k.scopes.join(", ")}</td>
              <td>{utcTime(k.created_at)} by {k.created_by}</td>
              <td>{utcTime(k.last_used_at)}</td>
              <td>
                {k.revoked_at ? (
                  `revoked ${utcTime(k.revoked_at)}`
                ) : (
                  <ActionForm action={revokeKeyAction}>
                    <input type="hidden" name="id" value={k.id} />
                    <ConfirmSubmit confirm={`Revoke ${k.name} (ss_${k.prefix}_…)? Every request with it will be refused from now on; this cannot be undone.`} className="rounded border border-red-700 px-2 py-0.5 text-red-800">Revoke</ConfirmSubmit>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
          {keys.length === 0 ? (
            <tr>
              <td colSpan={6} className="py-2 text-slate-600">No keys yet.</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      </ScrollRegion>
    </div>
  );
}
