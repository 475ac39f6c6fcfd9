/**
 * The 标准目录 as one JSON shape (contract/catalog.ts), the API's and `gongkai catalog`'s: each entry
 * with its rule in Chinese, its columns by name, today's check and, while it has no columns, the
 * columns suggested from its words (the search index's jieba terms).
 */
import type { CatalogEntry } from '../../contract/catalog.ts';
import type { StoredCatalogEntry } from '../../db/queries/catalog.ts';
import { checkable, describeDeadline } from '../../domain/catalog/deadline.ts';
import { AUDIENCE_LABELS, entryTitle, MANNER_LABELS } from '../../domain/catalog/entry.ts';
import { ENTRY_CHECK_LABELS, type EntryCheck } from '../../domain/catalog/lapse.ts';
import { type ColumnChoice, suggestColumns } from '../../domain/catalog/mapping.ts';
import { segmentWords } from '../../search/segment.ts';

/** The search index's terms of a text (jieba words, bigrams of the longer ones). */
export function catalogTerms(text: string): string[] {
  return segmentWords(text).flatMap((w) => (w.kind === 'han' ? [w.text, ...w.terms] : []));
}

const UNCHECKED: EntryCheck = {
  state: 'unchecked',
  periodStart: null,
  dueOn: null,
  daysLeft: null,
  lastPublishedOn: null,
};

export function catalogEntryJson(
  entry: StoredCatalogEntry,
  columns: readonly ColumnChoice[],
  check: EntryCheck | undefined,
): CatalogEntry {
  const name = new Map(columns.map((c) => [c.key, c.name]));
  const state = check ?? UNCHECKED;
  return {
    id: entry.id,
    version: entry.version,
    seq: entry.seq,
    domain: entry.domain,
    level1: entry.level1,
    level2: entry.level2,
    title: entryTitle(entry),
    content: entry.content,
    basis: entry.basis,
    deadline: entry.deadline,
    rule: entry.rule,
    ruleLabel: describeDeadline(entry.rule),
    checkable: checkable(entry.rule),
    subject: entry.subject,
    channels: entry.channels,
    audience: entry.audience,
    audienceLabel: entry.audience.map((a) => AUDIENCE_LABELS[a]).join('、'),
    manner: entry.manner,
    mannerLabel: entry.manner.map((m) => MANNER_LABELS[m]).join('、'),
    levels: entry.levels,
    columns: entry.columns.map((key) => ({ key, name: name.get(key) ?? key })),
    suggestions: entry.columns.length === 0 ? suggestColumns(entry, columns, catalogTerms) : [],
    check: { ...state, stateLabel: ENTRY_CHECK_LABELS[state.state] },
    updatedAt: entry.updatedAt,
  };
}
