/** Test helper of the report routes: the demo agency on a test database, a server at a fixed instant. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadDemo } from '../src/commands/load-demo.ts';
import type { Db } from '../src/db/connection.ts';
import { buildServer } from '../src/server/app.ts';

export const OPERATOR = { 'x-gongkai-user': 'lingang-operator' };
export const APPROVER = { 'x-gongkai-user': 'lingang-approver' };
export const REVIEWER = { 'x-gongkai-user': 'lingang-reviewer' };
export const REPORTS = '/api/v1/agencies/lingang/reports';

/** 20 January 2022 in China: before the demo 2021 report's deadline (31 January). */
export const NOW = new Date('2022-01-20T02:00:00Z');

/** Loads the demo agency into `db` and builds a server on it whose clock stands at `now`. */
export async function demoApp(db: Db, now: Date = NOW): Promise<FastifyInstance> {
  const loaded = await loadDemo(db);
  if (loaded.problems.length > 0) throw new Error(`demo did not load: ${loaded.problems.join('; ')}`);
  const app = await buildServer({ db, now: () => now, trustUserHeader: true });
  await app.ready();
  return app;
}

/** A JSON request through the server. */
export function send(
  app: FastifyInstance,
  method: 'GET' | 'PUT' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Adds a request of the demo agency straight to the records (as an import would). */
export async function addRequest(
  db: Db,
  fields: { receivedOn: string; decidedOn: string | null; outcome: string | null },
): Promise<void> {
  const agency = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', 'lingang')
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('requests')
    .values({
      agency_id: agency.id,
      ref: null,
      applicant_type: 'natural_person',
      channel: 'online',
      received_on: fields.receivedOn,
      decided_on: fields.decidedOn,
      outcome: fields.outcome,
      fee_yuan: 0,
      mixed_items: 0,
      state: fields.decidedOn ? 'decided' : 'open',
    })
    .execute();
}
