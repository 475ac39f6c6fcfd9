/**
 * The province `npm run bench:supervision` measures (bench/supervision.ts): a 4-level agency tree (1
 * province → cities → counties → departments and 乡镇), website items and their publications over
 * 2024-01-01 … TODAY, disclosure requests with outcomes, closure and due days, 复议/诉讼 on some,
 * annual reports in mixed states, 网站自查 history, 督办 and 政务新媒体 accounts — in the project's own
 * tables, migrated by the project's migrator.
 *
 * Set-based: each big table is one INSERT … SELECT over a series (generate_series on PostgreSQL, a
 * recursive CTE on SQLite) with pseudo-random columns from multiplicative hashes of the row number,
 * rows in agency order, with the table's secondary indexes dropped before and built again after
 * (their definitions read from the catalogue, so they are the migrations' own), foreign-key checks
 * off while loading (the rows are consistent by construction), then VACUUM ANALYZE / ANALYZE.
 */
import { type Kysely, sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import type { Database } from '../src/db/schema.ts';
import { DEFAULT_PUBLICATION_CHANNELS, OUTCOMES } from '../src/domain/report/vocabulary.ts';
import { addUser } from '../test/accounts.ts';

/** The day the bench stands on (a Monday): the 工作台's “now”, the inspection's day. */
export const TODAY = '2026-03-16';
/** The year the 工作台 and the statistics are asked for: its reports are due in the weeks before TODAY. */
export const YEAR = 2025;
export const START = '2024-01-01';
export const SUPERVISOR = { username: 'bench-sup', password: 'bench-supervision-2026' };

export interface Sizes {
  agencies: number;
  publications: number;
  requests: number;
}

export interface BenchAgency {
  code: string;
  name: string;
  parent: string | null;
  kind: string;
  level: string;
}

const SPAN = Math.round((Date.parse(TODAY) - Date.parse(START)) / 86_400_000); // days before TODAY

/** The tree: 1 province, ~16 cities and ~120 counties per 2,000 agencies, the rest departments and 乡镇. */
export function agencyTree(total: number): BenchAgency[] {
  const cities = Math.max(1, Math.round((total * 16) / 2000));
  const counties = Math.max(cities, Math.round((total * 120) / 2000));
  const list: BenchAgency[] = [
    { code: 'sheng', name: '某省人民政府办公厅', parent: null, kind: 'government', level: 'province' },
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let c = 1; c <= cities; c++)
    list.push({
      ...{ code: `c${pad(c)}`, name: `第${c}市人民政府办公室`, parent: 'sheng' },
      ...{ kind: 'government', level: 'city' },
    });
  for (let k = 0; k < counties; k++) {
    const city = `c${pad((k % cities) + 1)}`;
    const n = Math.floor(k / cities) + 1;
    list.push({
      ...{ code: `${city}-x${pad(n)}`, name: `${city}第${n}县人民政府办公室`, parent: city },
      ...{ kind: 'government', level: 'county' },
    });
  }
  const parents = list.map((a) => a.code);
  const leaves = total - list.length;
  for (let i = 0; i < leaves; i++) {
    // a tenth under the province, a fifth under the cities, the rest under the counties
    const r = i % 10;
    const parent =
      r === 0
        ? 'sheng'
        : r <= 2
          ? (parents[1 + (i % cities)] as string)
          : (parents[1 + cities + (i % counties)] as string);
    const township = parent.includes('-x') && i % 3 === 0;
    list.push({
      ...{ code: `${parent}-d${String(i).padStart(4, '0')}`, parent },
      ...(township
        ? { name: `${parent}第${i}镇人民政府`, kind: 'township', level: 'township' }
        : { name: `${parent}第${i}局`, kind: 'department', level: 'department' }),
    });
  }
  return list;
}

/** The dialect's pieces of the generating SQL. */
interface Dialect {
  pg: boolean;
  /** `with` prefix and `from` of the series 1…n (bigint) named g(n) */
  series(n: number): { with: string; from: string };
  /** the ISO day `offset` days after `base` (an ISO date or a column holding one) */
  day(base: string, offset: string): string;
}

export const dialects: Record<'pg' | 'sqlite', Dialect> = {
  pg: {
    pg: true,
    series: (n) => ({ with: '', from: `generate_series(1::bigint, ${n}::bigint) as g(n)` }),
    day: (base, offset) => `to_char(${base}::date + (${offset})::int, 'YYYY-MM-DD')`,
  },
  sqlite: {
    pg: false,
    series: (n) => ({
      with: `with recursive g(n) as (select 1 union all select n + 1 from g where n < ${n})`,
      from: 'g',
    }),
    day: (base, offset) => `date(${base}, (${offset}) || ' days')`,
  },
};

/** A pseudo-random 0 … m-1 from the row number (a multiplicative hash, one prime per use). */
const mix = (expr: string, prime: number, m: number) => `(((${expr}) * ${prime}) % 1000003 % ${m})`;
const lit = (date: string) => `'${date}'`;

/** A CASE picking from weighted choices by a 0…99 bucket. */
function weighted(bucket: string, choices: ReadonlyArray<readonly [string, number]>): string {
  let edge = 0;
  const arms = choices.map(([value, weight]) => {
    edge += weight;
    return `when ${bucket} < ${edge} then '${value}'`;
  });
  return `case ${arms.join(' ')} else '${choices[choices.length - 1]?.[0]}' end`;
}

type K = Kysely<Database>;
const run = (db: K, text: string) => sql.raw(text).execute(db);

/** The secondary indexes of the tables, dropped; a function that builds them again (also bench/scale-data.ts). */
export async function dropIndexes(db: K, d: Dialect, tables: string[]): Promise<() => Promise<void>> {
  const list = tables.map((t) => `'${t}'`).join(', ');
  const found = d.pg
    ? await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
        where schemaname = current_schema() and tablename in (${sql.raw(list)})
        and indexname not in (select conname from pg_constraint)`.execute(db)
    : await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
        where type = 'index' and tbl_name in (${sql.raw(list)}) and sql is not null`.execute(db);
  for (const index of found.rows) await run(db, `drop index ${index.name}`);
  return async () => {
    for (const index of found.rows) await run(db, index.def);
  };
}

/** Fills an empty, migrated database on one connection (its session settings); prints each step's time. */
export async function generate(db: Db, sizes: Sizes, log: (line: string) => void): Promise<void> {
  const d = db.dialect === 'postgres' ? dialects.pg : dialects.sqlite;
  const tree = agencyTree(sizes.agencies);
  await db.kysely.connection().execute(async (k) => {
    const step = async (name: string, work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    await step(`${tree.length} agencies, channels, columns`, () => agencies(k, tree));
    const ids = await k.selectFrom('agencies').select('id').orderBy('id').execute();
    const first = Number(ids[0]?.id);
    if (ids.some((a, i) => Number(a.id) !== first + i)) throw new Error('agency ids are not contiguous');
    const A = ids.length;
    if (d.pg) {
      await run(k, 'set session_replication_role = replica');
      await run(k, "set maintenance_work_mem = '1GB'");
      await run(k, "set synchronous_commit = 'off'");
    } else await run(k, 'pragma foreign_keys = off');
    const rebuild = await dropIndexes(k, d, ['items', 'publications', 'requests']);
    const items = Math.max(A, Math.round(sizes.publications / 1.15));
    await step(`${items} items`, () => insertItems(k, d, items, A, first));
    await step(`${sizes.publications} publications`, () => insertPublications(k, items, sizes.publications));
    await step(`${sizes.requests} requests, 复议/诉讼`, () => insertRequests(k, d, sizes.requests, A, first));
    await step('indexes', rebuild);
    await step('reports, 网站自查 history, 督办, 政务新媒体', () => oversight(k, d, A, first));
    if (d.pg) {
      await run(k, 'set session_replication_role = origin');
      for (const table of ['items', 'requests'])
        await run(
          k,
          `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
        );
      await step('vacuum analyze', () => run(k, 'vacuum analyze'));
    } else {
      await run(k, 'pragma foreign_keys = on');
      await step('analyze', () => run(k, 'analyze'));
    }
  });
  const province = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', 'sheng')
    .executeTakeFirstOrThrow();
  await addUser(db, { ...SUPERVISOR, agencyId: Number(province.id), roles: ['supervisor'] });
}

async function agencies(db: K, tree: BenchAgency[]): Promise<void> {
  const idOf = new Map<string, number>();
  for (const a of tree) {
    const row = await db
      .insertInto('agencies')
      .values({
        ...{ code: a.code, name: a.name, short_name: a.name, kind: a.kind, level: a.level },
        ...{ parent_id: a.parent === null ? null : (idOf.get(a.parent) ?? null) },
        ...{ address: '', postcode: '', phone: '', website: '', website_name: '', office: '' },
        ...{ created_at: '2023-12-01T00:00:00Z', review_body: '某省人民政府', court: '某市中级人民法院' },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    idOf.set(a.code, Number(row.id));
  }
  const ids = [...idOf.values()];
  for (let i = 0; i < ids.length; i += 100) {
    const some = ids.slice(i, i + 100);
    await db
      .insertInto('agency_channels')
      .values(
        some.flatMap((id) =>
          DEFAULT_PUBLICATION_CHANNELS.map((c, sort) => ({
            agency_id: id,
            code: c.code,
            name: c.name,
            sort,
          })),
        ),
      )
      .execute();
    await db
      .insertInto('agency_columns')
      .values(
        some.flatMap((id) => [
          { agency_id: id, code: 'gzdt', name: '工作动态', category: 'other', sort: 1 },
          { agency_id: id, code: 'tzgg', name: '通知公告', category: 'other', sort: 2 },
          { agency_id: id, code: 'zcjd', name: '政策解读', category: 'a20.1', sort: 3 },
        ]),
      )
      .execute();
    const at = { updated_at: '2024-01-02T00:00:00Z', updated_by: 'bench' };
    await db
      .insertInto('column_settings')
      .values(
        some.flatMap((id) => [
          { agency_id: id, scope: 'column', code: 'gzdt', column_class: 'news', frequency_days: null, ...at },
          {
            agency_id: id,
            scope: 'column',
            code: 'tzgg',
            column_class: 'notice',
            frequency_days: null,
            ...at,
          },
          {
            agency_id: id,
            scope: 'category',
            code: 'a20.2',
            column_class: 'other',
            frequency_days: 90,
            ...at,
          },
        ]),
      )
      .execute();
  }
}

const CATEGORIES = ['a20.1', 'a20.2', 'a20.3', 'a20.4', 'a20.5', 'a20.6', 'a20.7', 'a20.8']
  .concat(['a20.9', 'a20.10', 'a20.11', 'a20.12', 'a20.13', 'a20.14', 'a20.15', 'other'])
  .map((c) => `'${c}'`);

/**
 * Items (id = row number, in agency order): 97% published, the rest drafts and withdrawn; each
 * 20th a 规范性文件 and most 20th+1 its 解读; a third in 工作动态, a tenth in 通知公告; every ninth
 * agency stopped publishing three weeks before TODAY; 乡镇-sized agencies use half the categories.
 */
async function insertItems(db: K, d: Dialect, total: number, A: number, first: number): Promise<void> {
  const s = d.series(total);
  const categoryOf = (width: string) =>
    `(case ${mix('n', 7919, 16)} % ${width} ${CATEGORIES.map((c, i) => `when ${i} then ${c}`).join(' ')} end)`;
  await run(
    db,
    `${s.with} insert into items (id, agency_id, index_no, title, body_html, body_text, category, column_code,
       issuer, doc_number, formed_on, published_on, validity, subject, status, is_policy_document,
       is_interpretation, is_meeting, is_online_interview, interprets_item_id, withdrawn_on, version,
       created_at, updated_at, created_by)
     select n, ${first} + a, null, '信息' || n, '<p>正文</p>', '正文',
       case when pol = 1 then 'a20.1' when col = 'zcjd' then 'a20.1' when col is not null then 'other'
         else ${categoryOf(`(case when a % 3 = 2 then 8 else 16 end)`)} end,
       col, '某机关', case when pol = 1 then '某发〔' || n || '〕1号' end,
       ${d.day(lit(START), 'off - lag')}, case when st = 'draft' then null else ${d.day(lit(START), 'off')} end,
       case when pol = 1 and ${mix('n', 31, 10)} = 0 then 'expired' else 'valid' end, '', st, pol,
       case when col = 'zcjd' then 1 else 0 end, case when ${mix('n', 37, 50)} = 0 then 1 else 0 end, 0,
       case when col = 'zcjd' and (n - 2) * ${A} / ${total} = a then n - 1 end,
       case when st = 'withdrawn' then ${d.day(lit(START), 'off + 10')} end, 1,
       '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'bench'
     from (select n, a, lag,
             case when a % 9 = 4 then ${mix('n', 104729, SPAN - 21)} else ${mix('n', 104729, SPAN + 1)} end as off,
             case when n % 20 = 0 then 1 else 0 end as pol,
             case when n % 20 = 1 and ${mix('n', 13, 4)} > 0 then 'zcjd'
               when n % 20 = 0 then null
               when ${mix('n', 17, 10)} < 3 then 'gzdt' when ${mix('n', 17, 10)} = 3 then 'tzgg' end as col,
             ${weighted(mix('n', 23, 100), [
               ['published', 97],
               ['draft', 2],
               ['withdrawn', 1],
             ])} as st
           from (select n, (n - 1) * ${A} / ${total} as a, ${mix('n', 6151, 36)} as lag from ${s.from}) as numbered
          ) as shaped`,
  );
}

/** One website publication per published item (its id), and postings on other channels for some. */
async function insertPublications(db: K, items: number, publications: number): Promise<void> {
  const columns = `agency_id, ref, title, category, channel, formed_on, published_on, is_policy_document,
    is_interpretation, interprets_id, is_meeting, is_online_interview, item_id, link`;
  await run(
    db,
    `insert into publications (${columns})
     select agency_id, null, title, category, 'website', formed_on, published_on, is_policy_document,
       is_interpretation, null, is_meeting, is_online_interview, id, null
     from items where published_on is not null order by id`,
  );
  // postings on other channels for every step-th published item, up to the publications asked for
  const website = await db
    .selectFrom('publications')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  let left = publications - Number(website?.n ?? 0);
  const step = Math.max(2, Math.floor(items / Math.max(left, 1)));
  for (let remainder = 0; remainder < step && left > 0; remainder++) {
    const before = await db
      .selectFrom('publications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    await run(
      db,
      `insert into publications (${columns})
       select agency_id, null, title, category,
         case when id % 3 = 0 then 'wechat' when id % 3 = 1 then 'weibo' else 'douyin' end,
         formed_on, published_on, 0, 0, null, 0, 0, id, 'https://mp.example.cn/' || id
       from items where published_on is not null and id % ${step} = ${remainder} order by id limit ${left}`,
    );
    const after = await db
      .selectFrom('publications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    left -= Number(after?.n ?? 0) - Number(before?.n ?? 0);
  }
}

const OUTCOME_WEIGHTS: ReadonlyArray<readonly [string, number]> = OUTCOMES.map((o) => [
  o,
  o === 'granted' ? 45 : o === 'partial' ? 10 : o === 'unable.not_held' ? 18 : o.startsWith('denied') ? 1 : 2,
]);

/** Requests in agency order over the span: older ones answered (a few still open), recent ones half open. */
async function insertRequests(db: K, d: Dialect, total: number, A: number, first: number): Promise<void> {
  const s = d.series(total);
  const answered = `case when off + lag > ${SPAN} then ${SPAN} else off + lag end`;
  await run(
    db,
    `${s.with} insert into requests (id, agency_id, ref, applicant_type, channel, received_on, decided_on,
       outcome, fee_fen, mixed_items, registration_no, state, due_on, kind, correction_outcome, correction_decided_on)
     select n, ${first} + a, null,
       ${weighted(mix('n', 29, 100), [
         ['natural_person', 85],
         ['business', 8],
         ['research', 2],
         ['social_welfare', 1],
         ['legal_service', 2],
         ['other_org', 2],
       ])},
       ${weighted(mix('n', 41, 100), [
         ['online', 70],
         ['letter', 20],
         ['in_person', 10],
       ])},
       ${d.day(lit(START), 'off')}, case when open = 0 and n % 33 <> 0 then ${d.day(lit(START), answered)} end,
       case when open = 0 and n % 33 <> 0 then ${weighted(mix('n', 43, 100), OUTCOME_WEIGHTS)} end,
       0, 0, 'B' || n, case when open = 1 then 'open' else 'decided' end, ${d.day(lit(START), 'off + 28')},
       case when n % 33 = 0 then 'correction' else 'disclosure' end,
       case when open = 0 and n % 33 = 0 then 'corrected' end,
       case when open = 0 and n % 33 = 0 then ${d.day(lit(START), answered)} end
     from (select n, a, off, ${mix('n', 53, 38)} as lag,
             case when off > ${SPAN - 45} and ${mix('n', 59, 2)} = 0 then 1
               when ${mix('n', 61, 1000)} < 3 then 1 else 0 end as open
           from (select n, (n - 1) * ${A} / ${total} as a, ${mix('n', 104729, SPAN + 1)} as off from ${s.from}) as numbered
          ) as shaped`,
  );
  await run(
    db,
    `insert into review_cases (agency_id, grp, request_id, filed_on, decided_on, result)
     select agency_id, ${weighted('(id % 100)', [
       ['review', 60],
       ['suit_direct', 25],
       ['suit_after_review', 15],
     ])}, id, filed_on, case when filed_on < '${addDays(TODAY, -90)}' then ${d.day('filed_on', '60')} end,
       case when filed_on < '${addDays(TODAY, -90)}' then ${weighted(mix('id', 67, 100), [
         ['upheld', 70],
         ['corrected', 15],
         ['other', 15],
       ])} end
     from (select id, agency_id, ${d.day('decided_on', '20')} as filed_on from requests
           where state = 'decided' and kind = 'disclosure' and id % 40 = 0) as appealed`,
  );
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The year's reports (2024 all published; 2025 a quarter published — some corrected —, a quarter
 * drafts, the rest not started), 30 days of 网站自查 results, 督办 to the leaves, 政务新媒体 accounts.
 */
async function oversight(db: K, d: Dialect, A: number, first: number): Promise<void> {
  const agency = (expr: string) => `(${expr} - ${first})`;
  const versions = (year: number, where: string, version: number, day: string) =>
    run(
      db,
      `insert into annual_report_versions (agency_id, year, version, published_on, reason, note, actor,
         recorded_at, snapshot)
       select id, ${year}, ${version}, '${day}', ${version > 1 ? "'更正'" : 'null'}, null, 'bench',
         '${day}T02:00:00Z', '{}' from agencies where ${where}`,
    );
  await versions(YEAR - 1, '1 = 1', 1, `${YEAR}-01-20`);
  await versions(YEAR, `${agency('id')} % 4 in (0, 3)`, 1, `${YEAR + 1}-01-25`);
  await versions(YEAR, `${agency('id')} % 8 = 3`, 2, `${YEAR + 1}-02-10`);
  await run(
    db,
    `insert into annual_reports (agency_id, year, narrative, published_on, updated_at, version)
     select id, ${YEAR - 1}, null, '${YEAR}-01-20', '${YEAR}-01-20T02:00:00Z', 1 from agencies
     union all
     select id, ${YEAR}, null, case when ${agency('id')} % 4 in (0, 3) then '${YEAR + 1}-01-25' end,
       '${YEAR + 1}-01-20T02:00:00Z', 1 from agencies where ${agency('id')} % 4 <> 2`,
  );
  const days = d.series(30);
  await run(
    db,
    `${days.with} insert into inspection_results (agency_id, day, indicator, value, threshold, state, details, run_at)
     select a.id, ${d.day(lit(TODAY), '-n')}, i.code, 0, 5,
       case when (a.id + n) % 11 = 0 then 'alarm' when a.id % 9 = ${(first + 4) % 9} and i.code = 'columns.stale'
         then 'failed' else 'ok' end, '{}', ${d.day(lit(TODAY), '-n')} || 'T20:00:00Z'
     from agencies a cross join ${days.from}
       cross join (select 'home.stale' as code union all select 'columns.stale' union all select 'columns.lapsed'
         union all select 'columns.blank' union all select 'interpretation.missing'
         union all select 'interpretation.unlinked' union all select 'interpretation.ratio') as i`,
  );
  await run(
    db,
    `insert into reminders (agency_id, from_agency_id, subject, subject_label, message, due_on, state,
       created_by, created_at)
     select id, ${first}, 'general', '', '请按期整改网站栏目更新', '${addDays(TODAY, (A % 5) - 2)}',
       case when id % 3 = 0 then 'answered' when id % 3 = 1 then 'open' else 'closed' end, 'bench-sup',
       '2026-02-01T02:00:00Z'
     from agencies where id % 7 = 0`,
  );
  await run(
    db,
    `insert into new_media_accounts (agency_id, channel_code, platform, name, host_unit, opened_on, state,
       filing_status, manager, created_at, updated_at)
     select a.id, c.code, c.code, a.name || c.label, a.name, '2023-06-01', 'operating', 'filed', '张三',
       '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
     from agencies a cross join (select 'wechat' as code, '微信' as label union all select 'weibo', '微博') as c
     where (c.code = 'wechat' and a.id % 2 = 0) or (c.code = 'weibo' and a.id % 3 = 0)`,
  );
}

/** The agencies' count and the rows of the big tables: what a kept database holds. */
export async function generatedSizes(db: Db): Promise<Sizes | null> {
  const count = async (table: 'agencies' | 'publications' | 'requests') =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const agencies = await count('agencies');
  if (agencies === 0) return null;
  return { agencies, publications: await count('publications'), requests: await count('requests') };
}
