import { expect, it } from 'vitest';
import { addAgency, addUser } from '../../test/accounts.ts';
import { capturedIo, runCaptured } from '../../test/cli-run.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { appendEvent } from '../db/events.ts';
import { UsageError } from './io.ts';
import { logCommand } from './log.ts';

describeEachDatabase('gongkai log', (use) => {
  /** `gongkai log …` on the suite's database, which must succeed: the lines it printed. */
  async function run(...args: string[]): Promise<string[]> {
    const { code, stdout } = await runCaptured((io) => logCommand(io, use(), args));
    expect(code).toBe(0);
    return stdout.split('\n').filter(Boolean);
  }

  it('prints one line per event, newest first: time in China, who (by name), what, of what, summary', async () => {
    const db = use();
    const agency = await addAgency(db, 'cli-log');
    await addUser(db, { username: 'approver', displayName: '王审批', password: 'cli-log-password-1' });
    await appendEvent(db.kysely, {
      name: 'requests.extended',
      subject: { type: 'request', id: 7 },
      agency,
      actor: 'approver',
      at: new Date('2026-11-02T17:30:00.000Z'),
      occurredOn: '2026-11-03',
      state: { before: 'open', after: 'open' },
      data: { reason: '需要征求第三方意见' },
    });
    await appendEvent(db.kysely, {
      name: 'settings.column_added',
      subject: { type: 'agency_column', id: 'budget' },
      agency,
      actor: 'admin',
      at: new Date('2026-11-05T02:00:00.000Z'),
    });
    expect(await run('--agency', 'cli-log')).toEqual([
      '2026-11-05 10:00\tadmin\t新增目录栏目（settings.column_added）\t目录栏目 budget\t',
      '2026-11-03 01:30\t王审批\t延期答复（requests.extended）\t申请 7\t日期 2026-11-03；需要征求第三方意见',
    ]);
    expect(await run('--agency', 'cli-log', '--actor', 'approver')).toHaveLength(1);
    expect(await run('--agency', 'cli-log', '--name', 'settings')).toHaveLength(1);
    expect(await run('--agency', 'cli-log', '--since', '2026-11-04')).toHaveLength(1);
    expect(await run('--agency', 'cli-log', '--until', '2026-11-03')).toHaveLength(1);
  });

  it.each([
    ['no agency', []],
    ['an unknown agency', ['--agency', 'nowhere']],
    ['a date that is not one', ['--agency', 'cli-log', '--since', '11/04']],
    ['a bad limit', ['--agency', 'cli-log', '--limit', '0']],
  ])('refuses %s as a usage error', async (_situation, args) => {
    await expect(logCommand(capturedIo(), use(), args)).rejects.toBeInstanceOf(UsageError);
  });
});
