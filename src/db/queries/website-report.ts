/**
 * The reads of the 政府网站工作年度报表 (docs/website-report.md): what the platform knows of an
 * agency's year (domain/website-report/fill.ts WebsiteReportFacts) and the manual rows stored.
 */
import type { ColumnClass } from '../../domain/inspection/column-classes.ts';
import type { NewMediaPlatform } from '../../domain/new-media/accounts.ts';
import { operatedWithin } from '../../domain/new-media/periods.ts';
import type { RowValue, WebsiteReportFacts } from '../../domain/website-report/fill.ts';
import type { Db } from '../connection.ts';
import { inspectedColumns } from './inspection.ts';
import { accountStatistics } from './new-media.ts';
import { closuresOf } from './new-media-closures.ts';

/** The agency's year as the report's computed rows read it. */
export async function websiteReportFacts(
  db: Db,
  agencyId: number,
  year: number,
): Promise<WebsiteReportFacts> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const inYear = db.kysely
    .selectFrom('items')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('published_on', '>=', first)
    .where('published_on', '<=', last);
  const [agency, places, columns, subColumns, interpretations, requests, statistics, accounts] =
    await Promise.all([
      db.kysely
        .selectFrom('agencies')
        .select(['name', 'website', 'website_name'])
        .where('id', '=', agencyId)
        .executeTakeFirstOrThrow(),
      inYear
        .select(['category', 'column_code', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['category', 'column_code'])
        .execute(),
      inspectedColumns(db.kysely, agencyId, last),
      db.kysely
        .selectFrom('agency_columns as c')
        .leftJoin('items as i', (join) =>
          join
            .onRef('i.agency_id', '=', 'c.agency_id')
            .onRef('i.column_code', '=', 'c.code')
            .on('i.status', '=', 'published')
            .on('i.published_on', '<=', last),
        )
        .select([
          'c.code',
          (eb) => eb.fn.min('i.published_on').as('first'),
          (eb) =>
            eb.fn
              .sum<number>(eb.case().when('i.published_on', '>=', first).then(1).else(0).end())
              .as('in_year'),
        ])
        .where('c.agency_id', '=', agencyId)
        .groupBy('c.code')
        .execute(),
      inYear
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('is_interpretation', '=', 1)
        .executeTakeFirst(),
      db.kysely
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', agencyId)
        .where('kind', '=', 'disclosure')
        .where('received_on', '>=', first)
        .where('received_on', '<=', last)
        .executeTakeFirst(),
      accountStatistics(db, agencyId, year),
      db.kysely
        .selectFrom('new_media_accounts')
        .select(['id', 'opened_on', 'cancelled_on'])
        .where('agency_id', '=', agencyId)
        .execute(),
    ]);
  // operating on some day of the year (domain/new-media/periods.ts): a closed spell, reopened or not, counts as stopped
  const closures = await closuresOf(
    db.kysely,
    accounts.map((a) => Number(a.id)),
  );
  const operated = new Set(
    accounts
      .filter((a) =>
        operatedWithin(
          { openedOn: a.opened_on, cancelledOn: a.cancelled_on, closures: closures.get(Number(a.id)) ?? [] },
          first,
          last,
        ),
      )
      .map((a) => Number(a.id)),
  );
  return {
    year,
    agency: { name: agency.name, websiteName: agency.website_name, website: agency.website },
    itemsByPlace: places.map((p) => ({
      category: p.category,
      columnCode: p.column_code,
      count: Number(p.n),
    })),
    columnClasses: new Map<string, ColumnClass>(columns.map((c) => [`${c.scope}:${c.code}`, c.columnClass])),
    subColumns: subColumns.map((c) => ({
      code: c.code,
      itemsInYear: Number(c.in_year ?? 0),
      firstPublishedOn: c.first ?? null,
    })),
    interpretations: Number(interpretations?.n ?? 0),
    requests: Number(requests?.n ?? 0),
    accounts: statistics.accounts
      .filter((a) => operated.has(a.id))
      .map((a) => ({ platform: a.platform as NewMediaPlatform, name: a.name, postings: a.postings })),
  };
}

/** The manual rows stored for the year ({} when none), with who saved them last. */
export async function storedWebsiteReport(
  db: Db,
  agencyId: number,
  year: number,
): Promise<{ fields: Record<string, RowValue>; updatedAt: string | null; updatedBy: string | null }> {
  const row = await db.kysely
    .selectFrom('website_reports')
    .select(['fields', 'updated_at', 'updated_by'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row) return { fields: {}, updatedAt: null, updatedBy: null };
  return {
    fields: JSON.parse(row.fields) as Record<string, RowValue>,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
