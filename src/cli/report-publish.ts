/**
 * `gongkai report publish` and `gongkai report correct`: 发布 and 发布更正 of an annual report
 * from the command line, as the API does them (the same commands, the same refusals): refused
 * while the report has an error unless the approver gives a 说明 (`--note`).
 */
import { correctReport } from '../commands/reports/correct-report.ts';
import { publishReport } from '../commands/reports/publish-report.ts';
import { storePublishedPdf } from '../commands/reports/store-version-pdf.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { renderReportPdf } from '../render/pdf.ts';
import { cliAgencyContext } from './command-context.ts';
import { type CliIo, flags, UsageError } from './io.ts';

export const PUBLISH_USAGE = `gongkai report publish --agency CODE --user USER --year YYYY [--on YYYY-MM-DD] [--note 说明]
gongkai report correct --agency CODE --user USER --year YYYY --reason 更正原因 [--note 说明]
  有错误级别的校验问题时不能发布；审批负责人确需发布时以 --note 填写说明（与报告一同公布）。发布后不可修改，只能发布更正。`;

/** Publishes (`publish`) or corrects (`correct`) a year's report; prints the version as JSON. */
export async function reportPublishCommand(
  io: CliIo,
  db: Db,
  sub: 'publish' | 'correct',
  args: string[],
): Promise<number> {
  const { values } = flags(args, {
    agency: { type: 'string' },
    user: { type: 'string' },
    year: { type: 'string' },
    on: { type: 'string' },
    note: { type: 'string' },
    reason: { type: 'string' },
  });
  if (!values.agency) throw new UsageError(`缺少 --agency。用法：\n${PUBLISH_USAGE}`);
  if (!values.year || !/^\d{4}$/.test(values.year))
    throw new UsageError(`--year 应为四位年份，如 --year 2021。用法：\n${PUBLISH_USAGE}`);
  const year = Number(values.year);
  try {
    const { ctx } = await cliAgencyContext(db, values.agency, values.user);
    const code = values.agency;
    const version =
      sub === 'publish'
        ? await publishReport(ctx, { code, year, publishedOn: values.on, note: values.note })
        : await correctReport(ctx, { code, year, reason: values.reason ?? '', note: values.note });
    const pdf = await storePublishedPdf(ctx, { code, year, version: version.version }, renderReportPdf);
    const { report, ...summary } = version;
    io.stdout.write(`${JSON.stringify({ ...summary, ...pdf }, null, 2)}\n`);
    if (pdf.pdfNotice) io.stderr.write(`${pdf.pdfNotice}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const details = (error.details ?? []).map((d) => `  ${d.message}`).join('\n');
      throw new UsageError(details ? `${error.message}\n${details}` : error.message);
    }
    throw error;
  }
}
