import { writeFileSync } from 'node:fs';
import { buildAnnualReport } from '../commands/build-annual-report.ts';
import { systemClock } from '../commands/context.ts';
import { loadDemoIfEmpty } from '../commands/load-demo.ts';
import type { Db } from '../db/connection.ts';
import { FORMAT_IDS } from '../domain/report/format.ts';
import { formatById, isFormatId } from '../domain/report/formats/registry.ts';
import { renderReportDocx } from '../render/docx.ts';
import { renderReportHtml } from '../render/html.ts';
import { renderReportPdf } from '../render/pdf.ts';
import { reportJson } from '../server/presenters/report-json.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, flags, printViolations, UsageError, writeErr } from './io.ts';

const FORMATS = ['json', 'html', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `gongkai report --agency CODE --year YYYY --format json|html|docx|pdf [--report-format 2019|2021]
 * [--out FILE]`; exit 1 on error violations. The report format is the year's (2019 trial format up
 * to 2020) unless --report-format names one.
 */
export async function reportCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  if (args[0] === 'publish' || args[0] === 'correct')
    return (await import('./report-publish.ts')).reportPublishCommand(io, db, args[0], args.slice(1));
  const { values } = flags(args, {
    agency: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    'report-format': { type: 'string' },
    out: { type: 'string' },
  });
  const agency = values.agency;
  if (!agency) throw new UsageError('缺少 --agency：请写机关代码，如 --agency lingang');
  if (!values.year || !/^\d{4}$/.test(values.year))
    throw new UsageError('--year 应为四位年份，如 --year 2021');
  const format = (values.format ?? 'json') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format 应为 ${FORMATS.join('、')} 之一`);
  if ((format === 'docx' || format === 'pdf') && !values.out && io.stdout.isTTY) {
    throw new UsageError(`${format.toUpperCase()} 是二进制文件，请用 --out 文件名 指定保存位置`);
  }
  const reportFormat = values['report-format'];
  if (reportFormat !== undefined && !isFormatId(reportFormat))
    throw new UsageError(`--report-format 应为 ${FORMAT_IDS.join('、')} 之一（年度报告格式的年份）`);
  const demo = await loadDemoIfEmpty(cliContext(db, { username: 'first start' }), io.env);
  if (demo)
    writeErr(io, `首次使用：已载入示例机关 lingang（${demo.lines} 条记录、${demo.items} 条主动公开信息）`);
  const report = await buildAnnualReport(db, agency, Number(values.year), {
    today: systemClock.today(),
    format: reportFormat ? formatById(reportFormat) : undefined,
  });
  if (!report) throw new UsageError(`未找到机关代码为 ${agency} 的机关（可用 gongkai demo 载入示例机关）`);

  let output: string | Buffer;
  if (format === 'json') output = `${JSON.stringify(reportJson(report), null, 2)}\n`;
  // the draft as it stands, a staff preview: with its validation results
  else if (format === 'html') output = renderReportHtml(report, { preview: true });
  else if (format === 'docx') output = await renderReportDocx(report, { preview: true });
  else output = await renderReportPdf(renderReportHtml(report, { preview: true }));

  if (values.out) {
    writeFileSync(values.out, output);
    writeErr(io, `已写入 ${values.out}`);
  } else io.stdout.write(output);

  const errors = report.violations.filter((v) => v.severity === 'error');
  printViolations(io, report.violations);
  return errors.length > 0 ? 1 : 0;
}
