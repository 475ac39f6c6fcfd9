/**
 * 发布前自查 (issue 15, docs/screening.md): an item's findings now and its screenings kept (staff),
 * and the agency's 错敏词 list (read by staff, kept by the agency administrator). Confirming findings
 * is part of `POST …/items/:id/approve` (items-actions.ts).
 */
import { z } from 'zod';
import { screenItemNow } from '../../../commands/items/screening.ts';
import { addScreeningWord, removeScreeningWord } from '../../../commands/items/screening-words.ts';
import {
  itemScreeningResponse,
  screeningWordBody,
  screeningWordParams,
  screeningWordSchema,
  screeningWordsResponse,
} from '../../../contract/screening.ts';
import { loadActorNames } from '../../../db/queries/actor-names.ts';
import { listItemScreenings, listScreeningWords } from '../../../db/queries/screening.ts';
import { BUILTIN_SCREENING_WORDS } from '../../../domain/items/screening.ts';
import { attachmentTextReader } from '../../../files/attachment-text.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { agencyCode, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { itemParams } from './items-schemas.ts';

export const itemScreeningRoutes: RouteModule = async (app, { db, files, calendars, clock }) => {
  const reader = attachmentTextReader(files);

  app.get(
    '/api/v1/agencies/:code/items/:id/screening',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['items'],
        summary: '发布前自查: the item screened now (title, body, attachments’ text) and its screenings kept',
        params: itemParams,
        response: { 200: itemScreeningResponse, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const current = await screenItemNow(db, reader, agencyId, request.params.id);
      const history = await listItemScreenings(db, agencyId, request.params.id);
      const names = await loadActorNames(
        db,
        history.flatMap((h) => [h.screenedBy, h.confirmedBy]),
      );
      return {
        current,
        history: history.map((h) => ({
          ...h,
          screenedByName: names(h.screenedBy),
          confirmedByName: h.confirmedBy ? names(h.confirmedBy) : null,
        })),
      };
    },
  );

  app.get(
    '/api/v1/agencies/:code/screening-words',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['items'],
        summary: "The agency's 错敏词 list and the built-in entries",
        params: z.object({ code: agencyCode }),
        response: { 200: screeningWordsResponse, ...readErrors },
      },
    },
    async (request) => {
      const words = await listScreeningWords(db, agencyOf(request).id);
      const names = await loadActorNames(
        db,
        words.map((w) => w.createdBy),
      );
      return {
        words: words.map((w) => ({ ...w, createdByName: names(w.createdBy) })),
        builtin: [...BUILTIN_SCREENING_WORDS],
      };
    },
  );

  app.post(
    '/api/v1/agencies/:code/screening-words',
    {
      config: { policy: 'screening/manage_words' },
      schema: {
        tags: ['items'],
        summary: 'Add a 错敏词 entry: the wrong form, its correct form, a note (agency administrator)',
        params: z.object({ code: agencyCode }),
        body: screeningWordBody,
        response: { 201: screeningWordSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = commandContext(request, { db, calendars, clock });
      const added = await addScreeningWord(ctx, { agencyId: agencyOf(request).id, ...request.body });
      const names = await loadActorNames(db, [added.createdBy]);
      return reply.code(201).send({ ...added, createdByName: names(added.createdBy) });
    },
  );

  app.delete(
    '/api/v1/agencies/:code/screening-words/:wordId',
    {
      config: { policy: 'screening/manage_words' },
      schema: {
        tags: ['items'],
        summary: 'Remove a 错敏词 entry (agency administrator)',
        params: screeningWordParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = commandContext(request, { db, calendars, clock });
      await removeScreeningWord(ctx, { agencyId: agencyOf(request).id, wordId: request.params.wordId });
      return reply.code(204).send(null);
    },
  );
};
