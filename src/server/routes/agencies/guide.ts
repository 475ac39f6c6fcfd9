/**
 * The agency's 政府信息公开指南 settings (issue 13): `…/guide` (its particulars, 条例 第十二条第二款, and
 * the ways it takes applications), `…/reading-points` (its 查阅场所, 条例 第二十五条) and
 * `…/catalogue-columns` (every column with its count and 备注说明; a blank one flagged). Staff read;
 * an agency admin writes, each change an event.
 */
import { z } from 'zod';
import { removeReadingPoint } from '../../../commands/agencies/remove-reading-point.ts';
import { saveReadingPoint } from '../../../commands/agencies/save-reading-point.ts';
import { setColumnNote } from '../../../commands/agencies/set-column-note.ts';
import { setAgencyGuide } from '../../../commands/agencies/set-guide.ts';
import { publishedItemsChanged } from '../../../commands/items/published-changes.ts';
import {
  agencyGuideSchema,
  catalogueColumnListSchema,
  columnNoteParams,
  readingPointListSchema,
  readingPointSchema,
} from '../../../contract/guide.ts';
import { agencyGuide, listCatalogueColumns, listReadingPoints } from '../../../db/queries/guide.ts';
import { blankColumns } from '../../../domain/guide/column-notes.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { agencyCode, readErrors, rowId, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const codeParams = z.object({ code: agencyCode });
const pointParams = codeParams.extend({ pointId: rowId('查阅场所编号') });
// checked by the commands (contract/guide.ts), whose messages name the fields in Chinese
const looseBody = (fields: string) => z.looseObject({}).describe(fields);

export const guideRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.get(
    '/api/v1/agencies/:code/guide',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['agencies'],
        summary: "The agency's 公开指南 particulars and the channels it takes ('' when not set)",
        params: codeParams,
        response: { 200: agencyGuideSchema, ...readErrors },
      },
    },
    async (request) => agencyGuide(db.kysely, agencyOf(request).id),
  );

  app.put(
    '/api/v1/agencies/:code/guide',
    {
      config: { policy: 'guide/edit' },
      schema: {
        tags: ['agencies'],
        summary: "Set the agency's 公开指南 particulars (agency admin)",
        params: codeParams,
        body: looseBody(
          '{ office, address, postcode, officeHours, phone, fax?, email?, acceptsFax?, acceptsEmail? }',
        ),
        response: { 200: agencyGuideSchema, ...writeErrors },
      },
    },
    async (request) => {
      const saved = await setAgencyGuide(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        guide: request.body,
      });
      publishedItemsChanged(db);
      return saved;
    },
  );

  app.get(
    '/api/v1/agencies/:code/reading-points',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['agencies'],
        summary: "The agency's 政府信息查阅场所 in order",
        params: codeParams,
        response: { 200: readingPointListSchema, ...readErrors },
      },
    },
    async (request) => ({ points: await listReadingPoints(db.kysely, agencyOf(request).id) }),
  );

  app.post(
    '/api/v1/agencies/:code/reading-points',
    {
      config: { policy: 'guide/edit' },
      schema: {
        tags: ['agencies'],
        summary: 'Add a 查阅场所 (agency admin)',
        params: codeParams,
        body: looseBody('{ name, kind, address, hours?, phone?, sort? }'),
        response: { 200: readingPointSchema, ...writeErrors },
      },
    },
    async (request) =>
      saveReadingPoint(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        point: request.body,
      }),
  );

  app.put(
    '/api/v1/agencies/:code/reading-points/:pointId',
    {
      config: { policy: 'guide/edit' },
      schema: {
        tags: ['agencies'],
        summary: 'Change a 查阅场所 (agency admin)',
        params: pointParams,
        body: looseBody('{ name, kind, address, hours?, phone?, sort? }'),
        response: { 200: readingPointSchema, ...writeErrors },
      },
    },
    async (request) =>
      saveReadingPoint(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        id: request.params.pointId,
        point: request.body,
      }),
  );

  app.delete(
    '/api/v1/agencies/:code/reading-points/:pointId',
    {
      config: { policy: 'guide/edit' },
      schema: {
        tags: ['agencies'],
        summary: 'Remove a 查阅场所 (agency admin)',
        params: pointParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await removeReadingPoint(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        id: request.params.pointId,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/agencies/:code/catalogue-columns',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['items'],
        summary:
          'Every catalogue column with its published count and 备注说明; `blank`: empty without a note',
        params: codeParams,
        response: { 200: catalogueColumnListSchema, ...readErrors },
      },
    },
    async (request) => {
      const columns = await listCatalogueColumns(db.kysely, agencyOf(request).id);
      const blank = new Set(blankColumns(columns));
      return { columns: columns.map((c) => ({ ...c, blank: blank.has(c) })) };
    },
  );

  app.put(
    '/api/v1/agencies/:code/catalogue-columns/:scope/:column/note',
    {
      config: { policy: 'catalogue/configure_columns' },
      schema: {
        tags: ['items'],
        summary: "Set a column's 备注说明 ('' removes it; agency admin)",
        params: codeParams.extend(columnNoteParams.shape),
        body: looseBody('{ note }'),
        response: { 200: z.object({ note: z.string() }), ...writeErrors },
      },
    },
    async (request) => {
      const saved = await setColumnNote(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        scope: request.params.scope,
        code: request.params.column,
        body: request.body,
      });
      publishedItemsChanged(db);
      return saved;
    },
  );
};
