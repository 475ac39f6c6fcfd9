/**
 * The baseline of bench/supervision.ts: the bare aggregate SQL that counts the same rows as each
 * measured read — grouped counts over the subtree (a recursive query for it), nothing derived (no
 * working days, no median, no report status, no JSON) — so the ratio says what the route costs
 * over the database's own floor.
 */
import { sql } from 'kysely';
import type { SupervisionOverview } from '../src/contract/supervision.ts';
import type { Db } from '../src/db/connection.ts';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

export function baselines(db: Db, today: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const prevFrom = `${year - 1}-01-01`;
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await query.execute(db.kysely)).rows ?? []) as Row[];
  const tree = (rootId: number) =>
    sql`with recursive tree(id) as (select id from agencies where id = ${rootId}
          union all select a.id from agencies a join tree t on a.parent_id = t.id)`;
  const sum = (list: Row[], key: string) => list.reduce((s, r) => s + num(r[key]), 0);

  /** The 工作台's counts per agency of the subtree, and their totals. */
  async function overview(rootId: number) {
    const received = await rows(sql`${tree(rootId)}
      select agency_id, sum(case when received_on >= ${from} then 1 else 0 end) as this_year, count(*) as n
      from requests where agency_id in (select id from tree) and kind = 'disclosure'
        and received_on between ${prevFrom} and ${to} group by agency_id`);
    const open = await rows(sql`${tree(rootId)}
      select agency_id, count(*) as open,
        sum(case when state in ('open', 'in_consultation', 'awaiting_reasons') and due_on < ${today} then 1 else 0 end) as overdue
      from requests where agency_id in (select id from tree) and kind = 'disclosure' and state <> 'decided'
      group by agency_id`);
    const decided = await rows(sql`${tree(rootId)}
      select agency_id, outcome, count(*) as n from requests
      where agency_id in (select id from tree) and kind = 'disclosure' and outcome is not null
        and decided_on between ${from} and ${to} group by agency_id, outcome`);
    const reviews = await rows(sql`${tree(rootId)}
      select agency_id, grp, result, count(*) as n from review_cases
      where agency_id in (select id from tree) and filed_on between ${from} and ${to}
      group by agency_id, grp, result`);
    const published = await rows(sql`${tree(rootId)}
      select agency_id, sum(case when published_on >= ${from} then 1 else 0 end) as this_year, count(*) as n
      from publications where agency_id in (select id from tree) and channel = 'website'
        and published_on between ${prevFrom} and ${to} group by agency_id`);
    await rows(sql`${tree(rootId)}
      select agency_id, max(version) as version from annual_report_versions
      where agency_id in (select id from tree) and year = ${year} group by agency_id`);
    await rows(sql`${tree(rootId)}
      select agency_id, max(day) as day from inspection_results
      where agency_id in (select id from tree) group by agency_id`);
    return {
      received: sum(received, 'this_year'),
      previousReceived: sum(received, 'n') - sum(received, 'this_year'),
      open: sum(open, 'open'),
      overdue: sum(open, 'overdue'),
      decided: sum(decided, 'n'),
      filed: sum(reviews, 'n'),
      published: sum(published, 'this_year'),
      previousPublished: sum(published, 'n') - sum(published, 'this_year'),
    };
  }

  return {
    overview,

    /** The queue's first page and its counts, bare. */
    async requestPage(agencyId: number) {
      await rows(sql`select * from requests where agency_id = ${agencyId}
        order by received_on desc, id desc limit 50`);
      await rows(sql`select state, count(*) as n from requests where agency_id = ${agencyId} group by state`);
    },

    /** The report tables' sources over the subtree: requests, outcomes, 复议/诉讼, publications of the year. */
    async statistics(rootId: number) {
      await rows(sql`${tree(rootId)}
        select applicant_type, count(*) as n from requests where agency_id in (select id from tree)
          and kind = 'disclosure' and received_on between ${from} and ${to} group by applicant_type`);
      await rows(sql`${tree(rootId)}
        select applicant_type, outcome, count(*) as n from requests where agency_id in (select id from tree)
          and kind = 'disclosure' and decided_on between ${from} and ${to} group by applicant_type, outcome`);
      await rows(sql`${tree(rootId)}
        select grp, result, count(*) as n from review_cases where agency_id in (select id from tree)
          and filed_on between ${from} and ${to} group by grp, result`);
      await rows(sql`${tree(rootId)}
        select channel, category, count(*) as n, sum(is_policy_document) as policies from publications
        where agency_id in (select id from tree) and published_on between ${from} and ${to}
        group by channel, category`);
    },

    /** The inspection's reads for every agency at once: columns' counts and last days, policies, 解读. */
    async inspection() {
      const published = sql`from items where status = 'published' and published_on <= ${today}`;
      await rows(sql`select agency_id, category, count(*) as n, max(published_on) as last ${published}
        group by agency_id, category`);
      await rows(sql`select agency_id, column_code, count(*) as n, max(published_on) as last ${published}
        and column_code is not null group by agency_id, column_code`);
      await rows(
        sql`select agency_id, count(*) as n ${published} and is_policy_document = 1 group by agency_id`,
      );
      await rows(
        sql`select agency_id, count(*) as n ${published} and is_interpretation = 1 group by agency_id`,
      );
    },

    /** The 工作台's figures for the root's subtree that differ from the baseline's counts. */
    async check(rootId: number, body: SupervisionOverview): Promise<string[]> {
      const root = body.agencies[0];
      if (!root) return ['the 工作台 has no agency'];
      const counted = await overview(rootId);
      const shown = {
        received: root.subtree.received,
        previousReceived: root.subtree.previous.received,
        open: root.subtree.open,
        overdue: root.subtree.overdue,
        decided: root.subtree.decided,
        filed: root.subtree.reviews.filed + root.subtree.suits.filed,
        published: root.subtree.published,
        previousPublished: root.subtree.previous.published,
      };
      return Object.entries(counted)
        .filter(([key, value]) => shown[key as keyof typeof shown] !== value)
        .map(([key, value]) => `${key}: 工作台 ${shown[key as keyof typeof shown]}, baseline ${value}`);
    },
  };
}
