import "server-only";
import { sql } from "drizzle-orm";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { num, query, type Db } from "./sql";

/** The PMS posts 体制 card: live posts, and those with nobody appointed today. */
export async function pmsPostsCard(db: Db, today: string) {
  const [r] = await query<{ total: number; vacant: number }>(
    db,
    sql`select count(*)::int as total,
               count(*) filter (where not exists (
                 select 1 from pms_appointments a
                 where a.post_id = p.id and a.retired_at is null and a.from_date <= ${today}::date and (a.to_date is null or a.to_date >= ${today}::date)
               ))::int as vacant
        from pms_posts p where p.retired_at is null`,
  );
  return { total: num(r?.total), vacant: num(r?.vacant), href: links.pmsStructure() };
}
