/**
 * The yearly figures of table 二 (五)(六)(八), and for a 2019-format year (≤ 2020) that format's own
 * (上一年项目数量, 本年增/减, 其他对外管理服务事项, (九) 政府集中采购) (staff; docs/reports.md,
 * docs/report-formats.md): read, save, import from the XLSX template, and download the template.
 * Refused for a published year (a correction carries them).
 */
import { readFigures, saveFigures } from '../../../commands/reports/figures.ts';
import { figureCell, figuresTemplate, readFiguresSheet } from '../../../commands/reports/figures-xlsx.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { reportParams } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { figuresBody, figuresImportBody, figuresSchema, staffErrors } from './report-schemas.ts';

const TAGS = ['reports'];
const BASE = '/api/v1/agencies/:code/reports/:year/figures';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const reportFigureRoutes: RouteModule = async (app, options) => {
  const { db } = options;
  app.get(
    BASE,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'The yearly figures: licence, penalty and enforcement decisions, fees (staff)',
        params: reportParams,
        response: { 200: figuresSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      return readFigures(db, code, year);
    },
  );

  app.put(
    BASE,
    {
      config: { policy: 'reports/edit' },
      schema: {
        tags: TAGS,
        summary: 'Save the yearly figures (operator); refused once the year is published',
        description:
          'Counts: whole numbers ≥ 0. feesWan: 万元 as text with at most six decimals, kept exactly (分) ' +
          'and printed as entered. A 2019-format year (≤ 2020) also takes its own figures, each optional (null or blank: not ' +
          'stated): *ItemsChange may be negative, procurementAmountYuan is 元 as text with at most two decimals; a 2021-format ' +
          'year refuses them (400, naming the field).',
        params: reportParams,
        body: figuresBody,
        response: { 200: figuresSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      return saveFigures(commandContext(request, options), { code, year, values: request.body });
    },
  );

  app.post(
    `${BASE}/import`,
    {
      config: { policy: 'reports/edit' },
      schema: {
        tags: TAGS,
        summary: 'Import the yearly figures from the XLSX template (operator); problems name the cell',
        params: reportParams,
        body: figuresImportBody,
        response: { 200: figuresSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      const { contentBase64, fileName } = request.body;
      if (!BASE64.test(contentBase64))
        throw new AppError('validation', 'contentBase64 不是有效的 base64 文本。', [
          { field: 'contentBase64', message: '不是有效的 base64' },
        ]);
      const values = await readFiguresSheet(Buffer.from(contentBase64, 'base64'), year);
      return saveFigures(commandContext(request, options), {
        code,
        year,
        values,
        type: 'report.figures_imported',
        source: fileName ?? 'xlsx',
        where: figureCell,
      });
    },
  );

  app.get(
    `${BASE}/template.xlsx`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'The XLSX template of the yearly figures, filled with the current values (staff)',
        params: reportParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { code, year } = request.params;
      const current = await readFigures(db, code, year);
      const body = await figuresTemplate(year, current.figures);
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(`${year}年度数据模板.xlsx`, `figures-${year}.xlsx`))
        .send(body);
    },
  );
};
