import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../domain/report/formats/registry.ts';
import type { Cells } from '../domain/report/types.ts';
import { renderReportDocx } from './docx.ts';
import { renderReportHtml } from './html.ts';
import { minimalReport } from './testing.ts';

/** Every cell of a format with a distinct value (its index). */
const distinct = (codes: readonly string[]): Cells =>
  Object.fromEntries(codes.map((code, i) => [code, i + 1]));

describe.each(REPORT_FORMATS.map((f) => [f.id, f] as const))('the %s format rendered', (id, format) => {
  const report = minimalReport({
    format: id,
    year: id === '2019' ? 2020 : 2021,
    cells: distinct(format.cellCodes),
  });
  const html = renderReportHtml(report);

  it('puts every cell of the format once in the HTML, with its value', () => {
    for (const code of format.cellCodes) {
      const pattern = new RegExp(`<td data-cell="${code.replaceAll('.', '\\.')}"[^>]*>([^<]*)</td>`, 'g');
      const matches = [...html.matchAll(pattern)];
      expect(matches, code).toHaveLength(1);
      expect(matches[0][1], code).toBe(String(report.cells[code]));
    }
    expect([...html.matchAll(/<td data-cell="/g)]).toHaveLength(format.cellCodes.length);
  });

  it.each(
    id === '2019'
      ? ['第二十条第（九）项', '政府集中采购', '本年新制作数量', '对外公开总数量', '（六）其他处理']
      : ['本年制发件数', '现行有效件数', '本年收费金额（单位：万元）', '3.其他'],
  )('prints %s in the HTML and the DOCX', async (text) => {
    expect(html).toContain(text);
    const zip = await JSZip.loadAsync(await renderReportDocx(report));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain(text);
  });
});
