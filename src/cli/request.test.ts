import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../test/accounts.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { type CliIo, processIo } from './io.ts';
import { requestCommand } from './request.ts';

const db = openDb('sqlite::memory:');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-request-'));
let printed = '';
/** The process's environment; what the command prints is kept, its messages dropped. */
const io: CliIo = {
  ...processIo(),
  stdout: {
    write: (chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    },
  },
  stderr: { write: () => true },
};
const file = join(dir, 'request.json');

beforeAll(async () => {
  await migrateToLatest(db);
  const agencyId = await addAgency(db, 'cli-req');
  const password = 'Cli-request-2026';
  await addUser(db, { username: 'cli-req-operator', password, agencyId, roles: ['operator'] });
  await addUser(db, { username: 'cli-req-reviewer', password, agencyId, roles: ['reviewer'] });
  await addUser(db, { username: 'cli-req-gone', password, agencyId, roles: ['operator'] });
  await db.kysely.updateTable('users').set({ disabled: 1 }).where('username', '=', 'cli-req-gone').execute();
  writeFileSync(
    file,
    JSON.stringify({
      ...{
        channel: 'letter',
        receivedOn: '2026-11-02',
        receiptNote: '挂号信签收',
        applicantType: 'business',
      },
      applicant: {
        ...{ name: '威海某科技有限公司', idType: 'other', idName: '营业执照', idNumber: 'YYZZ-2026-001' },
        ...{ address: '威海市某路1号', information: '2025年某项目的批复', form: 'email' },
        ...{ email: 'office@example.cn', delivery: 'email' },
      },
    }),
  );
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const register = (user: string) =>
  requestCommand(io, db, ['register', '--agency', 'cli-req', '--user', user, file]);

describe('gongkai request register', () => {
  it('registers a request as the agency’s operator, with the first event by that user', async () => {
    printed = '';
    expect(await register('cli-req-operator')).toBe(0);
    const registered = JSON.parse(printed) as { requestId: number; receivedOn: string };
    expect(registered.receivedOn).toBe('2026-11-02');
    const event = await db.kysely
      .selectFrom('events')
      .select(['name', 'actor'])
      .where('subject_type', '=', 'request')
      .where('subject_id', '=', String(registered.requestId))
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ name: 'requests.received', actor: 'cli-req-operator' });
  });

  it.each([
    ['a disabled user, although they still hold the operator role', 'cli-req-gone', '已停用'],
    ['an unknown user', 'cli-req-nobody', '无权办理该机关的事务'],
    ['a reviewer (registration is the operator’s, as through the API)', 'cli-req-reviewer', '经办人'],
  ])('refuses %s and writes nothing', async (_situation, user, message) => {
    const before = await db.kysely.selectFrom('requests').select('id').execute();
    await expect(register(user)).rejects.toThrow(message);
    expect(await db.kysely.selectFrom('requests').select('id').execute()).toEqual(before);
  });
});
