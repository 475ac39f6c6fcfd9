/** `GET /api/v1/agencies`: every agency with the years it has records for. */
import { z } from 'zod';
import { listAgencies } from '../queries/agencies.ts';
import type { RouteModule } from './types.ts';

const agencyListBody = z.object({
  agencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string().describe('government | department | development_zone | township | other'),
      years: z.array(z.number().int()).describe('years with publications or requests, newest first'),
      reportYears: z
        .array(z.number().int())
        .describe('years with a published annual report (a frozen version), newest first'),
    }),
  ),
});

export const agencyRoutes: RouteModule = async (app, { db }) => {
  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'List agencies with the years they have records for',
        response: { 200: agencyListBody },
      },
    },
    async () => ({ agencies: await listAgencies(db) }),
  );
};
