import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../test/accounts.ts';
import { runCaptured } from '../../test/cli-run.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { todayInChina } from '../domain/dates.ts';
import { residentIdCheckCode } from '../domain/identity/resident-id.ts';
import { UsageError } from './io.ts';
import { requestCommand } from './request.ts';

const db = openDb('sqlite::memory:');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-proposals-'));
/** One `gongkai request` command on the test's database: its exit code and what it wrote. */
const run = (...args: string[]) => runCaptured((io) => requestCommand(io, db, args));
const AS = (user: string) => ['--agency', 'cli-pp', '--user', user];
const TODAY = todayInChina(new Date());
const YEAR = TODAY.slice(0, 4);

/** A valid 居民身份证号: the 17 digits and their check code (GB 11643, domain/identity). */
const residentId = (body17: string): string => body17 + residentIdCheckCode(body17);

const ids: number[] = [];

beforeAll(async () => {
  await migrateToLatest(db);
  const agencyId = await addAgency(db, 'cli-pp', '临港区人民政府办公室');
  const password = 'Cli-proposals-2026';
  await addUser(db, { username: 'cli-pp-operator', password, agencyId, roles: ['operator'] });
  await addUser(db, {
    username: 'cli-pp-approver',
    displayName: '李审批',
    password,
    agencyId,
    roles: ['approver'],
  });
  const requests: Array<[string, string, string]> = [
    ['张三', '37100219800101110', '临港区某道路拓宽工程的征收补偿方案'],
    ['李四', '37100219810202220', '申请公开临港区某道路拓宽工程征收补偿方案及补偿标准'],
    ['王五', '37100219820303330', '临港区某道路拓宽工程的环境影响评价报告'],
  ];
  for (const [i, [name, id, information]] of requests.entries()) {
    const file = join(dir, `r${i}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        ...{ channel: 'letter', receivedOn: TODAY, applicantType: 'natural_person' },
        applicant: {
          ...{ name, idType: 'resident_id', idNumber: residentId(id), phone: '13800000000' },
          ...{ address: '威海市环翠区某路1号', information, form: 'paper', delivery: 'post' },
        },
      }),
    );
    const { code, stdout: out } = await run('register', ...AS('cli-pp-operator'), file);
    expect(code).toBe(0);
    ids.push(JSON.parse(out).requestId);
  }
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gongkai request proposals|include|decline|suggest (条例第四十四条)', () => {
  it('条例第四十四条第一款: nothing is proposed before an answer shows the information 可以公开', async () => {
    const { stdout: out } = await run('proposals', ...AS('cli-pp-approver'), '--year', YEAR);
    expect(out).toContain('待审核 0 项');
  });

  it('条例第四十四条第二款: an operator records a suggestion; the list shows it marked as the applicant’s', async () => {
    const recorded = await run(
      'suggest',
      ...AS('cli-pp-operator'),
      String(ids[2]),
      '--reasons',
      'wide_awareness',
    );
    expect(JSON.parse(recorded.stdout).suggestion.reasons).toEqual(['wide_awareness']);
    await expect(
      run('suggest', ...AS('cli-pp-operator'), String(ids[2]), '--reasons', 'because'),
    ).rejects.toThrow(/“because”无效/);
    const { stdout: out } = await run('proposals', ...AS('cli-pp-approver'), '--year', YEAR);
    expect(out).toContain(`（申请人建议；申请 ${ids[2]}）`);
    expect(out).toContain('建议纳入主动公开：需要公众广泛知晓');
  });

  it('条例第四十四条: after one 予以公开, two applicants make a proposal; the operator opens the draft', async () => {
    const decided = await run(
      'act',
      ...AS('cli-pp-operator'),
      String(ids[0]),
      'decide',
      '--version',
      '1',
      '--payload',
      JSON.stringify({
        outcome: 'granted',
        basis: 'a36.2',
        reasons: '属于公开范围',
        fields: { delivery: '随本答复书邮寄' },
      }),
    );
    expect(decided.code).toBe(0);
    const listed = await run('proposals', ...AS('cli-pp-operator'), '--year', YEAR);
    expect(listed.stdout).toContain(
      `【待审核】临港区某道路拓宽工程的征收补偿方案（2 个申请人申请相同信息；申请 ${ids[0]},${ids[1]}）`,
    );
    const key = `${ids[0]},${ids[1]}`;
    await expect(
      run('include', ...AS('cli-pp-approver'), '--year', YEAR, '--category', 'a20.10', key),
    ).rejects.toThrow(/经办人/);
    await expect(run('include', ...AS('cli-pp-operator'), '--year', YEAR, key)).rejects.toThrow(/--category/);
    const included = await run(
      'include',
      ...AS('cli-pp-operator'),
      '--year',
      YEAR,
      '--category',
      'a20.10',
      key,
    );
    expect(JSON.parse(included.stdout).itemId).toBeGreaterThan(0);
    const after = await run('proposals', ...AS('cli-pp-operator'), '--year', YEAR);
    expect(after.stdout).toContain('【已纳入】');
    expect(after.stdout).toContain('已起草信息');
    expect(after.stdout).toContain('（草稿）');
  });

  it('条例第四十四条: the approver declines with a reason; without one the CLI says which flag', async () => {
    await expect(run('decline', ...AS('cli-pp-approver'), '--year', YEAR, String(ids[2]))).rejects.toThrow(
      UsageError,
    );
    const declined = await run(
      'decline',
      ...AS('cli-pp-approver'),
      '--year',
      YEAR,
      '--reason',
      '环评报告已由生态环境部门公开',
      String(ids[2]),
    );
    expect(JSON.parse(declined.stdout).proposalId).toBeGreaterThan(0);
    const shown = await run(
      'proposals',
      ...AS('cli-pp-operator'),
      '--year',
      YEAR,
      '--status',
      'not_included',
    );
    expect(shown.stdout).toContain('不纳入理由：环评报告已由生态环境部门公开（李审批）');
    const json = await run('proposals', ...AS('cli-pp-operator'), '--year', YEAR, '--format', 'json');
    expect(JSON.parse(json.stdout).counts).toEqual({ open: 0, included: 1, notIncluded: 1 });
  });
});
