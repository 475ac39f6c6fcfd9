/**
 * What the portal's search finds besides items (主动公开 items have the full-text index): the
 * pages every agency has — its 政府信息公开指南 and 政府信息公开制度, found by their own words (the
 * text of the page as rendered) — its published annual reports (by year, agency and 年度报告), a
 * normative document by its exact 文号 however its brackets were typed, and an item by its exact
 * 索引号. They are few (a handful per agency), so they are matched here, on either database.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { DOC_NUMBER_BRACKETS, docNumberIn, indexNumberIn } from '../../search/exact-numbers.ts';
import { type ParsedQuery, parseQuery } from '../../search/query.ts';
import { groupsIn } from '../../search/relevance.ts';
import type { AgencySummary } from '../../server/queries/agencies.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import { urls } from '../views/parts.ts';

export type PageKind = 'index_no' | 'normative' | 'report' | 'guide' | 'rules';

/** A page found: what it is, its title and where it is. */
export interface PageHit {
  kind: PageKind;
  title: string;
  href: string;
  /** a line under the title: the 文号 and status, the 索引号, the year */
  note: string;
}

export interface PageFilters {
  agency?: string;
  year?: string;
  /** an item filter (category, document type, validity) is set: only exact numbers are found */
  itemsOnly: boolean;
}

/** The text of a rendered page's <main>, tags dropped. */
export function mainText(page: string): string {
  const start = page.indexOf('<main');
  const end = page.indexOf('</main>');
  const main = start >= 0 && end > start ? page.slice(start, end) : page;
  return main
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/\s+/g, ' ');
}

/** How a page's words are rendered: given by the route (the portal's own views). */
export interface PageTexts {
  guide(agency: AgencyProfile): Promise<string>;
  rules(agency: AgencyProfile): Promise<string>;
}

/** The pages matching `text`, exact numbers first; `profiles` gives an agency's profile by code. */
export async function findPages(
  db: Db,
  text: string,
  filters: PageFilters,
  agencies: AgencySummary[],
  profile: (code: string) => Promise<AgencyProfile | null>,
  texts: PageTexts,
): Promise<PageHit[]> {
  const chosen = agencies.filter((a) => !filters.agency || a.code === filters.agency);
  const exact = [
    ...(await byIndexNumber(db, text, chosen)),
    ...(await byDocNumber(db, text, chosen, filters.year)),
  ];
  if (exact.length > 0 || filters.itemsOnly) return exact;
  const parsed = parseQuery(text);
  if (parsed.groups.length === 0) return [];
  const holdsAll = everyGroup(parsed);
  const found: PageHit[] = [];
  for (const agency of chosen) {
    for (const year of agency.reportYears) {
      if (filters.year && String(year) !== filters.year) continue;
      const title = `${agency.name}${year}年政府信息公开工作年度报告`;
      if (holdsAll(`${title} ${year}年度 年报`))
        found.push({
          kind: 'report',
          title,
          href: `/agencies/${agency.code}/reports/${year}`,
          note: `${year}年度`,
        });
    }
    if (filters.year) continue;
    const p = await profile(agency.code);
    if (!p) continue;
    const guide = `${agency.name}政府信息公开指南`;
    if (holdsAll(`${guide} ${await texts.guide(p)}`))
      found.push({ kind: 'guide', title: guide, href: urls.guide(agency.code), note: '公开指南' });
    const rules = `${agency.name}政府信息公开制度`;
    if (holdsAll(`${rules} ${await texts.rules(p)}`))
      found.push({ kind: 'rules', title: rules, href: urls.rules(agency.code), note: '公开制度' });
  }
  return found;
}

function everyGroup(parsed: ParsedQuery) {
  const count = groupsIn(parsed);
  return (text: string): boolean => count(text) === parsed.groups.length;
}

/** The published item with this 索引号 (one agency's index, read through items_agency_index_no). */
async function byIndexNumber(db: Db, text: string, agencies: AgencySummary[]): Promise<PageHit[]> {
  const number = indexNumberIn(text);
  if (!number || agencies.length === 0) return [];
  const rows = await db.kysely
    .selectFrom('items')
    .innerJoin('agencies', 'agencies.id', 'items.agency_id')
    .select(['items.id', 'items.title', 'items.index_no', 'agencies.code'])
    .where(
      'agencies.code',
      'in',
      agencies.map((a) => a.code),
    )
    .where('items.index_no', '=', number)
    .where('items.status', '=', 'published')
    .execute();
  return rows.map((r) => ({
    kind: 'index_no' as const,
    title: r.title,
    href: urls.item(r.code, Number(r.id)),
    note: `索引号：${r.index_no}`,
  }));
}

const STATUS_LABELS: Record<string, string> = { in_force: '现行有效', amended: '已修改', repealed: '已废止' };

/** Normative documents whose 文号, brackets made 〔〕, is the one typed. */
async function byDocNumber(
  db: Db,
  text: string,
  agencies: AgencySummary[],
  year: string | undefined,
): Promise<PageHit[]> {
  const number = docNumberIn(text);
  if (!number || agencies.length === 0) return [];
  if (year && !number.includes(`〔${year}〕`)) return [];
  // the stored 文号 with its brackets made 〔〕 the same way (SQL replace on both databases)
  let stored = sql<string>`n.doc_number`;
  for (const [from, to] of DOC_NUMBER_BRACKETS) stored = sql<string>`replace(${stored}, ${from}, ${to})`;
  const rows = await db.kysely
    .selectFrom('normative_documents as n')
    .innerJoin('agencies as a', 'a.id', 'n.agency_id')
    .leftJoin('items as i', (join) => join.onRef('i.id', '=', 'n.item_id').on('i.status', '=', 'published'))
    .select(['n.title', 'n.doc_number', 'n.status', 'n.version', 'a.code', 'i.id as item_id'])
    .where(
      'a.code',
      'in',
      agencies.map((a) => a.code),
    )
    .where(stored, '=', number)
    .orderBy('n.version', 'desc')
    .execute();
  return rows.map((r) => ({
    kind: 'normative' as const,
    title: r.title,
    href: r.item_id === null ? urls.normative(r.code) : urls.item(r.code, Number(r.item_id)),
    note: `${r.doc_number}　${STATUS_LABELS[r.status] ?? ''}`,
  }));
}
