/** Test helpers of the portal: a server on a test agency, items published through the staff API. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createTestAgency } from '../commands/items/testing.ts';
import type { Db } from '../db/connection.ts';
import { buildServer } from '../server/app.ts';

/** A server on `db` with a test agency `code` (see createTestAgency), at a fixed instant. */
export async function portalServer(db: Db, code: string, now: Date): Promise<FastifyInstance> {
  await createTestAgency(db, code);
  const app = await buildServer({ db, now: () => now, trustUserHeader: true });
  await app.ready();
  return app;
}

/** Drafts, approves (保密审查) and publishes (the approver's 签发) an item through the staff API; returns its id. */
export async function publishTestItem(app: FastifyInstance, code: string, fields: object): Promise<number> {
  const as = (who: string) => ({ 'x-gongkai-user': `${code}-${who}` });
  const base = `/api/v1/agencies/${code}/items`;
  const draft = await app.inject({
    method: 'POST',
    url: base,
    headers: as('operator'),
    payload: { bodyHtml: '<p>正文。</p>', category: 'a20.1', formedOn: '2021-03-01', ...fields },
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const id: number = draft.json().itemId;
  let version = 1;
  for (const [action, who] of [
    ['submit', 'operator'],
    ['approve', 'reviewer'],
    ['publish', 'approver'],
  ] as const) {
    const body = action === 'approve' ? { opinion: '同意公开' } : {};
    const res = await app.inject({
      method: 'POST',
      url: `${base}/${id}/${action}`,
      headers: as(who),
      payload: { expectedVersion: version, ...body },
    });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    version = res.json().version;
  }
  return id;
}

/** Links an interpretation to its policy document through the staff API. */
export async function linkTestInterpretation(
  app: FastifyInstance,
  code: string,
  id: number,
  policyId: number,
) {
  const headers = { 'x-gongkai-user': `${code}-operator` };
  const url = `/api/v1/agencies/${code}/items/${id}`;
  const { version } = (await app.inject({ url, headers })).json();
  const res = await app.inject({
    method: 'POST',
    url: `${url}/policy`,
    headers,
    payload: { expectedVersion: version, policyItemId: policyId },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Every <input>, <select> and <textarea> (not hidden) has a <label for> with its id. */
export function unlabelledFields(html: string): string[] {
  const ids = [...html.matchAll(/<(?:input|select|textarea)\b([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => !/type="hidden"/.test(attrs))
    .map((attrs) => /\bid="([^"]+)"/.exec(attrs)?.[1] ?? '(no id)');
  return ids.filter((id) => !html.includes(`<label for="${id}"`));
}

/** Headings out of order: the first is not <h1>, or a level is skipped going down (h1 → h3). */
export function headingJumps(html: string): string[] {
  const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  const problems: string[] = [];
  if (levels[0] !== 1) problems.push(`first heading is h${levels[0]}`);
  levels.forEach((level, i) => {
    if (i > 0 && level > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} → h${level}`);
  });
  return problems;
}
