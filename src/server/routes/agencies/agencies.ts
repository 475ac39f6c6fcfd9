/** `GET /api/v1/agencies`: every agency with the years it has records for. */
import { agencyListSchema } from '../../../contract/agencies.ts';
import { listAgencies } from '../../queries/agencies.ts';
import type { RouteModule } from '../types.ts';

export const agencyRoutes: RouteModule = async (app, { db }) => {
  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'List agencies with the years they have records for',
        response: { 200: agencyListSchema },
      },
    },
    async () => ({ agencies: await listAgencies(db) }),
  );
};
