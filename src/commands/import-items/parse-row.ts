/**
 * One row of an item import → a validated published item, or every problem of the row, each
 * naming its column. Pure (today is passed in); the checks of the item's fields are the items
 * workflow's own (`itemFieldProblems`), so an imported item obeys the rules of a drafted one.
 */
import type { StatutoryCategory } from '../../domain/items/categories.ts';
import { type ItemFields, itemFieldProblems } from '../../domain/items/fields.ts';
import { type ColumnKey, chineseName, ITEM_COLUMNS, type KeyedRow } from './columns.ts';
import {
  categoryOf,
  dateOf,
  flagOf,
  isBlank,
  type Parsed,
  type Posting,
  postingsOf,
  textOf,
  validityOf,
} from './values.ts';

/** A row as the writer takes it. */
export interface ImportedItem {
  /** the agency's code, when the row names one (else the import's --agency) */
  agency: string | null;
  /** the row's own key, for interpretations to point at */
  ref: string | null;
  fields: ItemFields;
  publishedOn: string;
  postings: Posting[];
  /** the ref (in this file) or 索引号 (already published) of the policy document it interprets */
  interprets: string | null;
}

export type ParsedRow = { ok: true; item: ImportedItem } | { ok: false; problems: string[] };

/** Which field of the items workflow each column feeds (to name the column in its messages). */
const FIELD_COLUMNS: Record<string, ColumnKey> = {
  title: 'title',
  bodyHtml: 'body',
  category: 'category',
  formedOn: 'formedOn',
  validity: 'validity',
  isInterpretation: 'interpretation',
};

/** Parses and checks one row; `noun` is 列 (CSV, XLSX) or 字段 (JSON Lines). */
export function parseItemRow(row: KeyedRow, today: string, noun: '列' | '字段' = '列'): ParsedRow {
  const problems: string[] = [];
  const fallback = (key: ColumnKey) => (noun === '列' ? chineseName(key) : ITEM_COLUMNS[key][0]);
  const name = (key: ColumnKey) => `${noun}“${row.labels[key] ?? fallback(key)}”`;
  function take<T>(key: ColumnKey, parse: (value: unknown) => Parsed<T>, fallback: T): T {
    const parsed = parse(row.values[key]);
    if (parsed.ok) return parsed.value;
    problems.push(`${name(key)}${parsed.reason}`);
    return fallback;
  }
  const text = (key: ColumnKey, max: number) => take(key, (v) => textOf(v, max), '');
  const flag = (key: ColumnKey) => take(key, flagOf, false);

  if (isBlank(row.values.title)) problems.push(`${name('title')}不能为空`);
  const fields: ItemFields = {
    title: text('title', 500),
    bodyHtml: text('body', 2_000_000),
    category: take<StatutoryCategory>('category', categoryOf, 'other'),
    columnCode: text('column', 32) || null,
    issuer: text('issuer', 200),
    docNumber: text('docNumber', 200) || null,
    formedOn: take('formedOn', dateOf, ''),
    validity: take('validity', validityOf, 'valid'),
    subject: text('subject', 200),
    isPolicyDocument: flag('policy'),
    isInterpretation: flag('interpretation'),
    isMeeting: flag('meeting'),
    isOnlineInterview: flag('onlineInterview'),
  };
  const publishedOn = take('publishedOn', dateOf, '');
  const postings = take('postings', postingsOf, []);
  const interprets = text('interprets', 200) || null;
  const item: ImportedItem = {
    agency: text('agency', 64) || null,
    ref: text('ref', 128) || null,
    fields,
    publishedOn,
    postings,
    interprets,
  };
  if (problems.length > 0) return { ok: false, problems };

  for (const p of itemFieldProblems(fields, today)) {
    if (p.field === 'title' && fields.title === '') continue;
    const key = FIELD_COLUMNS[p.field];
    problems.push(key ? `${name(key)}：${p.message}` : p.message);
  }
  if (publishedOn > today) problems.push(`${name('publishedOn')}：发布日期 ${publishedOn} 不能晚于今天`);
  if (publishedOn < fields.formedOn)
    problems.push(`${name('publishedOn')}：发布日期 ${publishedOn} 早于成文日期 ${fields.formedOn}`);
  if (interprets && !fields.isInterpretation)
    problems.push(`${name('interprets')}：有解读对象的信息应同时在${name('interpretation')}填“是”`);
  for (const p of postings) {
    const day = p.postedOn ?? publishedOn;
    if (day < fields.formedOn || day > today)
      problems.push(`${name('postings')}：渠道 ${p.channel} 的发布日期 ${day} 应在成文日期之后、不晚于今天`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, item };
}
