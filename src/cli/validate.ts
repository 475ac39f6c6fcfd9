import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { systemClock } from '../commands/context.ts';
import { FORMAT_IDS } from '../domain/report/format.ts';
import { formatById } from '../domain/report/formats/registry.ts';
import { validateReport } from '../domain/report/validate.ts';
import { AGENCY_KINDS } from '../domain/report/vocabulary.ts';
import { type CliIo, flags, printViolations, UsageError, writeErr } from './io.ts';

const cells = z.record(z.string(), z.union([z.number(), z.string()]));

/** A report as `gongkai report --format json` prints it, perhaps edited by hand or typed in elsewhere. */
const reportFile = z.object({
  format: z
    .enum(FORMAT_IDS, { error: `字段 format 应为 ${FORMAT_IDS.join('、')} 之一（报告格式的年份）` })
    .default('2021'),
  year: z.number({ error: '字段 year 应为四位年份' }).int(),
  agencyKind: z
    .enum(AGENCY_KINDS, { error: `字段 agencyKind 应为 ${AGENCY_KINDS.join('、')} 之一` })
    .default('department'),
  cells: cells.refine((v) => Object.keys(v).length > 0, { error: '字段 cells 不能为空' }),
  previousCells: cells.nullable().default(null),
  publishedOn: z.string().nullable().default(null),
  sections: z.record(
    z.string(),
    z.object({
      heading: z.string({ error: '每个部分须有 heading' }),
      paragraphs: z.array(z.string()).optional(),
    }),
  ),
});

/**
 * `gongkai validate FILE [--today YYYY-MM-DD]`: checks a report JSON (generated or edited) against
 * every rule R1–R10 of its format (`format`, “2019” or “2021”; a file without one, written before
 * formats were recorded, is in the 2021 format). Exit 1 when a rule of severity error is broken, 2 when the file is unreadable.
 */
export async function validateCommand(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, { today: { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError('缺少文件：gongkai validate 报告.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = reportFile.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(
      `${file} 格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    );
  const report = parsed.data;
  const violations = validateReport({
    format: formatById(report.format),
    year: report.year,
    agencyKind: report.agencyKind,
    cells: report.cells,
    previousCells: report.previousCells,
    sections: Object.values(report.sections).map((s) => ({
      heading: s.heading,
      text: s.paragraphs ? s.paragraphs.join('\n') : '(table)',
    })),
    publishedOn: report.publishedOn,
    today: values.today ?? systemClock.today(),
  });
  printViolations(io, violations);
  const errors = violations.filter((v) => v.severity === 'error').length;
  writeErr(io, errors === 0 ? `校验通过（${violations.length} 条提示）。` : `校验未通过：${errors} 条错误。`);
  return errors > 0 ? 1 : 0;
}
