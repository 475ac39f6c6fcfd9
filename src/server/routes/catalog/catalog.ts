/**
 * 公开事项标准目录 (issue 15, docs/catalog.md): the agency's catalogue with each entry's rule, columns
 * and today's check (staff and a supervisor over the agency read), an entry added, edited (its
 * columns: 对应栏目), removed, the catalogue imported from XLSX (`?dryRun=1`: the preview) and
 * exported — the writes the agency's 机关管理员's. The XLSX comes as base64 in JSON: the API takes
 * JSON only (docs/security.md: no multipart a cross-site form could post).
 */
import { z } from 'zod';
import { addCatalogEntry } from '../../../commands/catalog/add-entry.ts';
import { editCatalogEntry } from '../../../commands/catalog/edit-entry.ts';
import { exportCatalog } from '../../../commands/catalog/export-catalog.ts';
import { importCatalog } from '../../../commands/catalog/import-catalog.ts';
import { removeCatalogEntry } from '../../../commands/catalog/remove-entry.ts';
import {
  catalogDeleteQuery,
  catalogEntryParams,
  catalogEntrySchema,
  catalogImportBody,
  catalogImportQuery,
  catalogImportSchema,
  catalogSchema,
} from '../../../contract/catalog.ts';
import type { Db } from '../../../db/connection.ts';
import {
  catalogChecks,
  catalogColumnChoices,
  findCatalogEntry,
  listCatalogEntries,
  type StoredCatalogEntry,
} from '../../../db/queries/catalog.ts';
import type { WorkCalendar } from '../../../domain/calendar/types.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { catalogEntryJson } from '../../presenters/catalog.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { agencyCode, errorBody, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const TAGS = ['catalog'];
const BASE = '/api/v1/agencies/:code/catalog';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const codeParams = z.object({ code: agencyCode });

/** Entries as the API shows them, each with its columns' names and today's check. */
async function present(
  db: Db,
  agencyId: number,
  entries: readonly StoredCatalogEntry[],
  today: string,
  calendar: WorkCalendar,
) {
  const [columns, checks] = await Promise.all([
    catalogColumnChoices(db.kysely, agencyId),
    catalogChecks(db.kysely, agencyId, entries, today, calendar),
  ]);
  return { columns, entries: entries.map((e) => catalogEntryJson(e, columns, checks.get(e.id))) };
}

export const catalogRoutes: RouteModule = async (app, options) => {
  const { db, clock, calendars } = options;
  const one = async (agencyId: number, entry: StoredCatalogEntry) => {
    const shown = await present(db, agencyId, [entry], clock.today(), await calendars.get());
    const json = shown.entries[0];
    if (!json) throw new Error('entry not presented');
    return json;
  };

  app.get(
    BASE,
    {
      config: { policy: 'catalog/view' },
      schema: {
        tags: TAGS,
        summary: "The agency's 标准目录: entries with their rule in Chinese, columns and today's check",
        params: codeParams,
        response: { 200: catalogSchema, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const today = clock.today();
      const entries = await listCatalogEntries(db.kysely, agencyId);
      const shown = await present(db, agencyId, entries, today, await calendars.get());
      return { today, ...shown, domains: [...new Set(entries.map((e) => e.domain))] };
    },
  );

  app.post(
    BASE,
    {
      config: { policy: 'catalog/manage' },
      schema: {
        tags: TAGS,
        summary: '新增事项 (agency administrator)',
        params: codeParams,
        body: z.looseObject({}).describe('an entry: level1, level2, content, basis, deadline, subject, …'),
        response: { 201: catalogEntrySchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const entry = await addCatalogEntry(commandContext(request, options), {
        agencyId,
        entry: request.body,
      });
      return reply.code(201).send(await one(agencyId, entry));
    },
  );

  app.post(
    `${BASE}/import`,
    {
      config: { policy: 'catalog/manage' },
      schema: {
        tags: TAGS,
        summary:
          'Import the 标准目录 from XLSX ({ fileName, contentBase64, domain? }); ?dryRun=1 previews (agency administrator)',
        params: codeParams,
        querystring: catalogImportQuery,
        body: catalogImportBody,
        response: { 200: catalogImportSchema, ...writeErrors },
      },
    },
    async (request) => {
      const { contentBase64, fileName, domain } = request.body;
      if (!BASE64.test(contentBase64))
        throw new AppError('validation', '文件内容不是有效的 base64 文本，请重新选择文件。', [
          { field: 'contentBase64', message: '不是有效的 base64' },
        ]);
      return importCatalog(commandContext(request, options), {
        agencyId: agencyOf(request).id,
        content: Buffer.from(contentBase64, 'base64'),
        fileName,
        domain,
        dryRun: request.query.dryRun,
      });
    },
  );

  app.get(
    `/api/v1/agencies/:code/catalog.xlsx`,
    {
      config: { policy: 'catalog/view' },
      schema: {
        tags: TAGS,
        summary: 'The 标准目录 as XLSX, in the layout the import reads back',
        params: codeParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const agency = agencyOf(request);
      const { content } = await exportCatalog(db, agency, clock.now());
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          contentDisposition(`${agency.name}标准目录.xlsx`, `catalog-${agency.code}.xlsx`),
        )
        .send(content);
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { policy: 'catalog/view' },
      schema: {
        tags: TAGS,
        summary: 'One entry of the 标准目录',
        params: catalogEntryParams,
        response: { 200: catalogEntrySchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const entry = await findCatalogEntry(db.kysely, agencyId, request.params.id);
      if (!entry) throw new AppError('not_found', `未找到编号为 ${request.params.id} 的标准目录事项。`);
      return one(agencyId, entry);
    },
  );

  app.put(
    `${BASE}/:id`,
    {
      config: { policy: 'catalog/manage' },
      schema: {
        tags: TAGS,
        summary: '修改事项 or its columns (对应栏目) at expectedVersion (agency administrator)',
        params: catalogEntryParams,
        body: z.looseObject({}).describe('{ expectedVersion, …fields to change }'),
        response: { 200: catalogEntrySchema, ...writeErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const entry = await editCatalogEntry(commandContext(request, options), {
        agencyId,
        id: request.params.id,
        change: request.body,
      });
      return one(agencyId, entry);
    },
  );

  app.delete(
    `${BASE}/:id`,
    {
      config: { policy: 'catalog/manage' },
      schema: {
        tags: TAGS,
        summary: '删除事项 (?expectedVersion=) (agency administrator)',
        params: catalogEntryParams,
        querystring: catalogDeleteQuery,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await removeCatalogEntry(commandContext(request, options), {
        agencyId: agencyOf(request).id,
        id: request.params.id,
        expectedVersion: request.query.expectedVersion,
      });
      return reply.code(204).send(null);
    },
  );
};
