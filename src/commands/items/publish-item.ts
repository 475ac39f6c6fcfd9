import type { StatutoryCategory } from '../../domain/items/categories.ts';
import { indexNumber, indexPrefixOf } from '../../domain/items/index-number.ts';
import { publicationTimeliness } from '../../domain/items/timeliness.ts';
import type { CommandContext, Trx } from '../context.ts';
import { checkDay } from './check-day.ts';
import { type ItemRow, insertPublication, syncPublications, WEBSITE_CHANNEL } from './item-store.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface PublishItemInput extends ItemTarget {
  /** the day it goes online; defaults to today */
  publishedOn?: string;
}

export interface ItemPublished extends ItemActionResult {
  indexNo: string;
  publishedOn: string;
  /** published more than 20 working days after its formed date (条例第二十六条) */
  late: boolean;
  dueOn: string;
}

/**
 * Publishes an approved item (an operator): gives it the agency's next 索引号 of the year, sets
 * the publication date, creates the website row the annual report counts, points interpretations
 * already published at it, and adds it to the search index — all in one transaction. Whether it
 * was late (条例第二十六条) is recorded on the event.
 */
export async function publishItem(ctx: CommandContext, input: PublishItemInput): Promise<ItemPublished> {
  const calendar = await ctx.calendar.get();
  let published = { indexNo: '', publishedOn: '', late: false, dueOn: '' };
  const result = await runItemAction(ctx, input, 'publish', async ({ trx, row, today }) => {
    const publishedOn = checkDay('publishedOn', '发布日期', input.publishedOn ?? today, {
      today,
      notBefore: row.reviewed_on
        ? { day: row.reviewed_on, label: '保密审查日期' }
        : { day: row.formed_on, label: '成文日期' },
    });
    const indexNo = await nextIndexNumber(trx, row, Number(publishedOn.slice(0, 4)));
    const timeliness = publicationTimeliness(row.formed_on, publishedOn, calendar);
    published = { indexNo, publishedOn, late: timeliness.late, dueOn: timeliness.dueOn };
    return {
      eventType: 'published',
      columns: { published_on: publishedOn, index_no: indexNo },
      data: { publishedOn, indexNo, timeliness },
      afterWrite: (trx2, stored) => addWebsiteRow(trx2, stored),
    };
  });
  return { ...result, ...published };
}

async function nextIndexNumber(trx: Trx, row: ItemRow, year: number): Promise<string> {
  const agency = await trx
    .selectFrom('agencies')
    .leftJoin('item_settings', 'item_settings.agency_id', 'agencies.id')
    .select(['agencies.code', 'item_settings.index_prefix'])
    .where('agencies.id', '=', row.agency_id)
    .executeTakeFirstOrThrow();
  const counter = await trx
    .insertInto('item_index_counters')
    .values({ agency_id: row.agency_id, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year'])
        .doUpdateSet((eb) => ({ last_seq: eb('item_index_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const prefix = indexPrefixOf(agency.index_prefix, agency.code);
  return indexNumber(prefix, year, row.category as StatutoryCategory, counter.last_seq);
}

/** The website row the report counts under 网站, and interpretations published earlier linked to it. */
async function addWebsiteRow(trx: Trx, row: ItemRow): Promise<void> {
  const websiteRowId = await insertPublication(trx, row, {
    channel: WEBSITE_CHANNEL,
    publishedOn: row.published_on ?? row.formed_on,
    link: null,
  });
  await syncPublications(trx, row);
  await trx
    .updateTable('publications')
    .set({ interprets_id: websiteRowId })
    .where('item_id', 'in', (eb) =>
      eb.selectFrom('items').select('id').where('interprets_item_id', '=', row.id),
    )
    .execute();
}
