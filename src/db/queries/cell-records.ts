/**
 * The records behind a cell (the editor's drill-down), with the same year attribution as the
 * facts SQL (report-facts.ts): normative documents by issue / repeal / in force on 31 December,
 * requests by received date (本年新收), undecided at the year's start (上年结转) or end (结转下年度),
 * decided date (办理结果); review cases by filed date and their result as of 31 December.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { CellSource } from '../../domain/report/cell-source.ts';
import { isOutcomeRow } from '../../domain/report/cell-source.ts';
import type { Db } from '../connection.ts';
import type { Database } from '../schema.ts';
import { normativeWhere, publicationWhere, requestWhere, reviewWhere } from './cell-conditions.ts';

/** One record behind a cell: what a list shows and where it leads. */
export interface CellRecord {
  type: 'normative_document' | 'request' | 'review_case' | 'publication';
  id: number;
  /** 文号, registration number or title: what a list shows first */
  label: string;
  /** the day that placed it in the year (issued, received, decided, filed, published) */
  date: string | null;
  fields: Record<string, string | number | null>;
  /** the API path of the record (staff), or null when there is none */
  link: string | null;
}

export interface RecordPage {
  total: number;
  records: CellRecord[];
}

type Source = Exclude<CellSource, { kind: 'figures' }>;
type Page = { offset: number; limit: number };
type AnyQuery<T extends keyof Database> = SelectQueryBuilder<Database, T, object>;

async function paged<T extends keyof Database, R>(
  query: AnyQuery<T>,
  order: (q: AnyQuery<T>) => SelectQueryBuilder<Database, T, R>,
  page: Page,
): Promise<{ total: number; rows: R[] }> {
  const counted = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await order(query).offset(page.offset).limit(page.limit).execute();
  return { total: Number((counted as { n?: unknown } | undefined)?.n ?? 0), rows };
}

/** The records behind a cell of an agency-year, a page at a time, oldest first. */
export async function cellRecords(
  db: Db,
  agency: { id: number; code: string },
  year: number,
  source: Source,
  page: Page,
): Promise<RecordPage> {
  const base = `/api/v1/agencies/${encodeURIComponent(agency.code)}`;
  if (source.kind === 'normative') {
    const { total, rows } = await paged(
      db.kysely
        .selectFrom('normative_documents')
        .where('agency_id', '=', agency.id)
        .where((eb) => normativeWhere(eb, year, source)),
      (q) =>
        q
          .select(['id', 'doc_number', 'title', 'issued_on', 'repealed_on', 'status', 'version'])
          .orderBy('issued_on')
          .orderBy('id'),
      page,
    );
    const records = rows.map(
      (r): CellRecord => ({
        type: 'normative_document',
        id: r.id,
        label: r.doc_number || r.title,
        date: source.column === 'repealed' ? r.repealed_on : r.issued_on,
        fields: {
          title: r.title,
          issuedOn: r.issued_on,
          repealedOn: r.repealed_on,
          status: r.status,
          version: r.version,
        },
        link: `${base}/registry/documents/${r.id}`,
      }),
    );
    return { total, records };
  }
  if (source.kind === 'requests') {
    const query = db.kysely
      .selectFrom('requests')
      .where('agency_id', '=', agency.id)
      .where((eb) => requestWhere(eb, year, source));
    const { total, rows } = await paged(
      query,
      (q) =>
        q
          .select([
            'id',
            'ref',
            'registration_no',
            'applicant_type',
            'channel',
            'received_on',
            'decided_on',
            'outcome',
            'state',
          ])
          .orderBy('received_on')
          .orderBy('id'),
      page,
    );
    const records = rows.map(
      (r): CellRecord => ({
        type: 'request',
        id: r.id,
        label: r.registration_no ?? r.ref ?? `#${r.id}`,
        date: isOutcomeRow(source.row) ? r.decided_on : r.received_on,
        fields: {
          applicantType: r.applicant_type,
          channel: r.channel,
          receivedOn: r.received_on,
          decidedOn: r.decided_on,
          outcome: r.outcome,
          state: r.state,
        },
        link: `${base}/requests/${r.id}`,
      }),
    );
    return { total, records };
  }
  if (source.kind === 'reviews') {
    const query = db.kysely
      .selectFrom('review_cases')
      .where('agency_id', '=', agency.id)
      .where((eb) => reviewWhere(eb, year, source));
    const { total, rows } = await paged(
      query,
      (q) =>
        q
          .select(['id', 'grp', 'request_id', 'filed_on', 'decided_on', 'result'])
          .orderBy('filed_on')
          .orderBy('id'),
      page,
    );
    const records = rows.map(
      (r): CellRecord => ({
        type: 'review_case',
        id: r.id,
        label: `#${r.id}`,
        date: r.filed_on,
        fields: {
          group: r.grp,
          requestId: r.request_id,
          filedOn: r.filed_on,
          decidedOn: r.decided_on,
          result: r.result,
        },
        link: r.request_id === null ? null : `${base}/requests/${r.request_id}`,
      }),
    );
    return { total, records };
  }
  const query = db.kysely
    .selectFrom('publications')
    .where('agency_id', '=', agency.id)
    .where((eb) => publicationWhere(eb, year, source));
  const { total, rows } = await paged(
    query,
    (q) =>
      q
        .select(['id', 'ref', 'title', 'channel', 'category', 'published_on', 'item_id', 'link'])
        .orderBy('published_on')
        .orderBy('id'),
    page,
  );
  const records = rows.map(
    (r): CellRecord => ({
      type: 'publication',
      id: r.id,
      label: r.title,
      date: r.published_on,
      fields: {
        ref: r.ref,
        channel: r.channel,
        category: r.category,
        publishedOn: r.published_on,
        url: r.link,
      },
      link: r.item_id === null ? null : `${base}/items/${r.item_id}`,
    }),
  );
  return { total, records };
}
