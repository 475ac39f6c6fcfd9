import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../test/accounts.ts';
import { runCaptured } from '../../test/cli-run.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { requestCommand } from './request.ts';

const db = openDb('sqlite::memory:');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-request-'));
/** One command on the test's database: its exit code and what it printed (its messages kept apart). */
const run = async (...args: string[]) => {
  const { code, stdout } = await runCaptured((io) => requestCommand(io, db, args));
  return { code, out: stdout };
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

const register = (user: string) => run('register', '--agency', 'cli-req', '--user', user, file);

describe('gongkai request register', () => {
  it('registers a request as the agency’s operator, with the first event by that user', async () => {
    const { code, out } = await register('cli-req-operator');
    expect(code).toBe(0);
    const registered = JSON.parse(out) as { requestId: number; receivedOn: string };
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

describe('oral applications and help given (条例 第二十九条第一款、第四十三条)', () => {
  const as = ['--agency', 'cli-req', '--user', 'cli-req-operator'];
  const oralFile = join(dir, 'oral.json');

  beforeAll(() => {
    writeFileSync(
      oralFile,
      JSON.stringify({
        ...{ channel: 'oral', receivedOn: '2026-11-03', applicantType: 'natural_person' },
        applicant: {
          ...{
            name: '王大爷',
            idType: 'other',
            idName: '老年证',
            idNumber: 'LN-2026-01',
            phone: '13800000000',
          },
          ...{ information: '本村2025年度土地征收补偿标准', form: 'paper', delivery: 'pickup' },
        },
        oral: { difficulty: '申请人不识字', confirmation: 'signed' },
      }),
    );
  });

  it('条例第二十九条第一款: registers an oral application; the receipt says the office wrote it up', async () => {
    const { out } = await run('register', ...as, oralFile);
    const id = String((JSON.parse(out) as { requestId: number }).requestId);
    const letters = await run('letters', ...as, id);
    expect(letters.out).toContain('您于2026年11月3日口头提出政府信息公开申请。因您采用书面形式确有困难');
    expect(letters.out).toContain('代为填写政府信息公开申请，经您当场签字确认，并予登记');
  });

  it('条例第四十三条: records the help given, and refuses it without the help written', async () => {
    const { out } = await run('register', ...as, oralFile);
    const id = String((JSON.parse(out) as { requestId: number }).requestId);
    const assist = (given?: string) =>
      run(
        'assist',
        ...as,
        id,
        '--version',
        '1',
        '--needs',
        'reading,hearing',
        ...(given ? ['--given', given] : []),
      );
    await expect(assist()).rejects.toThrow('请填写提供的帮助');
    expect((await assist('工作人员宣读申请内容')).code).toBe(0);
    const shown = JSON.parse((await run('show', ...as, id)).out) as { assistance: { needsLabel: string } };
    expect(shown.assistance.needsLabel).toBe('阅读困难、听觉障碍');
  });
});

describe('gongkai request letters (条例 第三十六条: the answer as sent)', () => {
  const as = ['--agency', 'cli-req', '--user', 'cli-req-operator'];

  it('refuses a 部分公开 without the fields its basis needs, then prints every letter with its date', async () => {
    const { out } = await run('register', ...as, file);
    const id = String((JSON.parse(out) as { requestId: number }).requestId);
    const decision = { outcome: 'partial', basis: 'a37', reasons: '部分涉及商业秘密', withheldUnder: 'a15' };
    const act = (payload: object) =>
      run(
        'act',
        ...as,
        id,
        'decide',
        '--on',
        '2026-11-20',
        '--version',
        '1',
        '--payload',
        JSON.stringify(payload),
      );
    await expect(act(decision)).rejects.toThrow('请填写“获取的方式、途径和时间”、“不予公开部分的理由”');
    expect((await run('letters', ...as, id)).out).not.toContain('答复书');
    const fields = { delivery: '随本答复书以电子邮件发送', reason: '投标报价明细属于商业秘密。' };
    // 复议法 第二十三条: the decision records what the withheld part rests on
    const { withheldUnder: _unsaid, ...unsaid } = decision;
    await expect(act({ ...unsaid, fields })).rejects.toThrow('请选择“不予公开部分的依据”');
    expect((await act({ ...decision, fields })).code).toBe(0);
    const text = await run('letters', ...as, id);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/===== 1\. 登记回执（receipt） {2}2026年11月2日/);
    expect(text.out).toMatch(/===== 2\. 答复书（部分公开）（answer\.partial） {2}2026年11月20日/);
    expect(text.out).toContain(
      '获取的方式、途径和时间：随本答复书以电子邮件发送；其余部分不予公开，理由是：投标报价明细属于商业秘密。',
    );
    // 复议法 第二十三条第二款: withheld under 第十五条, so the letter says 应当先向 the agency's review body
    expect(text.out).toContain('应当先向威海市人民政府申请行政复议');
    expect(text.out).not.toMatch(/[{}]|。。/);
    const html = await run('letters', ...as, id, '--format', 'html');
    expect(html.out.match(/<!DOCTYPE html>/gi)).toHaveLength(2);
    await expect(run('letters', ...as, id, '--format', 'pdf')).rejects.toThrow('--format 应为 text 或 html');
    await expect(run('letters', ...as, '99999')).rejects.toThrow('未找到编号为 99999 的申请');
  });

  it('复议法 第二十三条第二款: refuses an answer while the agency has no review body set, telling where to set it', async () => {
    const { out } = await run('register', ...as, file);
    const id = String((JSON.parse(out) as { requestId: number }).requestId);
    const unset = (review_body: string) =>
      db.kysely.updateTable('agencies').set({ review_body }).where('code', '=', 'cli-req').execute();
    await unset('');
    try {
      const payload = JSON.stringify({ outcome: 'unable.not_held', basis: 'a36.4', reasons: '经检索' });
      const decide = [
        'act',
        ...as,
        id,
        'decide',
        '--on',
        '2026-11-20',
        '--version',
        '1',
        '--payload',
        payload,
      ];
      await expect(run(...decide)).rejects.toThrow(/尚未设置“行政复议机关”.*机关设置/u);
      expect((await run('letters', ...as, id)).out).not.toContain('答复书');
    } finally {
      await unset('威海市人民政府');
    }
  });

  it('条例 第三十二条: a 第十五条 refusal without a consultation on record requires the reason none was sought', async () => {
    const { out } = await run('register', ...as, file);
    const id = String((JSON.parse(out) as { requestId: number }).requestId);
    const decide = (fields: object) =>
      run(
        ...['act', ...as, id, 'decide', '--on', '2026-11-20', '--version', '1', '--payload'],
        JSON.stringify({ outcome: 'denied.third_party', basis: 'a15', reasons: '涉及个人隐私', fields }),
      );
    await expect(decide({})).rejects.toThrow('请填写“未书面征求第三方意见的理由”');
    expect((await decide({ unconsulted: '第三方已注销，无法联系' })).code).toBe(0);
    expect((await run('letters', ...as, id)).out).toContain('应当先向威海市人民政府申请行政复议');
  });

  it('lists the bases of an outcome with the fields a decision on each must carry', async () => {
    const { out } = await run('bases', 'unable.not_held');
    const [group] = JSON.parse(out) as Array<{
      heading: string;
      outcomes: Array<{ bases: Array<{ basis: string; fields: Array<{ label: string }> }> }>;
    }>;
    expect(group.heading).toBe('（四）无法提供');
    const a365 = group.outcomes[0].bases.find((b) => b.basis === 'a36.5');
    expect(a365?.fields.map((f) => f.label)).toEqual([
      '不属于本机关负责公开的理由',
      '负责公开该政府信息的行政机关',
      '该机关的联系方式',
    ]);
  });
});

describe('条例第四十一条: gongkai request for a correction request', () => {
  const as = ['--agency', 'cli-req', '--user', 'cli-req-operator'];
  const correctionFile = join(dir, 'correction.json');

  it('条例第四十一条: registers one, refuses the normal decide, answers it with decide_correction and prints its letters', async () => {
    writeFileSync(
      correctionFile,
      JSON.stringify({
        kind: 'record_correction',
        ...{ channel: 'in_person', receivedOn: '2026-11-02', applicantType: 'business' },
        applicant: {
          ...{ name: '威海某科技有限公司', idType: 'other', idName: '营业执照', idNumber: 'YYZZ-2026-001' },
          address: '威海市某路1号',
        },
        correction: {
          record: '本机关2026年第3号行政检查记录中本公司的注册地址',
          inaccuracy: '记录为“某路2号”，应为“某路1号”',
          evidence: '营业执照副本',
        },
      }),
    );
    const { out } = await run('register', ...as, correctionFile);
    const id = String((JSON.parse(out) as { requestId: number }).requestId);
    const act = (action: string, payload: object) =>
      run(
        'act',
        ...as,
        id,
        action,
        '--on',
        '2026-11-20',
        '--version',
        '1',
        '--payload',
        JSON.stringify(payload),
      );
    await expect(act('decide', { outcome: 'granted', basis: 'a36.2', reasons: '公开' })).rejects.toThrow(
      '该申请是更正申请（条例第四十一条）',
    );
    await expect(act('decide_correction', { outcome: 'transferred' })).rejects.toThrow(
      '请填写“有权更正的行政机关”',
    );
    expect(
      (await act('decide_correction', { outcome: 'transferred', agency: '威海市市场监督管理局' })).code,
    ).toBe(0);
    const shown = JSON.parse((await run('show', ...as, id)).out) as {
      kind: string;
      correctionOutcome: string;
    };
    expect(shown).toMatchObject({ kind: 'record_correction', correctionOutcome: 'transferred' });
    const text = (await run('letters', ...as, id)).out;
    expect(text).toMatch(/===== 1\. 更正申请登记回执（correction_receipt） {2}2026年11月2日/);
    expect(text).toMatch(/===== 2\. 更正申请答复书（correction_answer） {2}2026年11月20日/);
    expect(text).toContain('本机关已将您的更正申请转送有权更正的行政机关威海市市场监督管理局处理。');
    expect(text).not.toMatch(/[{}]|。。/);
  });

  it('条例第四十一条: lists the outcomes of a correction request with the fields each takes', async () => {
    const { out } = await run('correction-outcomes');
    const listed = JSON.parse(out) as {
      outcomes: Array<{ outcome: string; label: string; fields: unknown[] }>;
    };
    expect(listed.outcomes.map((o) => o.label)).toEqual([
      '予以更正',
      '转送有权更正的机关',
      '告知向有权更正的机关提出',
      '不予更正',
    ]);
  });
});

describe('gongkai request on-the-spot (条例 第三十三条第一款) and record_provision (第四十条)', () => {
  const spot = join(dir, 'on-the-spot.json');
  const as = ['--agency', 'cli-req', '--user', 'cli-req-operator'];
  const write = (decision: object, extra: object = {}) =>
    writeFileSync(
      spot,
      JSON.stringify({
        applicantType: 'business',
        applicant: {
          ...{ name: '威海某科技有限公司', idType: 'other', idName: '营业执照', idNumber: 'YYZZ-2026-001' },
          ...{
            address: '威海市某路1号',
            information: '2025年某项目的批复',
            form: 'paper',
            delivery: 'pickup',
          },
        },
        decision,
        ...extra,
      }),
    );
  const decision = {
    outcome: 'granted',
    basis: 'a36.2',
    reasons: '属于公开范围',
    fields: { delivery: '当场提供复印件' },
  };

  it('条例第三十三条第一款: registers and answers today in one step, then 第四十条 records how it is provided', async () => {
    write(decision);
    const done = JSON.parse((await run('on-the-spot', ...as, spot)).out) as {
      requestId: number;
      receivedOn: string;
      decidedOn: string;
      version: number;
    };
    expect(done.decidedOn).toBe(done.receivedOn);
    const id = String(done.requestId);
    const provided = await run(
      ...['act', ...as, id, 'record_provision', '--version', String(done.version), '--payload'],
      JSON.stringify({ method: 'paper', how: '当场交付复印件，共2页' }),
    );
    expect(provided.code).toBe(0);
    const letters = (await run('letters', ...as, id)).out;
    expect(letters).toContain('登记回执');
    expect(letters).toContain('政府信息公开申请答复书');
    expect(letters).toContain('政府信息提供方式告知书');
    expect(letters).toContain('本机关以纸质形式向您提供相关政府信息：当场交付复印件，共2页。');
  });

  it.each([
    ['a decision without its field', { ...decision, fields: {} }, {}, '获取的方式、途径和时间'],
    ['a request received by fax', decision, { channel: 'fax' }, '“收到方式”应为“当面”'],
  ])('条例第三十三条第一款: refuses %s and writes nothing', async (_situation, payload, extra, message) => {
    write(payload, extra);
    const before = await db.kysely.selectFrom('requests').select('id').execute();
    await expect(run('on-the-spot', ...as, spot)).rejects.toThrow(message);
    expect(await db.kysely.selectFrom('requests').select('id').execute()).toEqual(before);
  });
});
