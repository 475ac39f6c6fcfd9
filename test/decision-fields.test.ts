/**
 * 条例 第三十六条: an answer states its decision in full. Every slot of the chosen basis's sentence
 * is a required field of the decision; a decision without it is refused (400, the field named in
 * Chinese) and nothing is written — no event, no letter, the case unchanged. On both databases.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { describeEachWithDemo } from './databases.ts';

const OPERATOR = { 'x-gongkai-user': 'lingang-operator' };
const BASE = '/api/v1/agencies/lingang/requests';

const applicant = {
  name: '李四',
  idType: 'other',
  idName: '护照',
  idNumber: 'E12345678',
  phone: '13800000001',
  address: '山东省威海市环翠区某路2号',
  information: '2023年临港区道路养护合同',
  form: 'paper',
  delivery: 'post',
};

describeEachWithDemo('a decision carries every field its basis needs (条例 第三十六条)', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({
      db: use(),
      now: () => new Date('2024-05-10T02:00:00Z'),
      trustUserHeader: true,
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const register = async (): Promise<number> => {
    const res = await app.inject({
      method: 'POST',
      url: BASE,
      headers: OPERATOR,
      payload: {
        ...{ channel: 'letter', applicantType: 'natural_person', applicant },
        ...{ receivedOn: '2024-05-06', receiptNote: '挂号信签收' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().requestId;
  };
  const decide = (id: number, payload: object) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/${id}/actions/decide`,
      headers: OPERATOR,
      payload: { expectedVersion: 1, payload },
    });
  const caseOf = async (id: number) => (await app.inject({ url: `${BASE}/${id}`, headers: OPERATOR })).json();
  const letterHtml = async (id: number, letterId: number) =>
    (await app.inject({ url: `${BASE}/${id}/letters/${letterId}.html`, headers: OPERATOR })).body;

  it.each([
    [
      '予以公开 on 第三十六条第（一）项 without where it was published',
      'granted',
      'a36.1',
      {},
      ['已主动公开的获取途径'],
    ],
    [
      '部分公开 (第三十七条) without the withheld part’s reason',
      'partial',
      'a37',
      {},
      ['不予公开部分的理由'],
    ],
    [
      '不属于本机关负责公开 (第三十六条第（五）项) without the agency and its contact',
      'unable.not_held',
      'a36.5',
      { reason: '该信息由区住建局制作' },
      ['负责公开该政府信息的行政机关', '该机关的联系方式'],
    ],
    [
      '法律禁止公开 (第十四条) without the law',
      'denied.law_prohibited',
      'a14.law',
      { law: '  ' },
      ['禁止公开的法律、行政法规'],
    ],
    ['其他处理 without the staff-written answer', 'other.other', 'staff', {}, ['答复内容及依据']],
  ])('refuses %s and writes nothing', async (_situation, outcome, basis, fields, labels) => {
    const id = await register();
    const before = await caseOf(id);
    const res = await decide(id, { outcome, basis, reasons: '经审查', fields });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    for (const label of labels) expect(error.message).toContain(`“${label}”`);
    expect(error.message).not.toMatch(/reason|where|agency|contact|basis|law/);
    expect(error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^fields\./)]),
    );
    const after = await caseOf(id);
    expect(after.version).toBe(before.version);
    expect(after.state).toBe(before.state);
    expect(after.events).toHaveLength(before.events.length);
    expect(after.letters).toHaveLength(before.letters.length);
  });

  it('prints the filled sentence in the 答复书 once the field is given (第三十六条第（一）项)', async () => {
    const id = await register();
    const where = '本机关门户网站“政府信息公开”专栏中的《2023年道路养护合同公示》';
    const res = await decide(id, {
      outcome: 'granted',
      basis: 'a36.1',
      reasons: '已主动公开',
      fields: { where: `${where}。` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = await caseOf(id);
    const answer = view.letters.find((l: { kind: string }) => l.kind === 'answer.granted');
    const html = await letterHtml(id, answer.id);
    expect(html).toContain(`您可以通过${where}获取。`);
    expect(html).not.toMatch(/\{\w+\}|。。/);
  });

  it('takes the responsible agency from otherAgency as before (第三十六条第（五）项)', async () => {
    const id = await register();
    const res = await decide(id, {
      outcome: 'unable.not_held',
      basis: 'a36.5',
      reasons: '非本机关制作',
      otherAgency: '威海市临港区住房和城乡建设局',
      fields: { reason: '该合同由区住建局签订和保存', contact: '0631-0000000' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = await caseOf(id);
    const html = await letterHtml(id, view.letters.at(-1).id);
    expect(html).toContain(
      '负责公开该政府信息的行政机关为威海市临港区住房和城乡建设局，联系方式：0631-0000000。',
    );
  });
});
