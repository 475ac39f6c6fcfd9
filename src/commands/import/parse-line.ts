import { type ImportLine, LINE_SCHEMAS, type LineType } from './line-schemas.ts';

export type ParsedLine = { ok: true; record: ImportLine } | { ok: false; reason: string };

/** Cross-field rules a schema cannot say alone. Returns the reason, or null. */
function crossFieldProblem(record: ImportLine): string | null {
  switch (record.type) {
    case 'publication':
      if (record.published < record.formed) return '发布日期 published 早于成文日期 formed';
      if (record.interprets && !record.interpretation)
        return '有 interprets 的记录应同时写 "interpretation": true';
      return null;
    case 'normative_document':
      if (record.repealed && record.repealed < record.issued) return '废止日期 repealed 早于制发日期 issued';
      return null;
    case 'request':
      if ((record.decided === null) !== (record.outcome === null)) {
        return '已办结的申请须同时有 decided 和 outcome；未办结的两者都写 null';
      }
      if (record.decided && record.decided < record.received) return '办结日期 decided 早于收到日期 received';
      return null;
    case 'review_case':
      if ((record.decided === null) !== (record.result === null)) {
        return '已审结的案件须同时有 decided 和 result；尚未审结的两者都写 null';
      }
      if (record.decided && record.decided < record.filed) return '审结日期 decided 早于立案日期 filed';
      return null;
    default:
      return null;
  }
}

/** One line of an import file: JSON, a known `type`, every field known and valid. */
export function parseLine(text: string): ParsedLine {
  let value: unknown;
  try {
    // a file saved with a UTF-8 byte-order mark (Windows editors do) starts with U+FEFF
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return { ok: false, reason: '不是有效的 JSON，请每行写一个 JSON 对象' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: '应为一个 JSON 对象' };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(LINE_SCHEMAS, type)) {
    return { ok: false, reason: `字段 type 应为以下之一：${Object.keys(LINE_SCHEMAS).join('、')}` };
  }
  const result = LINE_SCHEMAS[type as LineType].safeParse(value);
  if (!result.success) return { ok: false, reason: result.error.issues.map((i) => i.message).join('；') };
  const record = result.data as ImportLine;
  const problem = crossFieldProblem(record);
  return problem ? { ok: false, reason: problem } : { ok: true, record };
}
