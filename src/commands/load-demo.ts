import { findSiteSettings } from '../db/queries/site-settings.ts';
import { withinTransaction } from '../db/transaction.ts';
import { DEMO_AGENCY_CODE, DEMO_PLANS, demoLines } from '../demo/lingang.ts';
import { loadDemoCases } from '../demo/lingang-cases.ts';
import { addDemoGuide, demoRuleRows } from '../demo/lingang-guide.ts';
import { demoItemRows } from '../demo/lingang-items.ts';
import { LINGANG_2021_NARRATIVE } from '../demo/lingang-narrative.ts';
import { loadDemoOpenCases } from '../demo/lingang-open-cases.ts';
import { addDemoUsers } from '../demo/lingang-users.ts';
import { DEMO_PORTAL_SITE_SETTINGS, DEMO_SITE_SETTINGS } from '../demo/site-settings.ts';
import { chineseDaysData } from '../domain/calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../domain/calendar/work-calendar.ts';
import { searchIndexFor } from '../search/search-index.ts';
import { type CommandContext, fixedCalendar, type NamedActor } from './context.ts';
import { importItems } from './import-items/import-items.ts';
import { objectSource } from './import-items/sources.ts';
import { type ImportResult, importRecords } from './import-records.ts';
import { publishedItemsChanged } from './items/published-changes.ts';
import { publishReport } from './reports/publish-report.ts';
import { saveSiteSettings } from './site/save-site-settings.ts';

async function* asLines(records: Iterable<Record<string, unknown>>): AsyncGenerator<string> {
  for (const record of records) yield JSON.stringify(record);
}

/**
 * `gongkai demo`: (re)loads the demo agency. Its records go through the same import path as any
 * file, its published items through the items import, its requests through the case workflow (the
 * seed's of 2020–2021, and this year's still open, dated back from the context's clock), its 2021 report published as version 1
 * (frozen, as the portal shows it; `publish2021: false` leaves it a draft); the old demo agency is removed in the
 * same transaction, so a failed reload changes nothing.
 */
export async function loadDemo(
  ctx: CommandContext<NamedActor>,
  options: { publish2021?: boolean } = {},
): Promise<DemoLoadResult> {
  const { db } = ctx;
  const actor = ctx.actor.username;
  let itemCount = 0;
  let openRequests = 0;
  const result = await importRecords(ctx, {
    lines: asLines(demoLines()),
    source: 'demo:lingang',
    before: async (trx) => {
      const old = await trx
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', DEMO_AGENCY_CODE)
        .executeTakeFirst();
      if (!old) return;
      await trx.deleteFrom('events').where('agency_id', '=', old.id).execute();
      await trx.deleteFrom('review_cases').where('agency_id', '=', old.id).execute();
      await trx.deleteFrom('request_items').where('agency_id', '=', old.id).execute();
      await trx.deleteFrom('requests').where('agency_id', '=', old.id).execute();
      await trx
        .updateTable('publications')
        .set({ interprets_id: null })
        .where('agency_id', '=', old.id)
        .execute();
      await trx.deleteFrom('publications').where('agency_id', '=', old.id).execute();
      const items = await trx.selectFrom('items').select('id').where('agency_id', '=', old.id).execute();
      await searchIndexFor(db.dialect).remove(
        trx,
        items.map((i) => i.id),
      );
      await trx
        .updateTable('items')
        .set({ interprets_item_id: null })
        .where('agency_id', '=', old.id)
        .execute();
      await trx.deleteFrom('agencies').where('id', '=', old.id).execute();
    },
    after: async (trx) => {
      const agency = await trx
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', DEMO_AGENCY_CODE)
        .executeTakeFirstOrThrow();
      await trx.updateTable('agencies').set({ request_prefix: '临港' }).where('id', '=', agency.id).execute();
      await addDemoUsers(trx, agency.id, ctx.clock.now());
      await addDemoGuide(trx, agency.id);
      await loadDemoCases(
        withinTransaction(db, trx),
        agency.id,
        createWorkCalendar({ base: chineseDaysData }),
      );
      // this year's cases still being handled, dated back from today (none in the reports' years)
      openRequests = await loadDemoOpenCases(
        withinTransaction(db, trx),
        agency.id,
        createWorkCalendar({ base: chineseDaysData }),
        ctx.clock.today(),
      );
      await trx
        .insertInto('annual_reports')
        .values({
          agency_id: agency.id,
          year: 2021,
          narrative: JSON.stringify(LINGANG_2021_NARRATIVE),
          published_on: '2022-01-28',
          updated_at: ctx.clock.now().toISOString(),
        })
        .execute();
      // The calendar is the built-in one: the calendar service would read outside this transaction.
      const items = await importItems(
        {
          ...ctx,
          db: withinTransaction(db, trx),
          calendar: fixedCalendar(createWorkCalendar({ base: chineseDaysData })),
        },
        { file: objectSource(demoItemRows(DEMO_PLANS)), source: 'demo:lingang-items' },
      );
      if (!items.ok) throw new Error(`demo items rejected: ${JSON.stringify(items.problems.slice(0, 3))}`);
      const rules = await importItems(
        {
          ...ctx,
          db: withinTransaction(db, trx),
          calendar: fixedCalendar(createWorkCalendar({ base: chineseDaysData })),
        },
        { file: objectSource(demoRuleRows()), source: 'demo:lingang-rules' },
      );
      if (!rules.ok) throw new Error(`demo rules rejected: ${JSON.stringify(rules.problems.slice(0, 3))}`);
      itemCount = items.imported + rules.imported;
      // its 网站信息 (test values, labelled as the demo's: src/demo/site-settings.ts)
      await saveSiteSettings(
        { ...ctx, db: withinTransaction(db, trx), actor: { username: actor, roles: ['agency_admin'] } },
        { agencyId: agency.id, settings: DEMO_SITE_SETTINGS },
      );
      // the installation's own 网站信息 (the portal's name and footer outside the agency's pages),
      // only where the installation has none: a real installation's are never replaced by the demo's
      if (!(await findSiteSettings(trx, null)))
        await saveSiteSettings(
          {
            ...ctx,
            db: withinTransaction(db, trx),
            actor: { username: actor, roles: [], platformAdmin: true },
          },
          { agencyId: null, settings: DEMO_PORTAL_SITE_SETTINGS },
        );
      if (options.publish2021 === false) return;
      const publisher: CommandContext = {
        ...ctx,
        db: withinTransaction(db, trx),
        actor: { username: actor, roles: ['agency_admin'] },
      };
      await publishReport(publisher, { code: DEMO_AGENCY_CODE, year: 2021, publishedOn: '2022-01-28' });
    },
  });
  if (result.ok) publishedItemsChanged(db);
  return { ...result, items: result.ok ? itemCount : 0, openRequests: result.ok ? openRequests : 0 };
}

/** The import's result, the number of published items loaded with it and of requests still open. */
export type DemoLoadResult = ImportResult & { items: number; openRequests: number };

/**
 * First start: an installation with no agency at all gets the demo agency, so the README's first
 * command shows a working platform. `GONGKAI_DEMO=0` turns this off (production installations).
 */
export async function loadDemoIfEmpty(
  ctx: CommandContext<NamedActor>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<DemoLoadResult | null> {
  if (env.GONGKAI_DEMO === '0') return null;
  const any = await ctx.db.kysely.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  return loadDemo(ctx);
}
