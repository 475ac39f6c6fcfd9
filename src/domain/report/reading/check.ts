/**
 * 年报体检: the findings on a report as read (issue 14). R1–R10 of validate.ts on the cells as
 * printed (a rule that needs a cell the reader could not read is not applied: it is reported as
 * unreadable instead, never as a false error), R7/R8 against the previous year's report when it
 * is given, the section headings, section 六's statement on fees against table 三 (R11), and the
 * share of sentences copied from the previous year's report (R12, 雷同). Each finding names its
 * rule, severity, the cells or sentences involved and a message a supervisor can paste into a 通报.
 */

import { cellLabel } from '../cell-labels.ts';
import type { FormatId } from '../format.ts';
import { formatById } from '../formats/registry.ts';
import type { Cells, Severity } from '../types.ts';
import { validateReport } from '../validate.ts';
import { type AgencyKind, APPLICANT_TYPES, T3_COLUMNS, T4_COLUMNS } from '../vocabulary.ts';
import { labelKey } from './normalize.ts';
import type { ReadReport } from './read-report.ts';

export interface Finding {
  /** R0 (unreadable), R1–R10 (validate.ts), R11 (fees in section 六), R12 (雷同) */
  rule: string;
  ruleName: string;
  severity: Severity | 'notice';
  cells: string[];
  /** sentences of the report involved (R9, R11, R12) */
  sentences: string[];
  message: string;
}

/** The kind of agency the name says (第四十九条's deadline depends on it). */
export function agencyKindOf(name: string | null): AgencyKind {
  if (!name) return 'department';
  if (/(?:街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府)$/.test(name)) return 'township';
  if (/(?:开发区|高新区|新区|园区|保税区|示范区)(?:管理委员会|管委会)/.test(name)) return 'development_zone';
  if (/人民政府(?:办公厅|办公室)?$/.test(name) && !/办公/.test(name)) return 'government';
  return 'department';
}

const BLANK = '表中此格为空';

/** Whether the report printed the cell empty (not: could not read it). */
function isBlank(report: ReadReport, code: string): boolean {
  return report.cells[code] === null && report.unreadable[code] === BLANK;
}

/**
 * The cells R1–R10 read: the numbers read (a decimal as text), a cell printed blank as 0 (how
 * reports mean it, and how a reader of the printed table adds it up), a cell that could not be
 * read left out (rules needing it are not applied).
 */
function numericCells(report: ReadReport): Cells {
  const cells: Cells = {};
  for (const [code, value] of Object.entries(report.cells)) {
    if (value !== null) cells[code] = value;
    else if (isBlank(report, code)) cells[code] = 0;
  }
  // a 2021 report that prints （六）其他处理 as one row: its numbers stand for the three rows
  if (report.format === '2021' && typeof report.cells['t3.other.total'] === 'number') {
    for (const c of T3_COLUMNS) {
      cells[`t3.other.other.${c}`] = cells[`t3.other.${c}`] ?? 0;
      cells[`t3.other.no_correction.${c}`] = 0;
      cells[`t3.other.no_fee.${c}`] = 0;
    }
  }
  return cells;
}

/**
 * The cells the narrative is compared with (R9): as numericCells, but a table 三 row whose 总计 is
 * printed blank counts the sum of its columns (what the row says; the blank total is R4's finding).
 */
function narrativeCells(report: ReadReport, cells: Cells): Cells {
  const derived: Cells = { ...cells };
  for (const row of formatById(report.format).t3Rows) {
    const total = `t3.${row}.total`;
    if (!isBlank(report, total)) continue;
    const columns = APPLICANT_TYPES.map((c) => cells[`t3.${row}.${c}`]);
    if (columns.every((v) => typeof v === 'number'))
      derived[total] = columns.reduce((a: number, v) => a + (v as number), 0);
  }
  return derived;
}

/** The cells a rule's finding rests on (to tell whether all were read). */
function inputsOf(code: string, cells: string[], format: FormatId): string[] {
  const f = formatById(format);
  const column = (c: string) => c.split('.').pop() as string;
  const row = (c: string) => c.split('.').slice(1, -1).join('.');
  switch (code) {
    case 'R1':
      return cells;
    case 'R3':
      return cells.flatMap((c) => [...f.outcomeRows.map((r) => `t3.${r.code}.${column(c)}`), c]);
    case 'R4':
      return cells.flatMap((c) => [...APPLICANT_TYPES.map((a) => `t3.${row(c)}.${a}`), c]);
    case 'R5':
      return cells.flatMap((c) => T4_COLUMNS.map((k) => `t4.${row(c)}.${k}`));
    case 'R8':
      return cells.flatMap((c) => [c, c.replace('.valid', '.issued'), c.replace('.valid', '.repealed')]);
    default:
      return cells;
  }
}

const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;

/**
 * R0: the cells that could not be read (a warning: rules that need them are not applied), and the
 * cells printed blank (a notice: counted as 0; the format asks for a number in every cell, 0 included).
 */
function unreadableFindings(report: ReadReport): Finding[] {
  const format = formatById(report.format);
  return (['t2', 't3', 't4'] as const).flatMap((table): Finding[] => {
    const empty = format.cellCodes.filter(
      (c) => c.startsWith(`${table}.`) && report.cells[c] === null && !format.optionalCells.includes(c),
    );
    const unread = empty.filter((c) => !isBlank(report, c));
    const blank = empty.filter((c) => isBlank(report, c));
    const examples = (codes: string[]) =>
      `如${codes
        .slice(0, 3)
        .map((c) => cellLabel(format, c))
        .join('、')}${codes.length > 3 ? '等' : ''}`;
    const found: Finding[] = [];
    if (unread.length > 0) {
      const reasons = [...new Set(unread.map((c) => report.unreadable[c] ?? '无法读取'))];
      found.push({
        rule: 'R0',
        ruleName: '表格可读',
        severity: 'warning',
        cells: unread,
        sentences: [],
        message: `${TABLE_NAMES[table]}有${unread.length}个单元格无法读取（${examples(unread)}），原因：${reasons.slice(0, 3).join('；')}。涉及这些单元格的勾稽关系未作检查，请核对原件。`,
      });
    }
    if (blank.length > 0)
      found.push({
        rule: 'R0',
        ruleName: '表格可读',
        severity: 'notice',
        cells: blank,
        sentences: [],
        message: `${TABLE_NAMES[table]}有${blank.length}个单元格为空白（${examples(blank)}），检查时按0计算；年度报告格式要求每格填写数字，无数据的填0。`,
      });
    return found;
  });
}

/** R10's heading check as it applies to a printed report: each of the six headings present and in order. */
function headingFindings(report: ReadReport): Finding[] {
  const findings: Finding[] = [];
  const printed = report.sections.filter((s) => s.printedHeading !== null);
  for (const s of report.sections) {
    if (s.printedHeading === null)
      findings.push({
        rule: 'R10',
        ruleName: '按时发布且六部分齐全',
        severity: 'error',
        cells: [],
        sentences: [],
        message: `报告缺少“${s.heading}”部分（条例第五十条规定的年度报告内容）。`,
      });
  }
  // the order found is the order printed: locateSections keeps first occurrences in document order
  const order = printed.map((s) => report.sections.indexOf(s));
  if (order.some((n, i) => i > 0 && n < (order[i - 1] ?? 0)))
    findings.push({
      rule: 'R10',
      ruleName: '按时发布且六部分齐全',
      severity: 'error',
      cells: [],
      sentences: [],
      message: '报告六个部分的顺序与年度报告格式不一致。',
    });
  for (const s of report.sections) {
    if ((s.key === 'overview' || s.key === 'problems') && s.printedHeading !== null && s.text.trim() === '')
      findings.push({
        rule: 'R10',
        ruleName: '按时发布且六部分齐全',
        severity: 'warning',
        cells: [],
        sentences: [],
        message: `“${s.heading}”部分没有内容。`,
      });
  }
  return findings;
}

/** The sentences of a text (split at 。！？；, line breaks), trimmed, long enough to compare. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/[。！？；\n]+/)
    .map((s) => s.trim())
    .filter((s) => labelKey(s).length >= 8);
}

/**
 * R11: section 六 states what fees were charged (国办公开办函〔2021〕30号 asks for 收取信息处理费的情况);
 * a statement that no fee notice was issued contradicts table 三's row “申请人逾期未按收费通知要求缴纳费用”.
 */
function feeFindings(report: ReadReport): Finding[] {
  const other = report.sections.find((s) => s.key === 'other')?.text ?? '';
  const noFee = report.cells['t3.other.no_fee.total'];
  if (typeof noFee !== 'number' || noFee === 0) return [];
  const said = sentencesOf(other).filter((s) =>
    /(?:未|没有|无)(?:向申请人)?(?:发出|出具|下发|送达)(?:过)?(?:任何)?收费通知|未产生(?:信息处理费)?收费通知/.test(
      s,
    ),
  );
  if (said.length === 0) return [];
  return [
    {
      rule: 'R11',
      ruleName: '收费情况与表格一致',
      severity: 'error',
      cells: ['t3.other.no_fee.total'],
      sentences: said,
      message: `第六部分称“${said[0]}”，而表三“申请人逾期未按收费通知要求缴纳费用”行为${noFee}件（即发出过收费通知），请使正文与表格一致。`,
    },
  ];
}

/** The share of this year's narrative sentences found word for word in last year's report. */
export function copiedShare(
  current: ReadReport,
  previous: ReadReport,
): { share: number; copied: string[]; total: number } {
  const narrative = (r: ReadReport) => r.sections.map((s) => s.text).join('\n');
  const before = new Set(sentencesOf(narrative(previous)).map(labelKey));
  const now = sentencesOf(narrative(current));
  const copied = now.filter((s) => before.has(labelKey(s)));
  return { share: now.length === 0 ? 0 : copied.length / now.length, copied, total: now.length };
}

/** Supervisors criticise a report copied from last year's: flagged at 60% of its sentences or more. */
export const COPIED_SHARE_LIMIT = 0.6;

export interface CheckOptions {
  /** the previous year's report of the same agency, read */
  previous?: ReadReport | null;
}

/** Every finding on a report as read. */
export function checkReport(report: ReadReport, options: CheckOptions = {}): Finding[] {
  const format = formatById(report.format);
  const previous = options.previous ?? null;
  const cells = numericCells(report);
  const previousCells = previous ? numericCells(previous) : null;
  const known = (codes: string[], from: Cells) => codes.every((c) => from[c] !== undefined);
  const violations = validateReport({
    format,
    year: report.year ?? 0,
    agencyKind: agencyKindOf(report.agency),
    cells,
    previousCells,
    sections: [],
    publishedOn: report.publishedOn,
  }).filter((v) => {
    if (v.code === 'R6')
      return report.cells[v.cells[0] ?? ''] !== null && !format.optionalCells.includes(v.cells[0] ?? '');
    // R10 here is only lateness where a deadline binds (the headings are checked as printed below)
    if (v.code === 'R10')
      return report.year !== null && report.publishedOn !== null && v.message.includes('晚于');
    if (v.code === 'R7')
      return (
        known(v.cells, cells) &&
        previousCells !== null &&
        known(
          v.cells.map((c) => c.replace('carried_in', 'carried_out')),
          previousCells,
        )
      );
    if (v.code === 'R8')
      return (
        known(inputsOf('R8', v.cells, report.format), cells) &&
        previousCells !== null &&
        known(v.cells, previousCells)
      );
    return known(inputsOf(v.code, v.cells, report.format), cells);
  });
  const findings: Finding[] = [
    ...unreadableFindings(report),
    ...violations.map((v): Finding => {
      const blank = v.cells.filter((c) => isBlank(report, c));
      const note =
        blank.length > 0
          ? `（${blank.map((c) => cellLabel(format, c)).join('、')}在报告中为空白，按0计）`
          : '';
      return {
        rule: v.code,
        ruleName: v.rule,
        severity: v.severity,
        cells: v.cells,
        sentences: [],
        message: v.message.replace(/。$/, `${note}。`),
      };
    }),
    ...headingFindings(report),
    ...narrativeFindings(report, narrativeCells(report, cells)),
    ...feeFindings(report),
  ];
  if (previous) {
    const { share, copied, total } = copiedShare(report, previous);
    if (total > 0 && share >= COPIED_SHARE_LIMIT)
      findings.push({
        rule: 'R12',
        ruleName: '正文与上年雷同',
        severity: 'warning',
        cells: [],
        sentences: copied,
        message: `正文${total}句中有${copied.length}句（${Math.round(share * 100)}%）与上一年度报告完全相同，达到${COPIED_SHARE_LIMIT * 100}%，请结合本年度工作实际撰写。`,
      });
  }
  return findings;
}

/** R9 on the claims the reader found: only claims whose cells were all read. */
function narrativeFindings(report: ReadReport, cells: Cells): Finding[] {
  const format = formatById(report.format);
  const sum = (codes: string[]) =>
    codes.reduce((acc, c) => acc + (typeof cells[c] === 'number' ? (cells[c] as number) : 0), 0);
  return report.claims.flatMap((claim): Finding[] => {
    if (claim.cells.length === 0) return [];
    const readings = [claim.cells, ...(claim.alternatives ?? [])];
    if (!readings.every((codes) => codes.every((c) => cells[c] !== undefined))) return [];
    if (readings.some((codes) => sum(codes) === claim.value)) return [];
    const names = claim.cells.map((c) => cellLabel(format, c)).join('与');
    const alt = claim.alternatives?.length
      ? `（也不等于${claim.alternatives.map((a) => a.map((c) => cellLabel(format, c)).join('加')).join('或')}之和）`
      : '';
    return [
      {
        rule: 'R9',
        ruleName: '正文数字与表格一致',
        severity: 'error',
        cells: claim.cells,
        sentences: [claim.quote],
        message: `正文称“${claim.quote}”，而${names}${claim.cells.length > 1 ? '之和' : ''}为${sum(claim.cells)}${alt}，请使正文与表格一致。`,
      },
    ];
  });
}
