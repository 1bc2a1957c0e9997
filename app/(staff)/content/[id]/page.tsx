import Link from "next/link";
import { auditActionLabel, eligibilityLabel, humanise, kindLabel, personaLabel, statusLabel, triggerLabel } from "@/lib/labels";
import { notFound } from "next/navigation";
import { ContentForm } from "@/components/content/content-form";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import type { ContentItem } from "@/lib/engine/recommend/content";
import { contentWithHistory, isEditable } from "@/lib/services/content";
import { updateContentAction } from "../actions";
import { utcTime } from "@/lib/data/dates";

export const dynamic = "force-dynamic";

export default async function ContentItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await guardPage("/content/[id]", `/content/${id}`);
  const { row, history } = await contentWithHistory(id);
  if (!row) notFound();
  const item: ContentItem = { ...row, kind: row.kind as ContentItem["kind"], format: row.format as ContentItem["format"], personas: JSON.parse(row.personas), triggers: JSON.parse(row.triggers), eligibility: JSON.parse(row.eligibility) };
  const editable = can(access.session.user.role, "content:write") && isEditable(row.status);
  return (
    <div className="space-y-6">
      <Link href="/content" className="text-sm text-emerald-800 underline">← Content catalog</Link>
      <h1 className="text-2xl font-bold">{row.title}</h1>
      <p className="text-sm text-slate-600">
        <span className="font-mono">{row.id}</span> · {kindLabel(row.kind)} · {humanise(row.format)} · <strong data-testid="content-status">{statusLabel(row.status)}</strong> · version {row.version} · author {row.author}
      </p>
      <dl className="grid gap-x-4 gap-y-1 text-sm md:grid-cols-[12rem_1fr]">
        <dt className="text-slate-600">Summary</dt><dd>{row.summary}</dd>
        <dt className="text-slate-600">Because</dt><dd>{row.because}</dd>
        <dt className="text-slate-600">Personas</dt><dd>{item.personas.map((p) => personaLabel(p)).join(", ")}</dd>
        <dt className="text-slate-600">Triggers</dt><dd>{item.triggers.map(triggerLabel).join("; ")}</dd>
        <dt className="text-slate-600">Eligibility</dt><dd data-testid="content-eligibility">{eligibilityLabel(item.eligibility)}</dd>
        {row.partner ? (<><dt className="text-slate-600">Partner / category</dt><dd>{row.partner} / {row.product_category}</dd></>) : null}
      </dl>
      {editable ? (
        <section aria-labelledby="edit" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="edit" className="font-medium">Edit</h2>
          <p className="text-sm text-slate-600">
            Saving runs the tone check and the harmful-product block, returns the item to draft{row.status === "approved" ? " (it leaves recommendations until someone else approves the new wording)" : ""} and makes you its author.
          </p>
          <ContentForm action={updateContentAction} item={item} version={row.version} submit="Save changes" />
        </section>
      ) : null}
      <section aria-labelledby="history" className="space-y-1">
        <h2 id="history" className="text-lg font-semibold">History</h2>
        <ul className="text-sm" data-testid="content-history">
          {history.map((e) => (
            <li key={e.id}>{utcTime(e.created_at)} · {e.actor} · {auditActionLabel(e.action)}</li>
          ))}
          {history.length === 0 ? <li>Seeded with the catalog; no staff changes yet.</li> : null}
        </ul>
      </section>
    </div>
  );
}
