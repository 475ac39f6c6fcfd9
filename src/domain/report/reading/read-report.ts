/**
 * A published report, read (issue 14): the agency, the year, the format (detected from the table
 * heads, else the year), every cell of the format (null when blank or unreadable, with why), the
 * six sections' text, the numbers the narrative states, the publication date where the file states
 * it, and a confidence per table. Pure: the file readers (src/report-check/) give the document.
 */
import { type Claim, findClaims } from '../claims.ts';
import { type FormatId, formatIdForYear } from '../format.ts';
import { formatById } from '../formats/registry.ts';
import { REPORT_SECTIONS } from '../sections.ts';
import type { ReportSection } from '../types.ts';
import type { Block, SourceDocument, SourceType } from './document.ts';
import { cleanText, halfWidth, labelKey } from './normalize.ts';
import { printedRows, type ReadCell, readTables } from './read-tables.ts';

export interface ReadSection {
  key: ReportSection['key'];
  /** the format's heading */
  heading: string;
  /** the heading as the report prints it; null when the report has no such heading */
  printedHeading: string | null;
  /** the section's paragraphs (tables left out), joined by line breaks */
  text: string;
}

export interface ReadReport {
  source: SourceType;
  agency: string | null;
  year: number | null;
  format: FormatId;
  /** how the format was told: by the table heads, or by the year alone */
  formatBy: 'heads' | 'year';
  publishedOn: string | null;
  cells: Record<string, ReadCell>;
  unreadable: Record<string, string>;
  confidence: Record<'t2' | 't3' | 't4', number>;
  sections: ReadSection[];
  claims: Claim[];
  /** pictures found where the tables should be (a table printed as an image) */
  images: number;
}

const SECTION_PATTERNS: Record<ReportSection['key'], RegExp> = {
  overview: /总体情况/,
  proactive: /主动公开政府信息(?:的)?情况/,
  requests: /收到和处理政府信息公开申请(?:的)?情况/,
  reviews: /行政复议[、和及]?(?:提起)?行政诉讼(?:的)?情况|被申请行政复议/,
  problems: /存在的?主要问题(?:及|和|与)?改进/,
  other: /其他需要报告的事项|其他需报告的事项/,
};
const NUMBERING =
  /^(?:第?[一二三四五六七八九十]{1,3}(?:部分)?[、.．\s]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．\s]|[一二三四五六七八九十]{1,3}是)?/;

/** Whether a paragraph is a section heading of the format, and which. */
export function sectionOf(text: string): ReportSection['key'] | null {
  const t = cleanText(text);
  if (t.length > 40 || /[。；]/.test(t)) return null;
  const rest = t.replace(NUMBERING, '');
  for (const section of REPORT_SECTIONS) {
    const pattern = SECTION_PATTERNS[section.key];
    const m = pattern.exec(rest);
    if (m && m.index <= 12) return section.key;
  }
  return null;
}

interface Located {
  key: ReportSection['key'];
  index: number;
  printed: string;
}

/** The headings of the six sections in the order found (each once, the first that keeps the order). */
function locateSections(blocks: readonly Block[]): Located[] {
  const found: Located[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph') return;
    const key = sectionOf(block.text);
    if (!key || found.some((f) => f.key === key)) return;
    found.push({ key, index, printed: cleanText(block.text) });
  });
  return found;
}

const T2_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'];
const T2_2019 = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '政府集中采购',
  '采购总金额',
];

function detectFormat(text: string, year: number | null): { format: FormatId; by: 'heads' | 'year' } {
  const key = labelKey(text);
  const count = (words: string[]) => words.filter((w) => key.includes(w)).length;
  const a = count(T2_2021);
  const b = count(T2_2019);
  if (a > b) return { format: '2021', by: 'heads' };
  if (b > a) return { format: '2019', by: 'heads' };
  return { format: year ? formatIdForYear(year) : '2021', by: 'year' };
}

const REPORT_WORDS = '(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告';
// “XX局2021年政府信息公开工作年度报告”, or the year first: “2019年上海市人民政府办公厅政府信息公开工作年度报告”
const TITLE_YEAR_FIRST = new RegExp(`((?:19|20)\\d{2})\\s*年度?\\s*([^，。,；;]{2,40}?)${REPORT_WORDS}`);
const TITLE = new RegExp(`^(.*?)((?:19|20)\\d{2})\\s*年度?\\s*(?:的)?\\s*${REPORT_WORDS}`);
const LEAD_VERBS = /^(?:现将|现予|现|特)?(?:公开|公布|发布|印发)?(?:了)?(?:关于)?/;

/** The agency's name out of the words before the year: after the last punctuation, without “现公布”. */
function agencyWords(text: string): string {
  const tail = text.split(/[，。,；;：:》)）]/).pop() ?? '';
  return tail
    .replace(/[《“”"]/g, '')
    .replace(LEAD_VERBS, '')
    .trim();
}

// the agency as the overview names it: “2019年，新华街道办事处高度重视…”
const AGENCY_IN_TEXT =
  /(?:^|[。；\n])\s*(?:(?:19|20)\d{2}年(?:度)?[，,]?)?(?:在[^，,。]{2,30}[，,])?([\u4e00-\u9fa5（）()]{2,40}?(?:街道办事处|人民政府|管理委员会|委员会|办公厅|办公室|局|厅|署|镇|乡))(?=高度重视|认真|深入|坚持|严格|紧紧|始终|围绕|按照|紧扣|持续|进一步|全面|扎实|积极|不断|切实|以)/;

/** The agency and year from the title (or a line of the preamble that names the report), else the overview. */
function agencyAndYear(
  doc: SourceDocument,
  lead: string[],
  overview: string,
): { agency: string | null; year: number | null } {
  const candidates = [doc.title ?? '', ...lead].map((t) => halfWidth(cleanText(t)));
  for (let i = 0; i < candidates.length; i++) {
    const line = (candidates[i] ?? '').split(/[_|｜]|\s-\s/)[0] ?? '';
    const before = TITLE.exec(line);
    const after = before ? null : TITLE_YEAR_FIRST.exec(line);
    if (!before && !after) continue;
    const year = Number(before ? before[2] : after?.[1]);
    let agency = agencyWords(before ? (before[1] ?? '') : (after?.[2] ?? ''));
    if (!agency && i > 0) {
      const above = candidates[i - 1] ?? '';
      if (above.length <= 40 && !/[。，]/.test(above) && !TITLE.test(above)) agency = above;
    }
    return { agency: agency || agencyInText(overview), year };
  }
  return { agency: agencyInText(overview), year: yearInText(overview) };
}

function agencyInText(text: string): string | null {
  return AGENCY_IN_TEXT.exec(halfWidth(text))?.[1] ?? null;
}

/** The year a report is about when no title says it: the overview's opening “2019年，…”, else its most frequent year. */
function yearInText(text: string): number | null {
  const opening = /((?:19|20)\d{2})年(?:度)?[，,]/.exec(halfWidth(text));
  if (opening) return Number(opening[1]);
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/((?:19|20)\d{2})年/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

const DATE_LINE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

// a page's own line: “发布日期:2021-01-29”, “发布时间： 2021-01-18 来源…”, “时间:2023-01-17 作者…”
const PAGE_DATE =
  /(?:发布|发文|成文|更新)?(?:日期|时间)\s*[:：]\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

/** The date a saved page says it was published on, in its first lines. */
function pageDate(paragraphs: string[]): string | null {
  for (const text of paragraphs.slice(0, 12)) {
    const m = PAGE_DATE.exec(halfWidth(text));
    if (m) return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  }
  return null;
}

/** The date the report is signed with: a date alone on one of the last lines. */
function signedOn(paragraphs: string[]): string | null {
  for (const text of paragraphs.slice(-6).reverse()) {
    const m = DATE_LINE.exec(halfWidth(cleanText(text)));
    if (m) return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  }
  return null;
}

export interface ReadOptions {
  /** the format, when the caller knows it (else detected) */
  format?: FormatId;
}

/** A report from its document. */
export function readReport(doc: SourceDocument, options: ReadOptions = {}): ReadReport {
  const blocks = doc.blocks;
  const located = locateSections(blocks);
  const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const firstHeading = located[0]?.index ?? Math.min(blocks.length, 8);
  const lead = blocks.slice(0, firstHeading).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const overviewAt = located.find((l) => l.key === 'overview');
  const overviewText = overviewAt
    ? blocks
        .slice(overviewAt.index + 1, overviewAt.index + 6)
        .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
        .join('\n')
    : paragraphs.slice(0, 6).join('\n');
  const { agency, year } = agencyAndYear(doc, lead.length > 0 ? lead : paragraphs.slice(0, 5), overviewText);

  // the tables sit in sections 二 to 四: from the first of them to section 五 (else the whole file)
  const start = located.find((l) => l.key === 'proactive' || l.key === 'requests')?.index ?? 0;
  const end = located.find((l) => l.key === 'problems' || l.key === 'other')?.index ?? blocks.length;
  const zone = blocks.slice(start, end > start ? end : blocks.length);
  const zoneText = zone
    .map((b) =>
      b.kind === 'paragraph'
        ? b.text
        : b.kind === 'table'
          ? b.rows
              .flat()
              .map((c) => c.text)
              .join(' ')
          : '',
    )
    .join(' ');
  const detected = options.format
    ? { format: options.format, by: 'heads' as const }
    : detectFormat(zoneText, year);
  const format = formatById(detected.format);
  const reading = readTables(format, printedRows(zone));
  const images = zone.filter((b) => b.kind === 'image').length;
  if (images > 0) {
    for (const [code, why] of Object.entries(reading.unreadable)) {
      if (why.startsWith('未找到'))
        reading.unreadable[code] = `${why}（此处的表格为图片，无法读取，未作推测）`;
    }
  }

  const sections: ReadSection[] = REPORT_SECTIONS.map((section) => {
    const at = located.findIndex((l) => l.key === section.key);
    const here = located[at];
    if (!here) return { key: section.key, heading: section.heading, printedHeading: null, text: '' };
    const next = located[at + 1]?.index ?? blocks.length;
    const text = blocks
      .slice(here.index + 1, next)
      .flatMap((b) => (b.kind === 'paragraph' && cleanText(b.text) !== '' ? [cleanText(b.text)] : []))
      .join('\n');
    return { key: section.key, heading: section.heading, printedHeading: here.printed, text };
  });
  const narrative = sections.map((s) => s.text).join('\n');
  return {
    source: doc.source,
    agency,
    year,
    format: format.id,
    formatBy: detected.by,
    publishedOn: doc.publishedOn ?? pageDate(paragraphs) ?? signedOn(paragraphs),
    cells: reading.cells,
    unreadable: reading.unreadable,
    confidence: reading.confidence,
    sections,
    claims: findClaims(narrative, format),
    images,
  };
}
