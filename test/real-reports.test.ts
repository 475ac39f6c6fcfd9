/**
 * 年报体检 on real published reports (test/fixtures/real-reports, README.md there): every cell and
 * every finding of each report's expectation, as read from the file through the same path as
 * `gongkai check` (readReportBytes → checkReport).
 *
 * Where the reader is right to differ from an expectation, the difference is stated here, not
 * tuned away: a value the text cannot place is left unread (null, with why), never guessed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/domain/report/reading/check.ts';
import { readReportBytes } from '../src/report-check/check-file.ts';

const DIR = join(import.meta.dirname, 'fixtures/real-reports');

interface Expected {
  agency: string | null;
  year: number;
  format: '2019' | '2021';
  publishedOn: string | null;
  cells: Record<string, number | string | null>;
  unreadable: Record<string, string>;
  expectedFindings: Array<{ rule: string; cells?: string[] }>;
}

/** Cells the reader leaves unread where the expectation guessed, and why. */
const NOT_GUESSED: Record<string, Record<string, string>> = {
  // the excerpt is cut just after the row: “政府集中采购 0 0 20”, the 20 the start of the next line
  'tongyu-tuanjie-2020.txt': {
    't2.procurement.projects': '数值个数（3）与表格列数（2）不符',
    't2.procurement.amount_yuan': '数值个数（3）与表格列数（2）不符',
  },
  // “规章 0” with the other two cells missing from the text: which column the 0 is in cannot be told
  'xiongxian-unnamed-township-2019.txt': { 't2.regulation.issued': '数值个数（1）与表格列数（3）不符' },
};

/** Texts that never name the agency in a title or a sentence (“我街”): read as null. */
const AGENCY_NOT_STATED = new Set(['guangzhou-liwan-qiaozhong-2023.txt']);

/** One agency, named shorter or longer (广州市海珠区江南中街道 / 海珠区人民政府江南中街道办事处). */
function sameAgency(a: string, b: string): boolean {
  const core = (s: string) => s.replace(/人民政府|办事处|管理委员会/g, '');
  return core(a).includes(core(b)) || core(b).includes(core(a));
}

const reports = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => {
    const slug = f.replace('.expected.json', '');
    const file = readdirSync(DIR).find((x) => x.startsWith(`${slug}.`) && !x.endsWith('.json')) as string;
    return { file, expected: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Expected };
  });

describe('real published reports', () => {
  it('has reports of both formats to read', () => {
    expect(reports.length).toBeGreaterThanOrEqual(13);
    expect(new Set(reports.map((r) => r.expected.format))).toEqual(new Set(['2019', '2021']));
  });

  it.each(reports.map((r) => [r.file, r]))(
    '%s: every cell, the agency, year, format, date and findings',
    async (_, { file, expected }) => {
      const read = await readReportBytes(readFileSync(join(DIR, file)), file);
      expect(read.format).toBe(expected.format);
      expect(read.year).toBe(expected.year);
      expect(read.publishedOn).toBe(expected.publishedOn);
      if (AGENCY_NOT_STATED.has(file)) expect(read.agency).toBeNull();
      else expect(sameAgency(read.agency ?? '', expected.agency ?? '')).toBe(true);

      const notGuessed = NOT_GUESSED[file] ?? {};
      const wrong = Object.entries(expected.cells).flatMap(([code, value]) => {
        if (notGuessed[code])
          return read.cells[code] === null && read.unreadable[code]?.includes(notGuessed[code])
            ? []
            : [`${code}: ${read.cells[code]}`];
        return String(read.cells[code]) === String(value)
          ? []
          : [`${code}: ${value} ≠ ${read.cells[code]} (${read.unreadable[code] ?? ''})`];
      });
      expect(wrong).toEqual([]);
      // what the text does not show is never read
      expect(
        Object.keys(expected.unreadable).filter(
          (code) => read.cells[code] !== null && read.cells[code] !== undefined,
        ),
      ).toEqual([]);

      // the findings on the cells (R1–R9, R11, R12) are exactly those expected; R0 and R10 also
      // report the excerpts' cut-off tables and sections
      const key = (rule: string, cells: string[] = []) => `${rule} ${[...cells].sort().join(',')}`;
      const found = checkReport(read)
        .filter((f) => !['R0', 'R10'].includes(f.rule))
        .map((f) => key(f.rule, f.cells))
        .sort();
      expect(found).toEqual(expected.expectedFindings.map((f) => key(f.rule, f.cells)).sort());
    },
  );

  it('the complete report: its six sections found, R9 quoting the sentences', async () => {
    const file = 'shanghai-bangongting-2019.html';
    const read = await readReportBytes(readFileSync(join(DIR, file)), file);
    expect(read.sections.map((s) => s.printedHeading !== null)).toEqual([true, true, true, true, true, true]);
    const findings = checkReport(read);
    expect(findings.filter((f) => f.rule === 'R10')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'R9').map((f) => f.sentences)).toEqual([
      ['予以公开及部分公开258件'],
      ['无法提供265件'],
    ]);
  });
});

describe('the seed report as published (a DOCX saved as text)', () => {
  it('reads back cell for cell, with no findings', async () => {
    const { seedReport } = await import('./fixtures/seed-report.ts');
    const report = seedReport();
    const read = await readReportBytes(
      readFileSync(join(import.meta.dirname, 'fixtures/lingang-2021-annual-report.txt')),
      'lingang-2021-annual-report.txt',
    );
    expect(
      Object.keys(report.cells).filter((c) => String(read.cells[c]) !== String(report.cells[c])),
    ).toEqual([]);
    expect(read.agency).toBe('威海临港经济技术开发区管理委员会');
    expect(read.year).toBe(2021);
    expect(checkReport(read)).toEqual([]);
  });
});
