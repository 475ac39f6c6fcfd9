import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runGongkai } from '../../test/cli-run.ts';
import { openDb } from '../db/connection.ts';

let dir: string;

function gongkai(...args: string[]) {
  return runGongkai(args, { env: { DATABASE_URL: `sqlite:${join(dir, 'g.db')}`, GONGKAI_DEMO: '0' } });
}

function json(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-registry-'));
  const agency = { type: 'agency', code: 'cli-reg', name: '某局', kind: 'department' };
  writeFileSync(join(dir, 'agency.jsonl'), `${JSON.stringify(agency)}\n`);
  expect((await gongkai('import', join(dir, 'agency.jsonl'))).code).toBe(0);
  const db = openDb(`sqlite:${join(dir, 'g.db')}`);
  const { id } = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', 'cli-reg')
    .executeTakeFirstOrThrow();
  for (const [username, disabled] of [
    ['op', 0],
    ['gone', 1],
  ] as const) {
    const user = await db.kysely
      .insertInto('users')
      .values({ username, display_name: '经办人', created_at: '2022-01-01T00:00:00Z', disabled })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('user_roles')
      .values({ user_id: user.id, agency_id: id, role: 'operator' })
      .execute();
  }
  await db.close();
});

it('issues, repeals, refuses a second repeal and lists what is in force, JSON in and out', async () => {
  const doc = { kind: 'normative', docNumber: '某发〔2021〕1号', title: '某规定', issuedOn: '2021-03-01' };
  const issued = await gongkai(
    'registry',
    'issue',
    '--agency',
    'cli-reg',
    '--user',
    'op',
    json('doc.json', doc),
  );
  expect(issued.code).toBe(0);
  const { id } = JSON.parse(issued.stdout) as { id: number };
  const repeal = json('repeal.json', { repealedOn: '2021-10-01', repealedBy: '某发〔2021〕9号' });
  const args = ['registry', 'repeal', '--agency', 'cli-reg', '--user', 'op', String(id), repeal];
  expect((await gongkai(...args)).code).toBe(0);
  const again = await gongkai(...args);
  expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('不能废止')]);
  const list = async (on: string) =>
    (
      JSON.parse((await gongkai('registry', 'list', '--agency', 'cli-reg', '--on', on)).stdout) as {
        total: number;
      }
    ).total;
  expect([await list('2021-06-30'), await list('2021-12-31')]).toEqual([1, 0]);
});

it('refuses a disabled user, though they still hold a role in the agency, writing nothing', async () => {
  const doc = {
    kind: 'normative',
    docNumber: '某发〔2021〕5号',
    title: '停用者的规定',
    issuedOn: '2021-03-01',
  };
  const args = ['registry', 'issue', '--agency', 'cli-reg', '--user', 'gone', json('gone.json', doc)];
  const refused = await gongkai(...args);
  expect([refused.code, refused.stderr]).toEqual([
    2,
    expect.stringContaining('用户 gone 无权办理该机关的事务'),
  ]);
  const all = await gongkai('registry', 'list', '--agency', 'cli-reg', '--user', 'op', '--all');
  expect(JSON.parse(all.stdout).items.map((d: { docNumber: string }) => d.docNumber)).not.toContain(
    '某发〔2021〕5号',
  );
});
