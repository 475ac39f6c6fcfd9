import { afterEach, describe, expect, it } from 'vitest';
import { renderReportHtml } from './html.ts';
import { ChromiumMissingError, renderReportPdf } from './pdf.ts';
import { pdfTextString, setPdfInfo } from './pdf-info.ts';
import { minimalReport } from './testing.ts';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('renderReportPdf', () => {
  const html = renderReportHtml(minimalReport());
  /** the minimal report printed as Chromium prints it (no document information): once for the tests that read it */
  let printed: Promise<Buffer> | undefined;
  const print = () => {
    printed ??= renderReportPdf(html);
    return printed;
  };

  it('prints a report to a PDF', async () => {
    const pdf = await print();
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 30_000);

  it('names the report, not the browser, in its document information; the same bytes every time', async () => {
    const info = {
      title: '测试区2021年政府信息公开工作年度报告',
      author: '测试区管理委员会',
      creator: 'Gongkai',
      producer: 'Gongkai',
      date: new Date('2022-01-28T02:00:00Z'),
    };
    const pdf = await renderReportPdf(html, info);
    const text = pdf.toString('latin1');
    expect(text).not.toMatch(/HeadlessChrome|Skia|Mozilla/);
    expect(text).toContain(`/Title ${pdfTextString(info.title)}`);
    expect(text).toContain(`/Author ${pdfTextString(info.author)}`);
    expect(text).toContain(`/Producer ${pdfTextString('Gongkai')}`);
    expect(text).toContain("/ModDate (D:20220128020000+00'00')");
    // another print of the same report, its information replaced: the same bytes
    expect(setPdfInfo(await print(), info).equals(pdf)).toBe(true);
  }, 180_000);

  it('says how to install Chromium when the executable is missing', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const error = await renderReportPdf('<p>x</p>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChromiumMissingError);
    const message = (error as ChromiumMissingError).message;
    expect(message).toMatch(
      /^未找到 Chromium（.*）：请运行 apt-get install -y chromium fonts-noto-cjk，或用 CHROMIUM_PATH 指定可执行文件。$/,
    );
    expect(message).toContain('/nonexistent/chromium');
    expect(message).not.toContain('\n');
  });
});
