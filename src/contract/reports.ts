/** Zod schemas of the report editing, publishing and figures routes (they are also the OpenAPI document). */
import { z } from 'zod';
import { FIGURE_FIELDS, type FigureKey, type OptionalFigureKey } from '../domain/report/figures.ts';
import { FORMAT_IDS } from '../domain/report/format.ts';
import { REPORT_YEAR_STATUSES } from '../domain/report/year-status.ts';
import { agencyCode, decimal, errorBody, reportParams } from './common.ts';

/** The error responses of the staff routes. */
export const staffErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

const segmentInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('generated'),
    key: z
      .string()
      .min(1)
      .max(64)
      .describe('the key of a sentence of the generated draft, e.g. requests.summary'),
  }),
  z.object({
    kind: z.literal('staff'),
    text: z.string().max(20_000, { error: '一段文字最长 20000 字' }),
    replaces: z.string().min(1).max(64).optional().describe('the generated sentence this text takes over'),
  }),
]);

const paragraphInput = z.object({
  topic: z.string().min(1, { error: '段落主题不能为空' }).max(40, { error: '段落主题最长 40 字' }),
  title: z
    .string()
    .max(40, { error: '段落标题最长 40 字' })
    .describe('lead-in, e.g. 主动公开 (empty: not numbered)'),
  segments: z.array(segmentInput).max(200),
});

/** New text for some of the narrative sections (一、五、六); those left out keep theirs. */
export const sectionsInput = z
  .object({
    overview: z.array(paragraphInput).max(50).optional(),
    problems: z.array(paragraphInput).max(50).optional(),
    other: z.array(paragraphInput).max(50).optional(),
  })
  .strict();

export const segment = z.object({
  kind: z.enum(['generated', 'staff']),
  key: z.string().optional(),
  text: z.string(),
  replaces: z.string().optional(),
});
export const paragraph = z.object({ topic: z.string(), title: z.string(), segments: z.array(segment) });
export const violation = z.object({
  code: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  cells: z.array(z.string()),
  message: z.string(),
});
export const draftSection = z.object({
  heading: z.string(),
  stored: z.array(paragraph).nullable().describe('what staff saved (null: nothing yet)'),
  generated: z.array(paragraph).describe('the draft generated from the data now'),
  merged: z.array(paragraph).describe('the stored text with the generated sentences merged in'),
  printed: z.array(z.string()).describe('the paragraphs as the report prints them'),
});
const cellValue = z.union([z.number(), z.string()]);

export const draftSchema = z.object({
  agency: z.string(),
  year: z.number().int(),
  version: z.number().int().describe('send back as expectedVersion (0: never saved)'),
  publishedVersion: z.number().int().describe('the latest published version (0: not published)'),
  publishedOn: z.string().nullable(),
  format: z.enum(FORMAT_IDS).describe('the report format the tables are in: “2019” (trial) or “2021”'),
  cells: z.record(z.string(), cellValue).describe('read-only: computed from the records and yearly figures'),
  sections: z.object({ overview: draftSection, problems: draftSection, other: draftSection }),
  violations: z.array(violation),
});

export const validationSchema = z.object({
  violations: z.array(violation),
  printed: z.record(z.string(), z.array(z.string())),
});

export const saveDraftBody = z.object({
  expectedVersion: z
    .number({ error: '请提供版本号（读取草稿时得到的版本号）' })
    .int({ error: '版本号应为整数' })
    .min(0, { error: '版本号不能为负数' }),
  sections: sectionsInput,
});

/** `POST …/reports/:year/validate`: the violations the report would have with this text. */
export const validateDraftBody = z.object({ sections: sectionsInput.default({}) });

/** `POST …/reports/:year/figures/import`: the XLSX template, filled in, as base64. */
export const figuresImportBody = z.object({
  fileName: z.string({ error: '文件名应为文字' }).max(255, { error: '文件名最长 255 个字符' }).optional(),
  contentBase64: z
    .string({ error: '请提供文件内容（XLSX 文件的 base64）' })
    .min(1, { error: '请提供文件内容（XLSX 文件的 base64）' }),
});

/** A figure as entered (a number, or its text; the command checks it), refused in Chinese by its label. */
const figureValue = (key: FigureKey) => {
  const label = FIGURE_FIELDS.find((f) => f.key === key)?.label ?? '年度数据';
  return z
    .union([z.number(), z.string()], { error: `“${label}”应填写数字，没有的填 0` })
    .nullable()
    .optional();
};

/**
 * An amount as entered: text only (“24252.311082”), so that no binary float ever holds it; the
 * command reads it exactly and refuses it in Chinese naming the field and the limit.
 */
const amountValue = (key: FigureKey) => {
  const label = FIGURE_FIELDS.find((f) => f.key === key)?.label ?? '金额';
  return z
    .string({ error: `“${label}”应以文本填写金额（如 "706" 或 "24252.311082"），没有的填 "0"` })
    .nullable()
    .optional();
};

/** A schema per figure only the 2019 format takes (`schemaOf` its key), described by its label and kind. */
function figures2019<T extends z.ZodType>(
  schemaOf: (key: OptionalFigureKey) => T,
): Record<OptionalFigureKey, T> {
  const own = FIGURE_FIELDS.filter((f) => !f.required);
  const what = {
    count: 'whole number ≥ 0',
    signed: 'whole number, negative for a decrease',
    yuan: '元 as text, at most two decimals; kept exactly (分) and printed as entered',
    wan: '万元 as text, at most six decimals; kept exactly (分) and printed as entered',
  };
  return Object.fromEntries(
    own.map((f) => [
      f.key,
      schemaOf(f.key as OptionalFigureKey).describe(
        `${f.label} (${f.cell}, 2019 format only): ${what[f.kind]}`,
      ),
    ]),
  ) as Record<OptionalFigureKey, T>;
}

/**
 * The yearly figures as entered (validated by the command, with a message per field): the four of
 * every year, and for a year in the 2019 format (≤ 2020) its own, each optional (null or blank: not
 * stated); a 2021-format year refuses those.
 */
export const figuresBody = z.object({
  licenseDecisions: figureValue('licenseDecisions'),
  penaltyDecisions: figureValue('penaltyDecisions'),
  enforcementDecisions: figureValue('enforcementDecisions'),
  feesWan: amountValue('feesWan').describe(
    '万元 as text (“706”, “24252.311082”), at most six decimals; kept exactly (分) and printed as entered',
  ),
  ...figures2019((key) => (key === 'procurementAmountYuan' ? amountValue(key) : figureValue(key))),
});

export const figuresSchema = z.object({
  year: z.number().int(),
  figures: z
    .object({
      licenseDecisions: z.number().int(),
      penaltyDecisions: z.number().int(),
      enforcementDecisions: z.number().int(),
      feesFen: z.number().int().describe('行政事业性收费 in whole 分'),
      feesWan: z.string().describe('the same in 万元 as entered: what the report prints'),
      ...figures2019((key) =>
        key === 'procurementAmountYuan'
          ? z.string().optional().describe('元 as entered: what the report prints')
          : z.number().int().optional(),
      ),
      procurementAmountFen: z.number().int().optional().describe('采购总金额 in whole 分 (2019 format)'),
    })
    .nullable(),
  publishedVersion: z.number().int(),
});

export const publishBody = z.object({
  publishedOn: z.string().optional().describe('YYYY-MM-DD, the day it went public (default today in China)'),
  note: z
    .string({ error: '说明应为文本' })
    .max(2000, { error: '说明最长 500 字' })
    .nullable()
    .optional()
    .describe(
      "the approver's 说明 to publish over error-severity violations (required then, trimmed, at most 500 characters); printed on the published report",
    ),
});

export const correctionBody = z.object({
  reason: z.string({ error: '请填写更正原因' }).max(2000, { error: '更正原因最长 2000 字' }),
  sections: sectionsInput.optional(),
  expectedVersion: z
    .number({ error: '版本号应为草稿的版本号（整数）' })
    .int({ error: '版本号应为整数' })
    .min(0, { error: '版本号不能为负数' })
    .optional()
    .describe('the draft version the sections were edited from'),
  figures: figuresBody.optional().describe('corrected yearly figures (the only way once published)'),
  note: z
    .string({ error: '说明应为文本' })
    .max(2000, { error: '说明最长 500 字' })
    .nullable()
    .optional()
    .describe(
      "the approver's 说明 to publish over error-severity violations (required then, trimmed, at most 500 characters); printed on the published report",
    ),
});

export const versionSummary = z.object({
  version: z.number().int(),
  publishedOn: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable().describe("the approver's 说明 when published over errors"),
});
export const staffVersionSummary = versionSummary.extend({
  actor: z.string(),
  actorName: z.string().describe('who published it, by name (姓名)'),
  recordedAt: z.string(),
});

export const versionListSchema = z.object({ year: z.number().int(), versions: z.array(staffVersionSummary) });

export const versionParams = reportParams.extend({
  version: decimal(
    z.number({ error: '版本号应为正整数' }).int().positive({ error: '版本号应为正整数' }).max(100000),
  ),
});

export const VERSION_FORMATS = ['html', 'docx', 'pdf', 'json'] as const;
export const versionFileParams = versionParams.extend({
  format: z.enum(VERSION_FORMATS, { error: '格式应为 html、docx、pdf 或 json' }),
});

/** A year's latest published version as a file. */
export const latestFileParams = reportParams.extend({
  format: z.enum(VERSION_FORMATS, { error: '格式应为 html、docx、pdf 或 json' }),
});

export const cellParams = reportParams.extend({ cell: z.string().min(1).max(80) });

export const cellRecordsSchema = z.object({
  cell: z.string(),
  source: z.enum(['records', 'figures']),
  value: cellValue.nullable().describe('the cell value in the current draft'),
  note: z.string().optional().describe('for yearly figures: where the value comes from'),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  records: z.array(
    z.object({
      type: z.enum(['normative_document', 'request', 'review_case', 'publication']),
      id: z.number().int(),
      label: z.string(),
      date: z.string().nullable(),
      fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      link: z.string().nullable(),
    }),
  ),
});

export const publicListSchema = z.object({
  agency: z.string(),
  agencyName: z.string(),
  reports: z.array(z.object({ year: z.number().int(), versions: z.array(versionSummary) })),
});

export const publicAgencyParams = z.object({ code: agencyCode });

const narrativeSection = z.object({
  heading: z.string().describe('the official heading, e.g. “一、总体情况”'),
  paragraphs: z.array(z.string()).describe('the printed paragraphs, with their “1.主动公开。” lead-ins'),
});

const tableSection = z.object({
  heading: z.string(),
  table: z
    .enum(['t2', 't3', 't4'])
    .describe('the table whose cells (`t2.*`, `t3.*`, `t4.*`) this section prints'),
});

const chartDatum = z.object({ label: z.string(), value: z.number() });

/** The report JSON, as a zod schema (the API's response schema). */
export const reportJsonSchema = z.object({
  format: z
    .enum(FORMAT_IDS)
    .describe(
      'the national format the tables are in: “2019” (国办公开办函〔2019〕60号) or “2021” (〔2021〕30号)',
    ),
  agency: z.string().describe('the agency code'),
  year: z.number().int(),
  agencyName: z.string(),
  publishedOn: z.string().nullable().describe('YYYY-MM-DD, when it was published on the portal'),
  preamble: z.array(z.string()),
  cells: z
    .record(z.string(), z.union([z.number(), z.string()]))
    .describe(
      'cell code → value; whole numbers, except the amounts printed as entered: `t2.fees.amount_wan` (万元) and `t2.procurement.amount_yuan` (元)',
    ),
  sections: z.object({
    overview: narrativeSection,
    proactive: tableSection,
    requests: tableSection,
    reviews: tableSection,
    problems: narrativeSection,
    other: narrativeSection,
  }),
  charts: z.object({ publicationsByChannel: z.array(chartDatum), requestOutcomes: z.array(chartDatum) }),
  violations: z.array(
    z.object({
      code: z.string(),
      rule: z.string(),
      severity: z.enum(['error', 'warning']),
      cells: z.array(z.string()),
      message: z.string(),
    }),
  ),
});

/** The report JSON (see reportJsonSchema). */
export type ReportJson = z.output<typeof reportJsonSchema>;

/** A published version with the report as frozen then (staff). */
export const versionSchema = staffVersionSummary.extend({
  year: z.number().int(),
  report: reportJsonSchema.describe('the report as frozen when this version was published'),
});

/** What publishing or correcting answers: the version, and its PDF as stored (or why not yet). */
export const publishedVersionSchema = versionSchema.extend({
  pdf: z
    .object({ sha256: z.string(), size: z.number().int() })
    .nullable()
    .describe(
      'the PDF made and stored at publishing (its SHA-256 is the download ETag); null: made at the first download',
    ),
  pdfNotice: z.string().nullable().describe('why the PDF could not be made now (Chinese), else null'),
});

export const publicYearSchema = z.object({
  agency: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  publishedOn: z.string(),
  reason: z.string().nullable(),
  report: reportJsonSchema,
  versions: z.array(versionSummary),
});

/** The agency's report years, newest first, each with where its report stands (the console's list). */
export const reportYearListSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      status: z
        .enum(REPORT_YEAR_STATUSES)
        .describe('none: 未编制; draft: 草稿; published: 已发布; overdue: 逾期未发布'),
      statusLabel: z.string(),
      deadline: z
        .string()
        .nullable()
        .describe('the last day to publish (条例第四十九条), null when none applies'),
      draftSaved: z.boolean(),
      latest: z
        .object({ version: z.number().int(), publishedOn: z.string() })
        .nullable()
        .describe('the latest published version'),
    }),
  ),
});
