import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../test/accounts.ts';
import { runCaptured } from '../../test/cli-run.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { residentIdCheckCode } from '../domain/identity/resident-id.ts';
import { requestCommand } from './request.ts';

const db = openDb('sqlite::memory:');
/** One `gongkai request` command on the test's database, which must succeed: what it wrote to stdout. */
const run = async (...args: string[]) => {
  const { code, stdout } = await runCaptured((io) => requestCommand(io, db, args));
  expect(code).toBe(0);
  return stdout;
};
const as = (user: string) => ['--agency', 'cli-wr', '--user', user, '--year', '2026'];
let requestId = 0;

beforeAll(async () => {
  await migrateToLatest(db);
  const agencyId = await addAgency(db, 'cli-wr');
  const password = 'Cli-withheld-2026';
  for (const role of ['operator', 'reviewer'])
    await addUser(db, {
      username: `cli-wr-${role}`,
      displayName: `${role === 'reviewer' ? '王' : '赵'}保密`,
      password,
      agencyId,
      roles: [role],
    });
  const file = join(mkdtempSync(join(tmpdir(), 'gongkai-cli-wr-')), 'request.json');
  const id17 = '37100219800101123';
  writeFileSync(
    file,
    JSON.stringify({
      ...{ channel: 'letter', receivedOn: '2026-11-02', applicantType: 'natural_person' },
      applicant: {
        ...{
          name: '赵六',
          idType: 'resident_id',
          idNumber: id17 + residentIdCheckCode(id17),
          phone: '13800000000',
        },
        ...{
          address: '威海市某路5号',
          information: '本机关2026年干部考核的内部工作规程',
          form: 'paper',
          delivery: 'post',
        },
      },
    }),
  );
  requestId = JSON.parse(
    await run('register', '--agency', 'cli-wr', '--user', 'cli-wr-operator', file),
  ).requestId;
  const payload = { outcome: 'denied.internal_affairs', basis: 'a16.1', reasons: '属于内部事务信息' };
  await run(
    ...['act', '--agency', 'cli-wr', '--user', 'cli-wr-operator', String(requestId), 'decide'],
    ...['--on', '2026-11-20', '--version', '1', '--payload', JSON.stringify(payload)],
  );
});
afterAll(() => db.close());

describe('gongkai request withheld-review / withheld-decide (条例第十八条)', () => {
  it('条例第十八条: lists the year’s information withheld under 第十六条 with the summary', async () => {
    const text = await run('withheld-review', ...as('cli-wr-operator'));
    expect(text).toContain('2026 年度不予公开信息定期评估审查（条例第十八条）：共 1 项，已审查 0 项');
    expect(text).toContain('信息：本机关2026年干部考核的内部工作规程');
    expect(text).toContain('第十六条第一款');
  });

  it('条例第十八条: refuses the operator’s decision in Chinese and writes nothing', async () => {
    await expect(
      run(
        'withheld-decide',
        ...as('cli-wr-operator'),
        String(requestId),
        '--decision',
        'kept',
        '--reason',
        '仍属内部事务',
      ),
    ).rejects.toThrow('保密审查员');
    expect(await db.kysely.selectFrom('withheld_reviews').selectAll().execute()).toEqual([]);
  });

  it('条例第十八条: a reviewer keeps it withheld; the reason ends in one full stop; the JSON says so', async () => {
    const text = await run(
      ...['withheld-decide', ...as('cli-wr-reviewer'), String(requestId)],
      ...['--decision', 'kept', '--reason', '仍属人事管理方面的内部事务信息。。'],
    );
    expect(text).toContain('[继续不予公开]');
    expect(text).toContain('继续不予公开。仍属人事管理方面的内部事务信息。（王保密，');
    const list = JSON.parse(await run('withheld-review', ...as('cli-wr-operator'), '--format', 'json'));
    expect(list.summary).toEqual({ total: 1, reviewed: 1, kept: 1, disclosed: 0, pending: 0 });
  });

  it('条例第十八条: a correction without --replaces is refused, with it a draft item is opened', async () => {
    const decide = (...extra: string[]) =>
      run(
        'withheld-decide',
        ...as('cli-wr-reviewer'),
        String(requestId),
        '--decision',
        'disclosed',
        ...extra,
      );
    await expect(decide('--reason', '规程已修订并对外发布')).rejects.toThrow('更正须注明所更正的决定');
    const [first] = await db.kysely.selectFrom('withheld_reviews').select('id').execute();
    const text = await decide('--reason', '规程已修订并对外发布', '--replaces', String(first.id));
    expect(text).toMatch(/已起草待公开信息 \d+（草稿）/);
  });

  it('条例第十八条: asks for the review year', async () => {
    await expect(run('withheld-review', '--agency', 'cli-wr', '--user', 'cli-wr-operator')).rejects.toThrow(
      '缺少 --year',
    );
  });
});
