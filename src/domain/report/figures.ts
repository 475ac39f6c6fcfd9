import { type MoneyUnit, moneyMessage, readMoney } from '../money.ts';
import type { FormatId } from './format.ts';
import {
  T2_FEES_LABEL_2019,
  T2_ITEM_COLUMN_LABELS_2019,
  T2_ITEM_ROWS_2019,
  T2_PROCUREMENT_COLUMN_LABELS_2019,
  T2_PROCUREMENT_LABEL_2019,
  type T2ItemRow2019,
} from './formats/2019/rows.ts';
import type { AdminFigures } from './types.ts';

/**
 * How a figure is written: a count (whole number ≥ 0), a signed count (本年增/减, may be negative),
 * or an amount: in 万元 with at most six decimals (`wan`, 行政事业性收费 as the 2021 format prints it)
 * or in 元 with at most two (`yuan`, the 2019 format's 采购总金额). An amount is kept exactly, as 分
 * and as the text entered, which is what the report prints (money.ts).
 */
export type FigureKind = 'count' | 'signed' | MoneyUnit;

/** The key of an amount's 分 beside the key of its text as entered. */
export const FEN_KEY = { feesWan: 'feesFen', procurementAmountYuan: 'procurementAmountFen' } as const;
export type MoneyFigureKey = keyof typeof FEN_KEY;

/** One yearly figure: its key (API, events), label (console, template, messages) and cell. */
export interface FigureField<K extends string = string> {
  key: K;
  label: string;
  /** what it counts in (件 decisions, 项 items and projects) or the amount's unit */
  unit: '件' | '项' | '元' | '万元';
  /** the cell it fills */
  cell: string;
  kind: FigureKind;
  /** the formats whose years take it (formatForYear), as the R-rules declare theirs */
  formats: readonly FormatId[];
  /** the four every year states (0 when none); the 2019 format's own may be left unstated */
  required: boolean;
}

const BOTH: readonly FormatId[] = ['2019', '2021'];
const ONLY_2019: readonly FormatId[] = ['2019'];

const common = <K extends string>(key: K, label: string, cell: string, kind: 'count' | 'wan') =>
  ({
    key,
    label,
    unit: kind === 'wan' ? '万元' : '件',
    cell,
    kind,
    formats: BOTH,
    required: true,
  }) satisfies FigureField<K>;

const row2019 = (code: T2ItemRow2019 | 'fees') =>
  code === 'fees' ? T2_FEES_LABEL_2019 : T2_ITEM_ROWS_2019.find((r) => r.code === code)?.label;

/** A 2019-format figure of table 二 (五)(六)(八): `t2.<row>.<column>`, labelled “行 列”. */
const item2019 = <K extends string>(
  key: K,
  row: T2ItemRow2019 | 'fees',
  column: keyof typeof T2_ITEM_COLUMN_LABELS_2019,
) =>
  ({
    key,
    label: `${row2019(row)} ${T2_ITEM_COLUMN_LABELS_2019[column]}`,
    unit: column === 'decisions' ? '件' : '项',
    cell: `t2.${row}.${column}`,
    kind: column === 'items_change' ? 'signed' : 'count',
    formats: ONLY_2019,
    required: false,
  }) satisfies FigureField<K>;

/** A 2019-format figure of table 二 (九) 政府集中采购. */
const procurement2019 = <K extends string>(
  key: K,
  column: keyof typeof T2_PROCUREMENT_COLUMN_LABELS_2019,
  kind: 'count' | 'yuan',
) =>
  ({
    key,
    label: `${T2_PROCUREMENT_LABEL_2019} ${T2_PROCUREMENT_COLUMN_LABELS_2019[column]}`,
    unit: kind === 'yuan' ? '元' : '项',
    cell: `t2.procurement.${column}`,
    kind,
    formats: ONLY_2019,
    required: false,
  }) satisfies FigureField<K>;

/**
 * The yearly figures of table 二 that come from other systems, in the order of the template:
 * the four of both formats — decisions on licences, penalties and enforcement, 行政事业性收费 in
 * 万元 as the 2021 format prints it — then the 2019 trial format's own (国办公开办函〔2019〕60号, the reports on 2019 and 2020):
 * 上一年项目数量 and 本年增/减 of (五)(六)(八), 其他对外管理服务事项's 处理决定数量 and (九)
 * 政府集中采购. Those may be left unstated (not stated ≠ 0: the cell stays empty and R6 warns).
 *
 * 采购总金额（元） is in 元, as the format's header says (reports written in it print “184719元”),
 * with at most two decimals; like the fees it is kept as 分 and printed as entered.
 */
export const FIGURE_FIELDS = [
  common('licenseDecisions', '行政许可 本年处理决定数量', 't2.license.decisions', 'count'),
  common('penaltyDecisions', '行政处罚 本年处理决定数量', 't2.penalty.decisions', 'count'),
  common('enforcementDecisions', '行政强制 本年处理决定数量', 't2.enforcement.decisions', 'count'),
  common('feesWan', '行政事业性收费 本年收费金额（万元）', 't2.fees.amount_wan', 'wan'),
  item2019('licenseItemsPrev', 'license', 'items_prev'),
  item2019('licenseItemsChange', 'license', 'items_change'),
  item2019('otherServicesItemsPrev', 'other_services', 'items_prev'),
  item2019('otherServicesItemsChange', 'other_services', 'items_change'),
  item2019('otherServicesDecisions', 'other_services', 'decisions'),
  item2019('penaltyItemsPrev', 'penalty', 'items_prev'),
  item2019('penaltyItemsChange', 'penalty', 'items_change'),
  item2019('enforcementItemsPrev', 'enforcement', 'items_prev'),
  item2019('enforcementItemsChange', 'enforcement', 'items_change'),
  item2019('feesItemsPrev', 'fees', 'items_prev'),
  item2019('feesItemsChange', 'fees', 'items_change'),
  procurement2019('procurementProjects', 'projects', 'count'),
  procurement2019('procurementAmountYuan', 'amount_yuan', 'yuan'),
] as const;
/** The figures only the 2019 format takes, each optional. */
export const OPTIONAL_FIGURE_FIELDS = FIGURE_FIELDS.filter((f) => !f.required);

/** A figure's key in an import file (JSON Lines, docs/import-format.md): `licenseItemsPrev` → `license_items_prev`. */
export function figureImportKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export type FigureKey = (typeof FIGURE_FIELDS)[number]['key'];
/** The figures every year states. */
export type RequiredFigureKey = Extract<(typeof FIGURE_FIELDS)[number], { required: true }>['key'];
/** The figures a year of their format may leave unstated (absent, not 0). */
export type OptionalFigureKey = Exclude<FigureKey, RequiredFigureKey>;

/** The figures a year in `format` takes, in the order of the template. */
export function figureFieldsOf(format: FormatId): ReadonlyArray<(typeof FIGURE_FIELDS)[number]> {
  return FIGURE_FIELDS.filter((f) => f.formats.includes(format));
}

/** The cells of a format filled only by figures staff may leave unstated. */
export function optionalFigureCells(format: FormatId): readonly string[] {
  return figureFieldsOf(format)
    .filter((f) => !f.required)
    .map((f) => f.cell);
}

const MAX_COUNT = 2147483647;

function countOf(value: unknown, signed: boolean): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!(signed ? /^-?\d{1,10}$/ : /^\d{1,10}$/).test(text)) return null;
  const n = Number(text);
  return Math.abs(n) <= MAX_COUNT ? n : null;
}

/**
 * An amount's text: a string as entered (trimmed), or a spreadsheet's number as its shortest
 * decimal, which is the decimal typed: an accepted amount has at most 15 significant digits (9 + 6
 * of 万元, 13 + 2 of 元), and a double keeps 15. The API takes amounts as text only.
 */
function amountText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

const WANTED: Record<'count' | 'signed', string> = {
  count: '不小于 0 的整数',
  signed: '整数（减少时为负数，如 -8）',
};

/** A problem with one figure: where it is (a field name or a spreadsheet cell) and what to do. */
export interface FigureIssue {
  field: string;
  message: string;
}

/** What the figures are for and where they were read from. */
export interface FigureContext {
  year: number;
  /** the format of the year (formatForYear): which figures it takes */
  format: FormatId;
  /** the spreadsheet cell of each value, when read from the XLSX template (“B3”) */
  cellOf?: (key: FigureKey) => string;
  /** put before the key in an issue's field (“figures.” in a correction) */
  fieldPrefix?: string;
}

const isBlank = (raw: unknown) => raw === undefined || raw === null || raw === '';

/**
 * The figures of a year from raw values (JSON or spreadsheet cells), or an issue per bad value.
 * The four required ones must be given; the format's own may be blank (not stated); a figure of
 * another format given a value is refused. Messages name each figure by its Chinese label (and
 * the spreadsheet cell when read from one).
 */
export function parseFigures(
  values: Partial<Record<FigureKey, unknown>>,
  context: FigureContext,
): { figures: AdminFigures; issues: [] } | { figures: null; issues: FigureIssue[] } {
  const issues: FigureIssue[] = [];
  const parsed: Record<string, number | string> = {};
  for (const field of FIGURE_FIELDS) {
    const raw = values[field.key];
    const cell = context.cellOf?.(field.key);
    const place = cell ? `${cell}（${field.label}）` : `“${field.label}”`;
    const issue = (message: string) =>
      issues.push({ field: cell ?? `${context.fieldPrefix ?? ''}${field.key}`, message });
    if (!field.formats.includes(context.format)) {
      if (!isBlank(raw))
        issue(
          `${place}是${field.formats.join('、')}年版报告格式独有的数据，${context.year} 年度报告采用 ${context.format} 年版格式，没有这一项；请留空。`,
        );
      continue;
    }
    if (isBlank(raw)) {
      if (field.required) issue(`${place}为空，请填写；没有的填 0。`);
      continue;
    }
    if (field.kind === 'wan' || field.kind === 'yuan') {
      const text = amountText(raw);
      const reading = text === null ? null : readMoney(text, field.kind);
      if (!reading?.ok) {
        issue(moneyMessage(place, String(raw), reading?.problem ?? 'format', field.kind));
        continue;
      }
      parsed[field.key] = text as string;
      parsed[FEN_KEY[field.key as MoneyFigureKey]] = reading.fen;
      continue;
    }
    const value = countOf(raw, field.kind === 'signed');
    if (value === null) {
      issue(`${place}的值“${String(raw)}”应为${WANTED[field.kind]}。`);
      continue;
    }
    parsed[field.key] = value;
  }
  if (issues.length > 0) return { figures: null, issues };
  const figures = {
    licenseDecisions: 0,
    penaltyDecisions: 0,
    enforcementDecisions: 0,
    feesFen: 0,
    feesWan: '0',
    ...parsed,
  } as AdminFigures;
  return { figures, issues: [] };
}
