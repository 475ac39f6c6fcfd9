/**
 * The fixed 100 queries of `npm run bench:search`: two-character words, longer words, mixed
 * Chinese/ASCII, phrases, and queries with filters — what people type into a government site's
 * search box, over the vocabulary of bench/search-corpus.ts (agency ids 1–20, years 2010–2024).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import type { SearchQuery } from '../src/search/types.ts';

export type BenchQuery = Omit<SearchQuery, 'limit' | 'offset'>;

const TWO_CHARACTER = (
  '低保 社保 医保 就业 补贴 养老 住房 教育 消防 防汛 森林 疫苗 食品 药品 燃气 电梯 物业 供暖 扬尘 噪声 ' +
  '招聘 职称 仲裁 宅基 湿地 海域 矿产 预警 公示 解读'
).split(' ');

const LONGER = (
  '城乡低保 就业补贴 安全生产 乡村振兴 营商环境 河长制 林长制 垃圾分类 老旧小区改造 保障性租赁住房 ' +
  '创业担保贷款 高标准农田 双随机一公开 住房公积金 异地就医 最低生活保障 大气污染防治 危险化学品 特种设备 ' +
  '不动产登记 政府信息公开条例 实施细则 管理办法 工作总结 政策解读'
).split(' ');

const MIXED = [
  '2021年 低保',
  '2019年度 就业补贴',
  'GB/T 9704',
  'GB 50016',
  '威临管发〔2021〕',
  '2023年 安全生产',
  '5G基站',
  '0631',
  '2016年 疫情防控',
  '2022年度 财政预算',
  '12月 供暖',
  'GB/T 19001 质量',
  '2020年 高校毕业生就业',
  '威政办发 2018',
  '2024年 乡村振兴',
];

const PHRASES = [
  '"城乡低保"',
  '"就业补贴"',
  '"安全生产许可证"',
  '"政策解读"',
  '"实施方案"',
  '"工作总结"',
  '"资金发放"',
  '"专账管理"',
  '"党政机关公文格式"',
  '"征求意见稿"',
  '"压实工作责任"',
  '"市场主体"',
  '"创业担保贷款"',
  '"河长制"',
  '"住房公积金"',
];

const FILTERED: BenchQuery[] = [
  { text: '低保', agencyId: 3 },
  { text: '安全生产', year: 2021 },
  { text: '就业补贴', category: 'a20.7' },
  { text: '解读', documentType: 'interpretation' },
  { text: '管理办法', validity: 'repealed' },
  { text: '养老服务', agencyId: 7, year: 2019 },
  { text: '疫情防控', year: 2022, validity: 'valid' },
  { text: '政府采购', agencyId: 15 },
  { text: '"实施细则"', documentType: 'policy' },
  { text: '2021年 资金', agencyId: 1 },
  { text: '垃圾分类', category: 'a20.12', year: 2020 },
  { text: '公示', agencyId: 9, validity: 'valid' },
  { text: '医疗保险', year: 2015, documentType: 'policy' },
  { text: 'GB/T 9704', agencyId: 2 },
  { text: '应急预案', validity: 'expired' },
];

/** The 100 queries, in a fixed order. */
export const BENCH_QUERIES: readonly BenchQuery[] = [
  ...TWO_CHARACTER.map((text) => ({ text })),
  ...LONGER.map((text) => ({ text })),
  ...MIXED.map((text) => ({ text })),
  ...PHRASES.map((text) => ({ text })),
  ...FILTERED,
];

/**
 * The same query as a plain scan of the items table: every word (quotes dropped) in the title or
 * the body (`LIKE '%…%'`), the same filters.
 */
export function likeQuery(query: BenchQuery): { where: RawBuilder<unknown> } {
  const words = query.text.replaceAll('"', ' ').split(/\s+/).filter(Boolean);
  const parts: RawBuilder<unknown>[] = words.map(
    (word) => sql`(title like ${`%${word}%`} or body_text like ${`%${word}%`})`,
  );
  if (query.agencyId !== undefined) parts.push(sql`agency_id = ${query.agencyId}`);
  if (query.category !== undefined) parts.push(sql`category = ${query.category}`);
  if (query.year !== undefined) {
    parts.push(sql`published_on between ${`${query.year}-01-01`} and ${`${query.year}-12-31`}`);
  }
  if (query.documentType === 'policy') parts.push(sql`is_policy_document = 1`);
  if (query.documentType === 'interpretation') parts.push(sql`is_interpretation = 1`);
  if (query.validity !== undefined) parts.push(sql`validity = ${query.validity}`);
  return { where: sql.join(parts, sql` and `) };
}

/**
 * How a baseline's LIKE statement reads items. `scan`: every item, as the issue's “LIKE scan” does
 * — since migration 0048 (items_published_newest, the home page's newest items) both planners
 * could instead walk that index backwards and stop at the tenth match (1 ms for a common word at
 * 10,000,000 items, the whole index and a heap fetch per item for a rare one): a different
 * statement, not the scan the targets are set against. `trigram`: through pg_trgm's GIN indexes,
 * the index a PostgreSQL user would try first, not that walk either.
 */
export type LikePath = 'scan' | 'trigram';

/** The LIKE statement of query `i`: the ten newest published items matching it. */
export function likeStatement(i: number, notIndexed = false): RawBuilder<{ id: number; title: string }> {
  const { where } = likeQuery(BENCH_QUERIES[i]);
  // SQLite's own way to read a table without its indexes
  const items = notIndexed ? sql`items not indexed` : sql`items`;
  return sql`select id, title from ${items} where status = 'published' and ${where}
    order by published_on desc, id desc limit 10`;
}

/** Runs a LIKE statement through `path` (PostgreSQL: the planner's other paths turned off for it); its rows. */
export async function runLike<R>(
  db: Db,
  statement: (notIndexed: boolean) => RawBuilder<R>,
  path: LikePath,
): Promise<R[]> {
  if (db.dialect === 'sqlite') return (await statement(path === 'scan').execute(db.kysely)).rows;
  return db.kysely.transaction().execute(async (trx) => {
    await sql`set local enable_indexscan = off`.execute(trx);
    await sql`set local enable_indexonlyscan = off`.execute(trx);
    if (path === 'scan') await sql`set local enable_bitmapscan = off`.execute(trx);
    return (await statement(false).execute(trx)).rows;
  });
}

/** The LIKE statements of `indices`, timed one pass each (ms), `onDone(n)` after the n-th. */
export async function timeLikeQueries(
  db: Db,
  indices: readonly number[],
  path: LikePath,
  onDone: (n: number) => void,
): Promise<number[]> {
  const ms: number[] = [];
  for (const [n, i] of indices.entries()) {
    const start = performance.now();
    await runLike(db, (notIndexed) => likeStatement(i, notIndexed), path);
    ms.push(performance.now() - start);
    onDone(n + 1);
  }
  return ms;
}
