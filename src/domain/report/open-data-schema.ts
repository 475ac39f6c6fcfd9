/**
 * The JSON Schema (draft 2020-12) of an open-data record (open-data.ts) in one format, generated
 * from the format: every cell code a property, titled as the printed table names it
 * (cell-labels.ts), whole numbers ≥ 0 except the format's signed cells, the 万元 cells decimal
 * strings with at most six decimals, and null where a cell is blank, unreadable or not stated.
 * Served at `/api/v1/public/report-schemas/:format.json`; `gongkai check` writes records it validates.
 */
import { cellLabel } from './cell-labels.ts';
import type { FormatId } from './format.ts';
import { formatById } from './formats/registry.ts';
import { openDataSchemaUrl } from './open-data.ts';

/** A JSON Schema document, as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** 万元 as printed: digits, then at most six decimals (24252.311082 万元 is 242,523,110.82 元). */
export const WAN_PATTERN = '^(0|[1-9][0-9]*)(\\.[0-9]{1,6})?$';

const FORMAT_NAMES: Record<FormatId, string> = {
  '2021': '2021年版格式（国办公开办函〔2021〕30号）',
  '2019': '2019年试行格式（国办公开办函〔2019〕60号）',
};

/** What null means in a cell: the format lets staff leave it unstated, or the file could not be read. */
function nullMeaning(optional: boolean): string {
  const unread = '从报告文件读取时原文空白或无法识读';
  return optional ? `null：本机关未填报（本格式允许不填），或${unread}` : `null：${unread}`;
}

/** The schema of one cell of a format. */
export function cellSchema(formatId: FormatId, code: string): JsonSchema {
  const format = formatById(formatId);
  const title = cellLabel(format, code);
  const nullable = nullMeaning(format.optionalCells.includes(code));
  if (format.decimalCells.includes(code))
    return {
      title,
      description: `单位：万元，十进制数字写成的字符串，至多六位小数（如 "0.3501"）；${nullable}。`,
      type: ['string', 'null'],
      pattern: WAN_PATTERN,
    };
  if (format.signedCells.includes(code))
    return { title, description: `整数，可为负数（减少）；${nullable}。`, type: ['integer', 'null'] };
  return { title, description: `不小于 0 的整数；${nullable}。`, type: ['integer', 'null'], minimum: 0 };
}

/**
 * The JSON Schema of a format's open-data record; `$id` is the schema's URL (with the site's
 * origin when given), which carries the format id and which every record names in `schema`.
 */
export function openDataSchema(formatId: FormatId, origin = ''): JsonSchema {
  const format = formatById(formatId);
  const cells = Object.fromEntries(format.cellCodes.map((code) => [code, cellSchema(formatId, code)]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: openDataSchemaUrl(formatId, origin),
    title: `政府信息公开工作年度报告开放数据：${FORMAT_NAMES[formatId]}`,
    description: `一份年度报告的统计表（表二、表三、表四）按单元格代码逐项列出，依据${format.citation}。`,
    type: 'object',
    required: ['schema', 'format', 'agency', 'year', 'version', 'publishedOn', 'cells'],
    additionalProperties: false,
    properties: {
      schema: { type: 'string', description: '本 JSON Schema 的地址' },
      format: { const: formatId, description: '报告格式：2021 或 2019（试行）' },
      agency: {
        type: 'object',
        required: ['code', 'name'],
        additionalProperties: false,
        properties: {
          code: { type: ['string', 'null'], description: '机关在本平台的代码；从报告文件读取时为 null' },
          name: { type: 'string', minLength: 1, description: '机关名称（报告所载）' },
          level: { type: ['string', 'null'], description: '机关层级（如省级、市级、县级），未知为 null' },
        },
      },
      year: { type: 'integer', minimum: 1000, maximum: 9999, description: '报告年度' },
      version: {
        type: ['integer', 'null'],
        minimum: 1,
        description: '发布版本号（更正后递增）；从报告文件读取时为 null',
      },
      publishedOn: {
        type: ['string', 'null'],
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        description: '本版本的发布日期（YYYY-MM-DD）；未知为 null',
      },
      cells: {
        type: 'object',
        description: '单元格代码 → 数值，顺序与格式一致',
        required: [...format.cellCodes],
        additionalProperties: false,
        properties: cells,
      },
    },
  };
}
