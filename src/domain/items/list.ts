/** What the staff list of items filters and sorts by, with the labels the console shows. */

/** The kinds of document the list filters by (the search index's `document_type`). */
export const ITEM_DOCUMENT_TYPES = ['policy', 'interpretation', 'other'] as const;
export type ItemDocumentType = (typeof ITEM_DOCUMENT_TYPES)[number];

export const ITEM_DOCUMENT_TYPE_LABELS: Record<ItemDocumentType, string> = {
  policy: '政策文件',
  interpretation: '解读材料',
  other: '其他信息',
};

/** The orders of the staff list: 更新时间, 发布日期, 成文日期 (newest first), 标题. */
export const ITEM_SORTS = ['updated', 'published', 'formed', 'title'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export const ITEM_SORT_LABELS: Record<ItemSort, string> = {
  updated: '按更新时间',
  published: '按发布日期',
  formed: '按成文日期',
  title: '按标题',
};
