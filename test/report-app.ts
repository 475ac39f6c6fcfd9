/** Test helper of the report routes: the demo agency on a test database, a server at a fixed instant. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../src/db/connection.ts';
import { buildServer } from '../src/server/app.ts';

export const OPERATOR = { 'x-gongkai-user': 'lingang-operator' };
export const APPROVER = { 'x-gongkai-user': 'lingang-approver' };
export const REVIEWER = { 'x-gongkai-user': 'lingang-reviewer' };
export const PLATFORM = { 'x-gongkai-user': 'platform-admin' };
export const REPORTS = '/api/v1/agencies/lingang/reports';

/** 20 January 2022 in China: before the demo 2021 report's deadline (31 January). */
export const NOW = new Date('2022-01-20T02:00:00Z');

/**
 * A server whose clock stands at `now` on `db`, which holds the demo agency with its 2021 report a
 * draft (the suite's database from `describeEachWithDraftDemo`) or published (`describeEachWithDemo`).
 */
export async function demoApp(
  db: Db,
  now: Date = NOW,
  options: { pdfAtPublish?: boolean } = {},
): Promise<FastifyInstance> {
  const report = await db.kysely
    .selectFrom('annual_reports')
    .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
    .select('annual_reports.version')
    .where('agencies.code', '=', 'lingang')
    .where('annual_reports.year', '=', 2021)
    .executeTakeFirst();
  if (!report)
    throw new Error(
      'no demo agency: describe the suite with describeEachWithDraftDemo or describeEachWithDemo',
    );
  // the report suites publish often and check the PDF elsewhere (test/report-pdf.test.ts)
  const app = await buildServer({
    db,
    now: () => now,
    trustUserHeader: true,
    pdfAtPublish: options.pdfAtPublish ?? false,
  });
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
      fee_fen: 0,
      mixed_items: 0,
      state: fields.decidedOn ? 'decided' : 'open',
    })
    .execute();
}
