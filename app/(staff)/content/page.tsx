import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ContentForm } from "@/components/content/content-form";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { ACTIONS } from "@/lib/auth/actions";
import { CONTENT_TRANSITIONS, listContent } from "@/lib/services/content";
import { createContentAction, transitionContentAction } from "./actions";

export const dynamic = "force-dynamic";

const LABEL: Record<string, string> = { in_review: "Submit for review", approved: "Approve", retired: "Retire", draft: "Back to draft" };

export default async function ContentPage() {
  const access = await guardPage("/content", "/content");
  const role = access.session.user.role;
  const items = await listContent();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Content catalog</h1>
      <p className="text-sm text-slate-600">Drafts go to review; someone other than the author approves; only approved items reach the engine. Harmful products and judgmental wording are refused on save.</p>

      {can(role, "content:write") ? (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">New content</summary>
          <ContentForm action={createContentAction} submit="Save draft" />
        </details>
      ) : null}

      <ScrollRegion label="Content catalog table">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b text-left">
            <th scope="col">Id</th><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Author</th><th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} className="border-b border-slate-100" data-testid={`content-${c.id}`}>
              <td className="py-1 font-mono text-xs">{c.id}</td>
              <td>
                <Link href={`/content/${c.id}`} className="underline">{c.title}</Link>
              </td>
              <td>{c.kind}</td>
              <td>{c.status.replace("_", " ")}</td>
              <td className="text-slate-600">{c.author}</td>
              <td className="flex gap-1 py-1">
                {(CONTENT_TRANSITIONS[c.status] ?? [])
                  .filter((to) => can(role, ACTIONS.transitionContentAction(to)))
                  .map((to) => (
                    <ActionForm key={to} action={transitionContentAction}>
                      <input type="hidden" name="id" value={c.id} />
                      <input type="hidden" name="to" value={to} />
                      <ConfirmSubmit confirm={to === "retired" ? `Retire ${c.id}? It leaves every customer's recommendations at the next engine run.` : undefined} className="rounded border border-slate-400 px-2 py-0.5">{LABEL[to]}</ConfirmSubmit>
                    </ActionForm>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollRegion>
    </div>
  );
}
