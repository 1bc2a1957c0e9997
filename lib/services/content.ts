// Catalog content rules shared by every way content gets in (seed now, the content editor
// later): the harmful-product block and the tone check run before anything is stored, so the
// catalog cannot even hold a payday loan (SPEC §3.4).
import { contentProblems } from "../engine/guardrails/storable";
import { z } from "zod";
import { CONTENT_LIMITS, formDollarsAsCents, queryNumber, safeText } from "../validation/text";
import { CONTENT_FORMATS, TRIGGER_IDS, type ContentItem } from "../engine/recommend/content";
import { PERSONA_IDS } from "../engine/types";
import { isAuditAction, recordAudit } from "../db/audit";
import { prisma, type Db } from "../db/client";
import { contentAudit, contentItem, contentRows, contentTitleRows, insertContentItem, updateContentAtVersion } from "../db/queries/content";
import { ConflictError, ContentRejectedError, NotFoundError } from "../errors";
import { onProcessDb } from "./database";

export { ContentRejectedError, contentProblems };

export function assertStorable(item: ContentItem): void {
  const problems = contentProblems(item);
  if (problems.length) throw new ContentRejectedError(item.id, problems);
}

// ---- The content workflow: draft → in review → approved → retired ----


const csvList = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v), z.array(z.enum(values)).min(1, "choose at least one"));
const optionalInt = z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), queryNumber({ integer: true }).pipe(z.number().int().min(0)).optional());

export const contentFormSchema = z
  .object({
    id: z.string().regex(/^(edu|offer)-[a-z0-9-]{3,60}$/, "use edu-… or offer-… with lowercase letters, digits and dashes"),
    kind: z.enum(["education", "offer"]),
    format: z.enum(CONTENT_FORMATS),
    // The content model's own limits: a title, a short summary and the "because" template.
    title: safeText(CONTENT_LIMITS.title, { trim: true, min: 5 }),
    summary: safeText(CONTENT_LIMITS.summary, { trim: true, min: 10, multiline: true }),
    because: safeText(CONTENT_LIMITS.because, { trim: true, min: 10 }),
    personas: csvList(PERSONA_IDS),
    triggers: csvList(TRIGGER_IDS),
    product_category: safeText(CONTENT_LIMITS.product_category, { trim: true }).optional().transform((v) => v || null),
    partner: safeText(CONTENT_LIMITS.partner, { trim: true }).optional().transform((v) => v || null),
    // Typed in dollars to the cent (the form's "Minimum monthly income"), stored as cents.
    min_monthly_income: formDollarsAsCents,
    min_credit_score: optionalInt,
  })
  .refine((c) => (c.kind === "offer") === (c.format === "offer"), { path: ["format"], message: "offers use the format offer; education items use another" })
  .refine((c) => c.kind === "education" || (c.product_category && c.partner), { path: ["product_category"], message: "offers need a product category and a partner" });

export type ContentForm = z.input<typeof contentFormSchema>;

export const CONTENT_TRANSITIONS: Record<string, string[]> = { draft: ["in_review"], in_review: ["approved", "draft"], approved: ["retired"], retired: ["draft"] };

function toItem(c: z.output<typeof contentFormSchema>): ContentItem {
  const eligibility = {
    ...(c.min_monthly_income !== undefined ? { min_monthly_income_cents: c.min_monthly_income } : {}),
    ...(c.min_credit_score !== undefined ? { min_credit_score: c.min_credit_score } : {}),
  };
  return { id: c.id, kind: c.kind, format: c.format, title: c.title, summary: c.summary, because: c.because, personas: c.personas, triggers: c.triggers, eligibility, product_category: c.product_category, partner: c.partner };
}

/** Creates a draft (checked for harmful products and tone before anything is stored). */
export async function createContent(db: Db, input: unknown, author: string): Promise<string> {
  const item = toItem(contentFormSchema.parse(input));
  assertStorable(item);
  if (await contentItem(db, item.id)) throw new ConflictError(`content "${item.id}" already exists`);
  await db.$transaction(async (tx) => {
    await insertContentItem(tx, {
      id: item.id, kind: item.kind, format: item.format, title: item.title, summary: item.summary, because: item.because, personas: JSON.stringify(item.personas), triggers: JSON.stringify(item.triggers), eligibility: JSON.stringify(item.eligibility), product_category: item.product_category, partner: item.partner, status: "draft", author,
    });
    await recordAudit(tx, "content.create", { type: "content", id: item.id }, { actor: author });
  });
  return item.id;
}

const EDITABLE = ["draft", "in_review", "approved"];

/** Whether an item in this status may be edited (a retired one must go back to draft first). */
export const isEditable = (status: string): boolean => EDITABLE.includes(status);

/**
 * Saves new wording or targeting for an item, checked like a new one. The edited version goes back
 * to draft (an approved item leaves the engine until someone approves the new wording) and the
 * editor becomes its author, so they cannot approve their own words. Eligibility rules the form
 * does not show are kept. `version` is the one the editor saw: a concurrent edit is a conflict.
 */
export async function updateContent(db: Db, input: unknown, editor: string): Promise<{ id: string; from: string }> {
  const version = z.coerce.number().int().positive().parse((input as { version?: unknown } | null)?.version);
  const edited = toItem(contentFormSchema.parse(input));
  return db.$transaction(async (tx) => {
    const item = await contentItem(tx, edited.id);
    if (!item) throw new NotFoundError(`no content "${edited.id}"`);
    if (!isEditable(item.status)) throw new ConflictError(`content "${edited.id}" is ${item.status}; move it back to draft before editing`);
    if (item.kind !== edited.kind) throw new ConflictError(`content "${edited.id}" is ${item.kind === "offer" ? "an offer" : "an education item"}; its kind cannot change`);
    const kept: ContentItem["eligibility"] = JSON.parse(item.eligibility);
    delete kept.min_monthly_income_cents;
    delete kept.min_credit_score;
    const merged: ContentItem = { ...edited, eligibility: { ...kept, ...edited.eligibility } };
    assertStorable(merged);
    const saved = await updateContentAtVersion(tx, edited.id, version, {
      format: merged.format, title: merged.title, summary: merged.summary, because: merged.because, personas: JSON.stringify(merged.personas), triggers: JSON.stringify(merged.triggers),
      eligibility: JSON.stringify(merged.eligibility), product_category: merged.product_category, partner: merged.partner, status: "draft", author: editor,
    });
    if (!saved) throw new ConflictError(`content "${edited.id}" was changed by someone else since you opened it; reload to see the latest`);
    await recordAudit(tx, "content.edit", { type: "content", id: edited.id }, { actor: editor, details: { from_status: item.status, previous_author: item.author, from_version: version } });
    return { id: edited.id, from: item.status };
  });
}

/** Moves content along its workflow; whoever wrote an item may not approve it. */
export async function transitionContent(db: Db, id: string, to: string, actor: string): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const item = await contentItem(tx, id);
    if (!item) throw new NotFoundError(`no content "${id}"`);
    // Asking twice (a double click, a retry) is not a conflict: it is already done.
    if (item.status === to) return { changed: false };
    if (!CONTENT_TRANSITIONS[item.status]?.includes(to)) throw new ConflictError(`content "${id}" is ${item.status.replace("_", " ")}; it cannot move to ${to.replace("_", " ")}`);
    const action = `content.${to}`;
    if (!isAuditAction(action)) throw new ConflictError(`content cannot move to ${to.replace("_", " ")}`);
    if (to === "approved" && item.author === actor) throw new ConflictError("the author of an item cannot approve it; another operator or admin must");
    if (!(await updateContentAtVersion(tx, id, item.version, { status: to }, item.status))) throw new ConflictError(`content "${id}" changed a moment ago; reload to see the latest`);
    await recordAudit(tx, action, { type: "content", id }, { actor, details: { from: item.status } });
    return { changed: true };
  });
}

/** Every catalog item's title by id: what a decision trace's candidates are called on a page. */
export async function contentTitles(db: Db): Promise<Record<string, string>> {
  const rows = await contentTitleRows(db);
  return Object.fromEntries(rows.map((r) => [r.id, r.title]));
}

/** The catalog as the content page lists it: by status, then id. */
export function listContent(db: Db = prisma()) {
  return contentRows(db);
}

/** One catalog item and its latest 50 audit entries, newest first; the item is null for an unknown id. */
export async function contentWithHistory(id: string, db: Db = prisma()) {
  const [row, history] = await Promise.all([contentItem(db, id), contentAudit(db, id, 50)]);
  return { row, history };
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const contentOnProcessDb = onProcessDb({ createContent, updateContent, transitionContent });
