import "server-only";
import { sql } from "drizzle-orm";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { isPostVacant } from "@/lib/regulations/due";
import { query, type Db } from "./sql";

/**
 * The PMS posts 体制 card: live posts, and those nobody holds today — judged by isPostVacant, the rule
 * of the structure page and its vacant=true filter, which the card's link opens. A register of a few
 * dozen posts: one statement reads each live post's live appointment terms.
 */
export async function pmsPostsCard(db: Db, today: string) {
  const rows = await query<{ id: number; from_date: string | null; to_date: string | null }>(
    db,
    sql`select p.id, to_char(a.from_date, 'YYYY-MM-DD') as from_date, to_char(a.to_date, 'YYYY-MM-DD') as to_date
        from pms_posts p left join pms_appointments a on a.post_id = p.id and a.retired_at is null
        where p.retired_at is null`,
  );
  const terms = new Map<number, { fromDate: string; toDate: string | null }[]>();
  for (const r of rows) {
    const list = terms.get(Number(r.id)) ?? [];
    if (r.from_date) list.push({ fromDate: r.from_date, toDate: r.to_date });
    terms.set(Number(r.id), list);
  }
  const vacant = [...terms.values()].filter((t) => isPostVacant(t, today)).length;
  return { total: terms.size, vacant, href: links.pmsVacant() };
}
