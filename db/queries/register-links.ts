import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { contractors, incidentRegisterItems, incidents, registerItemContractors, registerItems } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import type { ItemLinks, LinkedItem } from "@/lib/register/links-schema";

/**
 * The register's links to the other registers (docs/domain.md §6, "Links"): an item's incidents and
 * contractors, a contractor's items, and the items an incident's "data involved" names.
 */

const linkedItem = {
  id: registerItems.id,
  code: registerItems.code,
  name: registerItems.name,
  kind: registerItems.kind,
  personCount: registerItems.personCount,
  retiredAt: registerItems.retiredAt,
};
const toLinked = ({ retiredAt, ...r }: { retiredAt: Date | null } & Omit<LinkedItem, "retired">): LinkedItem => ({ ...r, retired: retiredAt != null });

/** null when there is no such item. */
export async function getItemLinks(itemId: number): Promise<ItemLinks | null> {
  const db = await getDb();
  const [item] = await db.select({ id: registerItems.id }).from(registerItems).where(eq(registerItems.id, itemId));
  if (!item) return null;
  const [inc, con] = await Promise.all([
    db
      .select({
        id: incidents.id,
        reference: incidents.reference,
        title: incidents.title,
        discoveredAt: incidents.discoveredAt,
        severity: incidents.severity,
        status: incidents.status,
        personsAffected: incidents.personsAffected,
      })
      .from(incidentRegisterItems)
      .innerJoin(incidents, eq(incidents.id, incidentRegisterItems.incidentId))
      .where(and(eq(incidentRegisterItems.itemId, itemId), isNull(incidents.retiredAt)))
      .orderBy(desc(incidents.discoveredAt), desc(incidents.id)),
    db
      .select({ id: contractors.id, name: contractors.name, status: contractors.status })
      .from(registerItemContractors)
      .innerJoin(contractors, eq(contractors.id, registerItemContractors.contractorId))
      .where(eq(registerItemContractors.itemId, itemId))
      .orderBy(asc(contractors.name), asc(contractors.id)),
  ]);
  return { incidents: inc.map((i) => ({ ...i, discoveredAt: i.discoveredAt.toISOString() })), contractors: con };
}

/** The register items a contractor processes (outsourced to it), live ones first. */
export async function listContractorItems(contractorId: number): Promise<LinkedItem[]> {
  const db = await getDb();
  const rows = await db
    .select(linkedItem)
    .from(registerItemContractors)
    .innerJoin(registerItems, eq(registerItems.id, registerItemContractors.itemId))
    .where(eq(registerItemContractors.contractorId, contractorId))
    .orderBy(sql`${registerItems.retiredAt} is not null`, asc(registerItems.code));
  return rows.map(toLinked);
}

/** The items an incident names as its data involved. */
export async function listIncidentItems(incidentId: number, db?: DbOrTx): Promise<LinkedItem[]> {
  const d = db ?? (await getDb());
  const rows = await d
    .select(linkedItem)
    .from(incidentRegisterItems)
    .innerJoin(registerItems, eq(registerItems.id, incidentRegisterItems.itemId))
    .where(eq(incidentRegisterItems.incidentId, incidentId))
    .orderBy(asc(registerItems.code));
  return rows.map(toLinked);
}

/** The live items an incident form can pick from (few: a register holds tens to a few thousand rows). */
export async function listPickableItems(): Promise<LinkedItem[]> {
  const db = await getDb();
  const rows = await db.select(linkedItem).from(registerItems).where(isNull(registerItems.retiredAt)).orderBy(asc(registerItems.code));
  return rows.map(toLinked);
}

/**
 * Replace an incident's items with `itemIds`, inside the incident's own write. A newly named item must
 * exist and be live (400 on the field); an item already linked stays even if it was retired since.
 * Returns whether anything changed.
 */
export async function setIncidentItems(tx: DbOrTx, incidentId: number, itemIds: readonly number[], field = "registerItemIds"): Promise<boolean> {
  const wanted = [...new Set(itemIds)];
  const current = (await tx.select({ itemId: incidentRegisterItems.itemId }).from(incidentRegisterItems).where(eq(incidentRegisterItems.incidentId, incidentId))).map(
    (r) => r.itemId,
  );
  const added = wanted.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !wanted.includes(id));
  if (added.length) {
    const live = new Set(
      (await tx.select({ id: registerItems.id }).from(registerItems).where(and(inArray(registerItems.id, added), isNull(registerItems.retiredAt)))).map((r) => r.id),
    );
    const missing = added.filter((id) => !live.has(id));
    if (missing.length) throw new ValidationError([{ field, code: "not_found", messageKey: "registerRisks.errors.itemNotFound" }]);
    await tx.insert(incidentRegisterItems).values(added.map((itemId) => ({ incidentId, itemId })));
  }
  if (removed.length)
    await tx.delete(incidentRegisterItems).where(and(eq(incidentRegisterItems.incidentId, incidentId), inArray(incidentRegisterItems.itemId, removed)));
  return added.length + removed.length > 0;
}
