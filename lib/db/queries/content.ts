// Typed data access for the content catalog's workflow (lib/services/content): the items, their
// writes on the caller's transaction (so the audit row commits with them) and an item's history.
import type { Db } from "../client";
import type { Prisma } from "../generated/client";

type Client = Db | Prisma.TransactionClient;
export type ContentRow = Prisma.ContentItemGetPayload<object>;

export function contentItem(db: Client, id: string): Promise<ContentRow | null> {
  return db.contentItem.findUnique({ where: { id } });
}

export async function insertContentItem(tx: Client, data: Prisma.ContentItemUncheckedCreateInput): Promise<void> {
  await tx.contentItem.create({ data });
}

/** Changes the item only at the version read (optimistic concurrency); false when it changed meanwhile. */
export async function updateContentAtVersion(tx: Client, id: string, version: number, data: Omit<Prisma.ContentItemUncheckedUpdateManyInput, "version">, status?: string): Promise<boolean> {
  const saved = await tx.contentItem.updateMany({ where: { id, version, ...(status !== undefined ? { status } : {}) }, data: { ...data, version: { increment: 1 }, updated_at: new Date() } });
  return saved.count === 1;
}

/** Every catalog item's id and title. */
export function contentTitleRows(db: Client): Promise<Array<{ id: string; title: string }>> {
  return db.contentItem.findMany({ select: { id: true, title: true } });
}

/** The whole catalog by status, then id. */
export function contentRows(db: Client): Promise<ContentRow[]> {
  return db.contentItem.findMany({ orderBy: [{ status: "asc" }, { id: "asc" }] });
}

/** An item's latest `take` audit entries, newest first. */
export function contentAudit(db: Client, id: string, take: number) {
  return db.auditEntry.findMany({ where: { target_type: "content", target_id: id }, orderBy: { id: "desc" }, take });
}
