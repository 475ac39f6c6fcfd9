/**
 * 政府信息查阅场所 (条例 第二十五条第一款：“各级人民政府应当在国家档案馆、公共图书馆、政务服务场所设置政府信息查阅场所，
 * 并配备相应的设施、设备，为公民、法人和其他组织获取政府信息提供便利。”): the kinds a place can be.
 */
export const READING_POINT_KINDS = ['archives', 'library', 'service_center', 'other'] as const;
export type ReadingPointKind = (typeof READING_POINT_KINDS)[number];

export const READING_POINT_KIND_LABELS: Record<ReadingPointKind, string> = {
  archives: '档案馆',
  library: '图书馆',
  service_center: '政务服务中心',
  other: '其他',
};

/** A kind's label (the code itself when unknown, e.g. a row written by a newer version). */
export function readingPointKindLabel(kind: string): string {
  return READING_POINT_KIND_LABELS[kind as ReadingPointKind] ?? kind;
}
