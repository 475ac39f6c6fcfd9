/**
 * The agency tree (docs/agencies.md), for the installation's platform administrator: the whole
 * tree, a new agency, a change of one (rename, move, retire or reactivate: one per request) and a
 * JSON Lines file of a whole tree. The path names the agency `:agency`, not `:code`: these are the
 * installation's routes (PLATFORM_ADMIN_PREFIXES), not the agency's own.
 */
import { z } from 'zod';
import { createAgency } from '../../../commands/agencies/create-agency.ts';
import { importAgencyTree } from '../../../commands/agencies/import-agency-tree.ts';
import { moveAgency } from '../../../commands/agencies/move-agency.ts';
import { renameAgency } from '../../../commands/agencies/rename-agency.ts';
import { retireAgency } from '../../../commands/agencies/retire-agency.ts';
import {
  agencyChangeBody,
  agencyChangeResult,
  agencyTreeImportBody,
  agencyTreeImportResult,
  agencyTreeSchema,
  newAgencyBody,
} from '../../../contract/agency-tree.ts';
import { agencyCode } from '../../../contract/common.ts';
import { agencyTreeEntries, agencyTreeEntry } from '../../../db/queries/agency-tree.ts';
import { installationContext } from '../../command-context.ts';
import { readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

/** A tree file's size limit (the body is JSON: the text escaped grows a little). */
const TREE_BODY_LIMIT = 8 * 1024 * 1024;

export const agencyTreeRoutes: RouteModule = async (app, options) => {
  const { db } = options;

  app.get(
    '/api/v1/agency-tree',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['agencies'],
        summary: 'Every agency, parents first, with its children counted (platform administrator)',
        response: { 200: agencyTreeSchema, ...readErrors },
      },
    },
    async () => ({ agencies: await agencyTreeEntries(db.kysely) }),
  );

  app.post(
    '/api/v1/agency-tree',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['agencies'],
        summary: 'Create an agency under an active parent, or at the top (platform administrator)',
        body: newAgencyBody,
        response: { 201: agencyChangeResult, ...writeErrors },
      },
    },
    async (request, reply) => {
      await createAgency(installationContext(request, options), request.body);
      return reply.code(201).send({ agency: await agencyTreeEntry(db.kysely, request.body.code) });
    },
  );

  app.patch(
    '/api/v1/agency-tree/:agency',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['agencies'],
        summary:
          'Rename, move, retire or reactivate one agency: one change a request (platform administrator)',
        params: z.object({ agency: agencyCode }),
        body: agencyChangeBody,
        response: { 200: agencyChangeResult, ...writeErrors },
      },
    },
    async (request) => {
      const ctx = installationContext(request, options);
      const code = request.params.agency;
      const { name, shortName, parent, retired } = request.body;
      if (parent !== undefined) await moveAgency(ctx, { code, parent });
      else if (retired !== undefined) await retireAgency(ctx, { code, retired });
      else await renameAgency(ctx, { code, name, shortName });
      return { agency: await agencyTreeEntry(db.kysely, code) };
    },
  );

  app.post(
    '/api/v1/agency-tree/import',
    {
      config: { policy: 'platform' },
      bodyLimit: TREE_BODY_LIMIT,
      schema: {
        tags: ['agencies'],
        summary: 'Import a whole tree from JSON Lines, all or nothing (platform administrator)',
        body: agencyTreeImportBody,
        response: { 200: agencyTreeImportResult, ...writeErrors },
      },
    },
    async (request) =>
      importAgencyTree(installationContext(request, options), {
        content: request.body.content,
        source: 'api',
      }),
  );
};
