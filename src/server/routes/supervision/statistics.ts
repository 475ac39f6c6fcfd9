/**
 * A region's consolidated statistics (issue 15, docs/supervision.md):
 * `GET /api/v1/agencies/:code/supervision/statistics.json|csv|xlsx?year=` — the report format's tables for
 * the agency and every agency below it together, each cell the sum of the agencies' cells as the
 * records say now (their working drafts' tables), checked by the table rules R1–R8 (R7 and R8 against the
 * year before, consolidated the same way). JSON by cell code; CSV one row per cell (code, the cell as
 * printed, value), BOM-prefixed for Excel; XLSX the three tables as the format lays them out
 * (render/tables-xlsx.ts), every cell by code and the rules' findings. A supervisor over the agency or a platform administrator.
 */
import { z } from 'zod';
import type { Clock } from '../../../commands/context.ts';
import { reportCells } from '../../../commands/supervision/cells-counts.ts';
import { readKeptCounts, settleRecounts } from '../../../commands/supervision/kept-counts.ts';
import type { Db } from '../../../db/connection.ts';
import { subtreeAgencies } from '../../../db/queries/supervision.ts';
import { cellLabel } from '../../../domain/report/cell-labels.ts';
import { formatForYear } from '../../../domain/report/formats/registry.ts';
import { csvField } from '../../../domain/report/open-data.ts';
import type { Cells } from '../../../domain/report/types.ts';
import { consolidateCells, consolidatedViolations } from '../../../domain/supervision/consolidate.ts';
import { tablesWorkbook } from '../../../render/tables-xlsx.ts';
import { agencyOf, type RequestAgency } from '../../actor.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { agencyCode, decimal, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const violation = z.object({
  code: z.string(),
  rule: z.string(),
  severity: z.string(),
  cells: z.array(z.string()),
  message: z.string(),
});

export const statisticsSchema = z.object({
  agency: z.string().describe('the code of the subtree’s root'),
  year: z.number().int(),
  format: z.string().describe('the report format of the year: “2019” or “2021”'),
  agencies: z.number().int().describe('agencies added up (the root and every agency below it)'),
  cells: z.record(z.string(), z.union([z.number(), z.string()])).describe('cell code → the sum'),
  violations: z.array(violation).describe('R1–R8 on the sums'),
  unread: z
    .array(z.object({ agency: z.string(), cell: z.string() }))
    .describe('amounts that could not be read as amounts, left out of the sum'),
  countedUpTo: z
    .string()
    .describe('统计截至: ISO instant up to which every change is in the cells (kept ahead)'),
  pending: z.number().int().describe('agencies shown as last counted while their new records are counted'),
});

/**
 * The subtree's cells summed for the year, with the rules' findings: each agency's cells kept ahead
 * (commands/supervision/cells-counts.ts), built again for the agencies changed since.
 */
async function consolidated(
  db: Db,
  clock: Clock,
  root: RequestAgency,
  year: number,
  onError: (error: unknown) => void,
) {
  const format = formatForYear(year);
  const agencies = await subtreeAgencies(db, root.id);
  const kept = await readKeptCounts(
    db,
    clock,
    reportCells(db),
    year,
    agencies.map((a) => a.id),
    { onError },
  );
  // one round of facts per agency gave both years (loadReportFactsWithId: the year and the one before)
  const current: Array<{ agency: string; cells: Cells }> = [];
  const before: Array<{ agency: string; cells: Cells }> = [];
  for (const a of agencies) {
    const cells = kept.values.get(a.id);
    if (!cells) continue;
    current.push({ agency: a.code, cells: cells.current });
    if (cells.previous) before.push({ agency: a.code, cells: cells.previous });
  }
  const summed = consolidateCells(format, current);
  // the year before, in the same format, for R7 (上年结转) and R8 (现行有效); none when no agency has its records
  const previous = before.length > 0 ? consolidateCells(format, before).cells : null;
  const body = {
    agency: root.code,
    year,
    format: format.id,
    agencies: agencies.length,
    cells: summed.cells,
    violations: consolidatedViolations(format, year, summed.cells, previous),
    unread: summed.unread,
    countedUpTo: kept.countedUpTo,
    pending: kept.pending,
  };
  return { format, body };
}

const YEAR_QUERY = z.object({
  year: decimal(z.number({ error: '年度应为2008到2100之间的四位年份' }).int().min(2008).max(2100)),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const supervisionStatisticsRoutes: RouteModule = async (app, { db, clock }) => {
  app.addHook('onClose', settleRecounts);
  const onError = (error: unknown) => app.log.error({ err: error }, 'kept cells: background recount failed');
  app.get(
    '/api/v1/agencies/:code/supervision/statistics.:file',
    {
      config: { policy: 'supervisor' },
      schema: {
        tags: ['supervision'],
        summary:
          'A region’s consolidated statistics: the report format’s cells summed over the agency and every agency below it, checked by R1–R8 (JSON by cell code, or CSV)',
        params: z.object({
          code: agencyCode,
          file: z.enum(['json', 'csv'], { error: '文件格式应为 json、csv 或 xlsx' }),
        }),
        querystring: YEAR_QUERY,
        response: { 200: statisticsSchema.or(z.string()), ...readErrors },
      },
    },
    async (request, reply) => {
      const root = agencyOf(request);
      const { format, body } = await consolidated(db, clock, root, request.query.year, onError);
      const { year } = body;
      if (request.params.file === 'json') return body;
      const lines = [['cell', 'label', 'value']]
        .concat(
          format.cellCodes.map((code) => [code, cellLabel(format, code), String(body.cells[code] ?? '')]),
        )
        .map((fields) => `${fields.map(csvField).join(',')}\r\n`);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="statistics-${root.code}-${year}.csv"`)
        .send(`\uFEFF${lines.join('')}`);
    },
  );

  app.get(
    '/api/v1/agencies/:code/supervision/statistics.xlsx',
    {
      config: { policy: 'supervisor' },
      schema: {
        tags: ['supervision'],
        summary:
          'A region’s consolidated statistics as XLSX: the three tables as the report format lays them out, every cell by code, and the findings of R1–R8',
        params: z.object({ code: agencyCode }),
        querystring: YEAR_QUERY,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const root = agencyOf(request);
      const { format, body } = await consolidated(db, clock, root, request.query.year, onError);
      const { year, agencies } = body;
      const below = agencies > 1 ? `（含下级${agencies - 1}个机关汇总）` : '';
      const workbook = await tablesWorkbook({
        title: `${root.name}${year}年政府信息公开工作统计${below}`,
        tables: format.tables(body.cells),
        cells: format.cellCodes.map((code) => ({
          code,
          label: cellLabel(format, code),
          value: body.cells[code],
        })),
        findings: body.violations.map((v) => ({
          rule: v.rule,
          severity: v.severity === 'error' ? '错误' : '提示',
          cells: v.cells,
          message: v.message,
        })),
        created: new Date(Date.UTC(year + 1, 0, 1)),
      });
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          contentDisposition(
            `${root.name}${year}年政府信息公开工作统计.xlsx`,
            `statistics-${root.code}-${year}.xlsx`,
          ),
        )
        .send(workbook);
    },
  );
};
