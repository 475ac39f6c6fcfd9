/**
 * `GET /healthz`: the server is up and the database answers a trivial query; with a read replica
 * (DATABASE_REPLICA_URL), how far behind the primary it is, in bytes of WAL and in seconds.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from './types.ts';

const replicaBody = z.object({
  ok: z.boolean(),
  lagBytes: z.number().nullable(),
  lagSeconds: z.number().nullable(),
});

const healthBody = z.object({
  ok: z.literal(true),
  database: z.enum(['sqlite', 'postgres']),
  replica: replicaBody.optional(),
});

export const healthRoutes: RouteModule = async (app, { db, reads }) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check (and the read replica’s lag)',
        response: { 200: healthBody },
      },
    },
    async () => {
      await sql`select 1 as one`.execute(db.kysely);
      const replica = reads ? await reads.lag() : undefined;
      return { ok: true as const, database: db.dialect, ...(replica ? { replica } : {}) };
    },
  );
};
