import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { seedReport } from '../../test/fixtures/seed-report.ts';
import { renderReportDocx } from './docx.ts';

describe('DOCX byte stability', () => {
  it('renders the same report to the same bytes, stamped with its publication day', async () => {
    const report = seedReport();
    const first = await renderReportDocx(report);
    const second = await renderReportDocx(report);
    expect(second.equals(first)).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const core = await zip.file('docProps/core.xml')?.async('string');
    expect(core).toContain('>2022-01-28T00:00:00Z</dcterms:created>');
    expect(zip.file('word/document.xml')?.date.toISOString()).toBe('2022-01-28T00:00:00.000Z');
  });
});
