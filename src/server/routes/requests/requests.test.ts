import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { containsPattern, searchWords } from '../../../db/queries/request-cases.ts';
import { buildServer } from '../../app.ts';

const OPERATOR_A = { 'x-gongkai-user': 'op-a' };
const OPERATOR_B = { 'x-gongkai-user': 'op-b' };

/** A valid 居民身份证号 (check digit computed per GB 11643). */
function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

const person = (name: string, phone: string, information: string) => ({
  applicantType: 'natural_person',
  applicant: {
    ...{ name, idType: 'resident_id', idNumber: residentId('37100219800101123'), phone },
    address: '山东省威海市环翠区某路1号',
    ...{ information, form: 'paper', delivery: 'post' },
  },
});

const organization = (name: string, information: string) => ({
  applicantType: 'business',
  applicant: {
    ...{ name, idType: 'other', idName: '营业执照', idNumber: 'YYZZ-2026-001', address: '威海市某路1号' },
    ...{ information, form: 'email', email: 'office@example.cn', delivery: 'email' },
  },
});

describe('the words and LIKE pattern of a queue search', () => {
  it.each([
    ['blank', '   ', []],
    ['two words', ' 张三  低保 ', ['张三', '低保']],
    [
      'more than eight words keep the first eight',
      'a b c d e f g h i j',
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    ],
  ])('%s', (_, q, words) => {
    expect(searchWords(q)).toEqual(words);
  });

  it.each([
    ['a percent sign', '100%', '%100\\%%'],
    ['an underscore', 'a_b', '%a\\_b%'],
    ['the escape character itself', 'a\\b', '%a\\\\b%'],
    ['upper-case ASCII (lowered)', 'ABC号', '%abc号%'],
  ])('%s is taken literally', (_, word, pattern) => {
    expect(containsPattern(word)).toBe(pattern);
  });
});

describeEachDatabase('searching the request queue', (use) => {
  let app: FastifyInstance;
  const ids: Record<string, { requestId: number; registrationNo: string; trackingCode: string }> = {};

  beforeAll(async () => {
    const db = use();
    const a = await addAgency(db, 'a', '甲区人民政府办公室');
    const b = await addAgency(db, 'b', '乙区人民政府办公室');
    await addUser(db, { username: 'op-a', password: 'Operator-A-2026', agencyId: a, roles: ['operator'] });
    await addUser(db, { username: 'op-b', password: 'Operator-B-2026', agencyId: b, roles: ['operator'] });
    app = await buildServer({ db, now: () => new Date('2026-03-20T02:00:00Z'), trustUserHeader: true });
    await app.ready();
    const register = async (key: string, agency: string, receivedOn: string, body: object) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/agencies/${agency}/requests`,
        headers: agency === 'a' ? OPERATOR_A : OPERATOR_B,
        payload: { channel: 'letter', receivedOn, ...body },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json();
    };
    await register('zhang', 'a', '2026-03-02', person('张三', '13800000001', '2025年城乡低保资金发放明细'));
    await register('li', 'a', '2026-03-09', person('李四', '0631-5201234', '某路段拆迁补偿方案'));
    await register('firm', 'a', '2026-03-16', organization('威海Acme科技有限公司', '100%完成率的考核细则'));
    await register('underscore', 'a', '2026-03-17', person('王五', '13800000003', '文件 gk_2026 的附件'));
    await register('other', 'b', '2026-03-10', person('张三丰', '13800000001', '乙区城乡低保名单'));
  });
  afterAll(() => app.close());

  const queue = async (query: string, headers = OPERATOR_A, agency = 'a') => {
    const res = await app.inject({ url: `/api/v1/agencies/${agency}/requests?${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      total: number;
      cases: Array<{ id: number; registrationNo: string; applicantName: string | null }>;
      counts: Record<string, number>;
    };
  };
  const found = async (query: string) => (await queue(`filter=all&${query}`)).cases.map((c) => c.id).sort();
  const idsOf = (...keys: string[]) => keys.map((k) => ids[k].requestId).sort();

  it.each([
    ['the applicant’s name', '张三', ['zhang']],
    ['an organization’s name, case-insensitively', 'acme', ['firm']],
    ['a phone number, in part', '5201234', ['li']],
    ['words of the information sought', '拆迁', ['li']],
    ['every word of several (each in any field)', '张三 低保', ['zhang']],
    ['nothing when one word matches nothing', '张三 拆迁', []],
  ])('finds a case by %s', async (_, q, keys) => {
    expect(await found(`q=${encodeURIComponent(q)}`)).toEqual(idsOf(...keys));
  });

  it('lists each case with its applicant’s name, so staff see why a name search matched', async () => {
    const { cases } = await queue(`filter=all&q=${encodeURIComponent('张三')}`);
    expect(cases.map((c) => c.applicantName)).toEqual(['张三']);
    const all = await queue('filter=all');
    expect(all.cases.find((c) => c.id === ids.firm.requestId)?.applicantName).toMatch(/acme/i);
  });

  it('finds a case by its registration number and by its tracking code (whole or part, any case, dashes or not)', async () => {
    const { registrationNo, trackingCode } = ids.li;
    expect(await found(`q=${encodeURIComponent(registrationNo)}`)).toEqual(idsOf('li'));
    for (const q of [trackingCode, trackingCode.slice(2, 12).toLowerCase(), trackingCode.replaceAll('-', '')])
      expect(await found(`q=${encodeURIComponent(q)}`), q).toEqual(idsOf('li'));
  });

  it('takes % and _ literally', async () => {
    expect(await found(`q=${encodeURIComponent('100%')}`)).toEqual(idsOf('firm'));
    expect(await found(`q=${encodeURIComponent('%')}`)).toEqual(idsOf('firm'));
    expect(await found(`q=${encodeURIComponent('gk_')}`)).toEqual(idsOf('underscore'));
    expect(await found(`q=${encodeURIComponent('_')}`)).toEqual(idsOf('underscore'));
    expect(await found(`q=${encodeURIComponent('\\')}`)).toEqual([]);
  });

  it('never finds another agency’s case', async () => {
    expect(await found('q=%E5%BC%A0%E4%B8%89%E4%B8%B0')).toEqual([]); // 张三丰, agency b's
    expect(await found(`q=${ids.other.trackingCode}`)).toEqual([]);
    const b = await queue(`filter=all&q=${encodeURIComponent('张三')}`, OPERATOR_B, 'b');
    expect(b.cases.map((c) => c.id)).toEqual([ids.other.requestId]);
    const res = await app.inject({ url: '/api/v1/agencies/b/requests?q=%E5%BC%A0', headers: OPERATOR_A });
    expect(res.statusCode).toBe(403);
  });

  it('combines with the filter and the received-date range; the counts stay those of the queue', async () => {
    const page = await queue(`filter=open&q=${encodeURIComponent('低保')}`);
    expect(page.total).toBe(1);
    expect(page.counts.all).toBe(4);
    expect((await queue(`filter=decided&q=${encodeURIComponent('低保')}`)).total).toBe(0);
    expect(await found('receivedFrom=2026-03-09&receivedTo=2026-03-16')).toEqual(idsOf('li', 'firm'));
    expect(await found('receivedFrom=2026-03-17')).toEqual(idsOf('underscore'));
    expect(await found(`receivedTo=2026-03-09&q=${encodeURIComponent('李四')}`)).toEqual(idsOf('li'));
  });

  it('pages through the results server-side', async () => {
    const first = await queue('filter=all&q=2026&limit=1&offset=0');
    const second = await queue('filter=all&q=2026&limit=1&offset=1');
    expect(first.total).toBe(4);
    expect(first.cases).toHaveLength(1);
    expect(second.cases[0].id).not.toBe(first.cases[0].id);
  });

  it.each([
    ['an impossible date', 'receivedFrom=2026-02-30', '收到日期起应为 YYYY-MM-DD'],
    ['a date in another format', 'receivedTo=2026/03/01', '收到日期止应为 YYYY-MM-DD'],
    ['a range the wrong way round', 'receivedFrom=2026-03-10&receivedTo=2026-03-01', '不能晚于'],
    ['a search of more than 100 characters', `q=${'字'.repeat(101)}`, '搜索词最长 100 个字符'],
  ])('refuses %s in Chinese', async (_, query, message) => {
    const res = await app.inject({ url: `/api/v1/agencies/a/requests?${query}`, headers: OPERATOR_A });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(message);
  });
});
