/** `GET /healthz`: the server is up and the database answers a trivial query. */
import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from './types.ts';

const healthBody = z.object({ ok: z.literal(true), database: z.enum(['sqlite', 'postgres']) });

export const healthRoutes: RouteModule = async (app, { db }) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: healthBody },
      },
    },
    async () => {
      await sql`select 1 as one`.execute(db.kysely);
      return { ok: true as const, database: db.dialect };
    },
  );
};
