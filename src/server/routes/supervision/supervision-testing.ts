/**
 * The 监督工作台 route tests' province (supervision.test.ts, supervision-statistics.test.ts): the demo
 * agency (lingang, its 2021 published) under a city, beside a district with one request overdue; a
 * sibling city with its own supervisor; the city's own staff; a platform administrator. The
 * 工作台's figures of lingang are the published report's cells: the same records, counted by another path.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import type { Db } from '../../../db/connection.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

export const PASSWORD = 'supervise-2026';
export const URL = '/api/v1/agencies/city/supervision?year=2021';

/**
 * Sets the province up before the suite's tests (and closes its server after them): `app()` is
 * the server, `headers[who]` a signed-in session's headers.
 */
export function supervisionProvince(use: () => Db): {
  app: () => FastifyInstance;
  headers: Record<string, Record<string, string>>;
} {
  let server: FastifyInstance | undefined;
  const headers: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    const db = use();
    const city = await addAgency(db, 'city', '某市人民政府办公室');
    await db.kysely.updateTable('agencies').set({ parent_id: city }).where('code', '=', 'lingang').execute();
    const district = await addAgency(db, 'city-district', '某区人民政府办公室', city);
    await db.kysely
      .insertInto('requests')
      .values({
        ...{
          agency_id: district,
          applicant_type: 'natural_person',
          channel: 'online',
          received_on: '2021-12-01',
        },
        ...{ state: 'open', due_on: '2021-12-29', mixed_items: 0, fee_fen: 0, kind: 'disclosure' },
      })
      .execute();
    const sibling = await addAgency(db, 'sibling', '邻市人民政府办公室');
    await addUser(db, { username: 'city-sup', password: PASSWORD, agencyId: city, roles: ['supervisor'] });
    await addUser(db, {
      username: 'sibling-sup',
      password: PASSWORD,
      agencyId: sibling,
      roles: ['supervisor'],
    });
    await addUser(db, {
      username: 'city-staff',
      password: PASSWORD,
      agencyId: city,
      roles: ['agency_admin'],
    });
    await addUser(db, { username: 'root', password: PASSWORD, platformAdmin: true });
    server = await buildServer({ db, now: () => new Date('2022-04-15T02:00:00Z') });
    await server.ready();
    for (const who of ['city-sup', 'sibling-sup', 'city-staff', 'root'])
      headers[who] = (await signInAs(server, who, PASSWORD)).headers;
  });
  afterAll(() => server?.close());
  return {
    app: () => {
      if (!server) throw new Error('the province is not set up yet');
      return server;
    },
    headers,
  };
}
