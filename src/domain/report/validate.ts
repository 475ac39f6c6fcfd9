import { type MoneyUnit, moneyWanted, readMoney } from '../money.ts';
import { cellLabel, cellLabels, t3ColumnLabel, t3RowLabel } from './cell-labels.ts';
import { cellNumber } from './cells.ts';
import { claimHolds, findClaims } from './claims.ts';
import { FIGURE_FIELDS } from './figures.ts';
import type { FormatId, ReportFormat } from './format.ts';
import type { Cells, Violation } from './types.ts';
import { type AgencyKind, APPLICANT_TYPES, T3_COLUMNS, T4_GROUP_LABELS, T4_GROUPS } from './vocabulary.ts';

/** What the rules read: the report as published or edited, whatever produced it. */
export interface ValidationInput {
  /** the format the report is in: its cells, rows and sections */
  format: ReportFormat;
  year: number;
  agencyKind: AgencyKind;
  /** “MM-DD”: the deadline an agency outside 第四十九条 has set itself (null or absent: none) */
  reportDeadline?: string | null;
  cells: Cells;
  previousCells: Cells | null;
  /** the sections as they stand, in order, with their headings and printed text */
  sections: ReadonlyArray<{ heading: string; text: string }>;
  publishedOn: string | null;
  /** decided requests with mixed item decisions not counted as 部分公开 (R2), when known */
  mixedItemsNotPartial?: number;
  /** today's date, for R10 on an unpublished report; omit to skip that check */
  today?: string;
}

const columnLabel = t3ColumnLabel;

type Check = (input: ValidationInput) => Violation[];

const r6: Check = ({ cells, format }) =>
  format.cellCodes.flatMap((code): Violation[] => {
    const value = cells[code];
    if (value === undefined && format.optionalCells.includes(code))
      return [
        violation(
          'R6',
          'warning',
          [code],
          `${cellLabel(format, code)}（${FIGURE_FIELDS.find((f) => f.cell === code)?.label ?? '年度数据'}）未填报（${format.id}年版格式独有的数据），表中留空；如有此项数据，请在该年度的“年度数据”中填写。`,
        ),
      ];
    const money = moneyUnitOf(format, code);
    const signed = format.signedCells.includes(code);
    const ok = money
      ? (typeof value === 'string' || typeof value === 'number') && readMoney(String(value), money).ok
      : typeof value === 'number' && Number.isInteger(value) && (signed || value >= 0);
    if (ok) return [];
    const what = money ? moneyWanted(money) : signed ? '整数' : '不小于0的整数';
    const shown = value === undefined ? '缺失' : `“${value}”`;
    return [
      violation(
        'R6',
        'error',
        [code],
        `${cellLabel(format, code)}的值${shown}，应为${what}，请在年度数据或办理记录中更正。`,
      ),
    ];
  });

/** The unit of a cell holding an amount (万元 or 元, as entered), or null for a count. */
function moneyUnitOf(format: ReportFormat, code: string): MoneyUnit | null {
  if (format.decimalCells.includes(code)) return 'wan';
  return format.yuanCells.includes(code) ? 'yuan' : null;
}

const r1: Check = ({ cells }) =>
  T3_COLUMNS.flatMap((c): Violation[] => {
    const n = (row: string) => cellNumber(cells, `t3.${row}.${c}`);
    const left = n('new') + n('carried_in');
    const right = n('total') + n('carried_out');
    if (left === right) return [];
    const codes = ['new', 'carried_in', 'total', 'carried_out'].map((r) => `t3.${r}.${c}`);
    return [
      violation(
        'R1',
        'error',
        codes,
        `表三“${columnLabel(c)}”列：本年新收(${n('new')})加上年结转(${n('carried_in')})为${left}，应等于办理结果总计(${n('total')})加结转下年度(${n('carried_out')})，现为${right}。`,
      ),
    ];
  });

const r2: Check = ({ mixedItemsNotPartial }) =>
  mixedItemsNotPartial
    ? [
        violation(
          'R2',
          'error',
          ['t3.partial.total'],
          `有${mixedItemsNotPartial}件申请的各项内容处理结果不同（部分公开、部分不公开），应只计入表三“（二）部分公开”行，请更正这些申请的办理结果。`,
        ),
      ]
    : [];

const r3: Check = ({ cells, format }) =>
  T3_COLUMNS.flatMap((c): Violation[] => {
    const sum = format.outcomeRows.reduce((acc, row) => acc + cellNumber(cells, `t3.${row.code}.${c}`), 0);
    const total = cellNumber(cells, `t3.total.${c}`);
    if (sum === total) return [];
    return [
      violation(
        'R3',
        'error',
        [`t3.total.${c}`],
        `表三“${columnLabel(c)}”列：（七）总计为${total}，而各项办理结果之和为${sum}。`,
      ),
    ];
  });

const r4: Check = ({ cells, format }) =>
  format.t3Rows.flatMap((row): Violation[] => {
    const sum = APPLICANT_TYPES.reduce((acc, c) => acc + cellNumber(cells, `t3.${row}.${c}`), 0);
    const total = cellNumber(cells, `t3.${row}.total`);
    if (sum === total) return [];
    return [
      violation(
        'R4',
        'error',
        [`t3.${row}.total`],
        `表三“${t3RowLabel(format, row)}”行：总计列为${total}，而六类申请人之和为${sum}。`,
      ),
    ];
  });

const r5: Check = ({ cells }) =>
  T4_GROUPS.flatMap((g): Violation[] => {
    const n = (c: string) => cellNumber(cells, `t4.${g}.${c}`);
    const sum = n('upheld') + n('corrected') + n('other') + n('pending');
    if (sum === n('total')) return [];
    return [
      violation(
        'R5',
        'error',
        [`t4.${g}.total`],
        `表四“${T4_GROUP_LABELS[g]}”：总计为${n('total')}，而结果维持、结果纠正、其他结果与尚未审结之和为${sum}。`,
      ),
    ];
  });

const r7: Check = ({ cells, previousCells }) => {
  if (!previousCells) return [];
  return T3_COLUMNS.flatMap((c): Violation[] => {
    const now = cellNumber(cells, `t3.carried_in.${c}`);
    const before = cellNumber(previousCells, `t3.carried_out.${c}`);
    if (now === before) return [];
    return [
      violation(
        'R7',
        'error',
        [`t3.carried_in.${c}`],
        `表三“${columnLabel(c)}”列：上年结转为${now}，而上一年度报告的结转下年度为${before}。`,
      ),
    ];
  });
};

const r8: Check = ({ cells, previousCells }) => {
  if (!previousCells) return [];
  // A previous report in a format without 现行有效件数 (2019) has nothing to continue from.
  return (['regulation', 'normative'] as const).flatMap((k): Violation[] => {
    if (previousCells[`t2.${k}.valid`] === undefined) return [];
    const expected =
      cellNumber(previousCells, `t2.${k}.valid`) +
      cellNumber(cells, `t2.${k}.issued`) -
      cellNumber(cells, `t2.${k}.repealed`);
    const valid = cellNumber(cells, `t2.${k}.valid`);
    if (valid === expected) return [];
    const name = k === 'regulation' ? '规章' : '行政规范性文件';
    return [
      violation(
        'R8',
        'warning',
        [`t2.${k}.valid`],
        `表二${name}：现行有效件数为${valid}，按上年现行有效加本年制发减本年废止应为${expected}（如有文件失效或修改，请在说明中注明）。`,
      ),
    ];
  });
};

const r9: Check = ({ cells, sections, format }) => {
  const narrative = sections.map((s) => s.text).join('\n');
  const sum = (codes: string[]) => codes.reduce((acc, code) => acc + cellNumber(cells, code), 0);
  return findClaims(narrative, format).flatMap((claim): Violation[] => {
    if (claimHolds(claim, sum)) return [];
    const actual = sum(claim.cells);
    return [
      violation(
        'R9',
        'error',
        claim.cells,
        `正文称“${claim.quote}”，而${cellLabels(format, claim.cells)}${claim.cells.length > 1 ? '之和' : ''}为${actual}，请使正文与表格一致。`,
      ),
    ];
  });
};

/**
 * 条例 第四十九条 binds 县级以上 governments and their departments: “县级以上人民政府部门应当在每年1月31日前
 * 向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布。县级以上地方人民政府的
 * 政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。”
 */
export const ARTICLE_49_KINDS: readonly AgencyKind[] = ['government', 'department'];

/** Whether 条例 第四十九条's deadline applies to an agency of this kind (县级以上 governments and their departments). */
export function bindsArticle49(kind: AgencyKind): boolean {
  return ARTICLE_49_KINDS.includes(kind);
}

/**
 * The deadline of a year's report: 第四十九条's (a department by 31 January, a government's
 * report by 31 March) for the kinds it binds; for the others, the deadline the agency has set
 * itself (`ownDeadline`, “MM-DD” of the following year), null when it has set none.
 */
export function publicationDeadline(
  year: number,
  kind: AgencyKind,
  ownDeadline?: string | null,
): string | null {
  if (bindsArticle49(kind)) return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
  return ownDeadline ? `${year + 1}-${ownDeadline}` : null;
}

/** How to set an agency's own deadline, for the R10 message. */
export const OWN_DEADLINE_HOW =
  '请在机关资料中设定（导入机关时填写 report_deadline 字段，格式为“月-日”，如“03-31”表示次年3月31日前）';

function r10Deadline(input: ValidationInput): Violation[] {
  const { year, agencyKind, publishedOn, today } = input;
  const deadline = publicationDeadline(year, agencyKind, input.reportDeadline);
  if (!deadline)
    return [
      violation(
        'R10',
        'warning',
        [],
        `本机关不属于县级以上人民政府及其部门，不适用条例第四十九条的发布期限；本机关尚未设定年度报告的发布期限，${OWN_DEADLINE_HOW}。`,
      ),
    ];
  // 条例 第四十九条 for 县级以上 governments and departments; the agency's own deadline otherwise.
  const basis = bindsArticle49(agencyKind) ? '法定期限' : '本机关设定的发布期限';
  const cite = bindsArticle49(agencyKind) ? '条例第四十九条' : '本机关不适用条例第四十九条';
  if (publishedOn && publishedOn > deadline)
    return [violation('R10', 'error', [], `报告于${publishedOn}发布，晚于${basis}${deadline}（${cite}）。`)];
  if (!publishedOn && today && today > deadline)
    return [violation('R10', 'error', [], `报告尚未发布，已超过${basis}${deadline}（${cite}）。`)];
  return [];
}

/**
 * R10: the six parts of the format in order, 一 and 五 not empty (条例 第五十条 lists the
 * contents), and published by the deadline (r10Deadline).
 */
const r10: Check = (input) => {
  const { sections, format } = input;
  const found: Violation[] = [];
  const headings = sections.map((s) => s.heading);
  format.sections.forEach((section, i) => {
    if (headings[i] !== section.heading) {
      const where = headings.indexOf(section.heading);
      const what = where < 0 ? '缺少' : `位置不对（现为第${where + 1}部分）`;
      found.push(violation('R10', 'error', [], `第${i + 1}部分应为“${section.heading}”，${what}。`));
    }
  });
  for (const s of sections) {
    if (['一、总体情况', '五、存在的主要问题及改进情况'].includes(s.heading) && s.text.trim() === '') {
      found.push(violation('R10', 'warning', [], `“${s.heading}”尚无内容，请填写。`));
    }
  }
  return [...found, ...r10Deadline(input)];
};

const RULE_NAMES: Record<string, string> = {
  R1: '新收加结转等于办结加结转下年度',
  R2: '部分公开只计一次',
  R3: '总计等于各办理结果之和',
  R4: '总计列等于各类申请人之和',
  R5: '复议诉讼总计等于各结果之和',
  R6: '单元格为非负整数（收费金额为小数）',
  R7: '上年结转等于上年报告的结转下年度',
  R8: '现行有效件数连续',
  R9: '正文数字与表格一致',
  R10: '按时发布且六部分齐全',
};

function violation(
  code: string,
  severity: Violation['severity'],
  cells: string[],
  message: string,
): Violation {
  return { code, rule: RULE_NAMES[code] ?? code, severity, cells, message };
}

/** A rule: its code, the formats it applies to, its check. */
export interface Rule {
  code: string;
  formats: readonly FormatId[];
  check: Check;
}

const BOTH: readonly FormatId[] = ['2019', '2021'];

/**
 * R1–R10 and the formats each applies to. R8 (现行有效件数 continues) needs the 2021 columns
 * 废止/现行有效; the 2019 format has 对外公开总数量 instead. The others read what both formats have
 * (table 三's frame, table 四, the format's own cells, rows and sections).
 */
export const RULES: readonly Rule[] = [
  { code: 'R1', formats: BOTH, check: r1 },
  { code: 'R2', formats: BOTH, check: r2 },
  { code: 'R3', formats: BOTH, check: r3 },
  { code: 'R4', formats: BOTH, check: r4 },
  { code: 'R5', formats: BOTH, check: r5 },
  { code: 'R6', formats: BOTH, check: r6 },
  { code: 'R7', formats: BOTH, check: r7 },
  { code: 'R8', formats: ['2021'], check: r8 },
  { code: 'R9', formats: BOTH, check: r9 },
  { code: 'R10', formats: BOTH, check: r10 },
];

/** Every rule R1–R10 that applies to the report's format, on one report, generated or edited. */
export function validateReport(input: ValidationInput): Violation[] {
  return RULES.filter((rule) => rule.formats.includes(input.format.id)).flatMap((rule) => rule.check(input));
}
