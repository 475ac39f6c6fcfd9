/**
 * A suggested mapping of a 标准目录 entry to the site's columns (docs/catalog.md): the words of its
 * 领域, 一级事项 and 二级事项 against each column's name, as the search index cuts them (jieba terms,
 * passed in: the domain does no segmentation itself). Words every column and entry share (信息, 公开,
 * 政府…) are not evidence. The user confirms; nothing is mapped on its own.
 */

/** Words too common in catalogues and column names to tell columns apart. */
const COMMON: ReadonlySet<string> = new Set([
  '信息',
  '公开',
  '政府',
  '工作',
  '情况',
  '相关',
  '事项',
  '管理',
  '其他',
  '有关',
  '方面',
  '及其',
  '以及',
]);

export interface ColumnChoice {
  /** `category:a20.7`, `column:gkzd` */
  key: string;
  name: string;
}

export interface ColumnSuggestion extends ColumnChoice {
  /** the shared words */
  words: string[];
}

/** Up to `limit` columns whose names share words with the entry's 领域, 一级 and 二级事项, best first. */
export function suggestColumns(
  entry: { domain: string; level1: string; level2: string },
  columns: readonly ColumnChoice[],
  terms: (text: string) => string[],
  limit = 3,
): ColumnSuggestion[] {
  const wanted = new Set(
    terms(`${entry.domain} ${entry.level1} ${entry.level2}`).filter((t) => t.length > 1 && !COMMON.has(t)),
  );
  if (wanted.size === 0) return [];
  return columns
    .map((column, index) => {
      const words = [...new Set(terms(column.name))].filter((t) => wanted.has(t));
      return { ...column, words, index };
    })
    .filter((c) => c.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length || a.index - b.index)
    .slice(0, limit)
    .map(({ index: _, ...c }) => c);
}
