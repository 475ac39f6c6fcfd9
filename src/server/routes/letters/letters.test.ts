import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { docxPart, docxText } from '../../../render/letters/testing.ts';
import { buildServer } from '../../app.ts';

const OPERATOR = { 'x-gongkai-user': 'op' };
const ADMIN = { 'x-gongkai-user': 'admin' };
const REQUESTS = '/api/v1/agencies/a/requests';
const RECEIPT_TEMPLATE = '/api/v1/agencies/a/letter-templates/receipt';

const registration = {
  channel: 'letter',
  receivedOn: '2026-03-02',
  applicantType: 'natural_person',
  applicant: {
    ...{ name: '张三', idType: 'other', idName: '护照', idNumber: 'E12345678', phone: '13800000000' },
    ...{
      address: '威海市某路1号',
      information: '2025年城乡低保资金发放明细',
      form: 'paper',
      delivery: 'post',
    },
  },
};

describeEachDatabase('a letter template that cannot be used, through the API', (use) => {
  let app: FastifyInstance;
  let agencyId: number;
  beforeAll(async () => {
    const db = use();
    agencyId = await addAgency(db, 'a', '甲区人民政府办公室');
    await addUser(db, { username: 'op', password: 'Operator-A-2026', agencyId, roles: ['operator'] });
    await addUser(db, { username: 'admin', password: 'Admin-A-2026x', agencyId, roles: ['agency_admin'] });
    app = await buildServer({ db, now: () => new Date('2026-03-02T02:00:00Z'), trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  it('refuses to save a broken template with 400, naming the template field in Chinese', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: RECEIPT_TEMPLATE,
      headers: ADMIN,
      payload: { template: '{{#each reasons}}{{item.text}}' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^模板有误：/);
    expect(error.details[0].field).toBe('template');
  });

  it.each([
    ['an unknown placeholder', '{{applicant.age}}', 'applicant.age'],
    ['an unclosed block', '@left {{applicant.name}}：\n\n{{#each reasons}}未闭合', '{{/each}}'],
  ])(
    'answers 400 (not 500) when a stored template has %s, and registers nothing',
    async (_, template, named) => {
      await use()
        .kysely.insertInto('letter_templates')
        .values({
          agency_id: agencyId,
          kind: 'receipt',
          template,
          updated_at: '2026-03-01T00:00:00Z',
          updated_by: 'x',
        })
        .execute();
      try {
        const res = await app.inject({
          method: 'POST',
          url: REQUESTS,
          headers: OPERATOR,
          payload: registration,
        });
        expect(res.statusCode, res.body).toBe(400);
        const { error } = res.json();
        expect(error.code).toBe('validation');
        expect(error.message).toMatch(/^文书模板有误：/);
        expect(error.message).toContain(named);
        expect(error.message).toContain('请机关管理员在“文书模板”中修改该模板');
        expect(error.details.every((d: { field: string }) => d.field === 'template')).toBe(true);
        const queue = await app.inject({ url: `${REQUESTS}?filter=all`, headers: OPERATOR });
        expect(queue.json().total).toBe(0);
      } finally {
        await use().kysely.deleteFrom('letter_templates').where('agency_id', '=', agencyId).execute();
      }
    },
  );
});

describeEachDatabase(
  'a letter’s DOCX is built when first downloaded, from what it was issued with',
  (use) => {
    let app: FastifyInstance;
    beforeAll(async () => {
      const db = use();
      const agencyId = await addAgency(db, 'a', '甲区人民政府办公室');
      await addUser(db, { username: 'op', password: 'Operator-A-2026', agencyId, roles: ['operator'] });
      await addUser(db, { username: 'admin', password: 'Admin-A-2026x', agencyId, roles: ['agency_admin'] });
      app = await buildServer({ db, now: () => new Date('2026-03-02T02:00:00Z'), trustUserHeader: true });
      await app.ready();
    });
    afterAll(() => app.close());

    it('issues the HTML at once and the DOCX on the first download; a later template change does not reach it', async () => {
      const registered = await app.inject({
        method: 'POST',
        url: REQUESTS,
        headers: OPERATOR,
        payload: registration,
      });
      expect(registered.statusCode, registered.body).toBe(201);
      const { requestId } = registered.json();
      const row = await use()
        .kysely.selectFrom('letters')
        .select(['id', 'docx', 'source', 'html'])
        .where('request_id', '=', requestId)
        .executeTakeFirstOrThrow();
      expect(row.docx.length).toBe(0);
      expect(JSON.parse(row.source ?? '{}').kind).toBe('receipt');
      // the agency changes its receipt template after the letter went out
      const changed = await app.inject({
        method: 'PUT',
        url: RECEIPT_TEMPLATE,
        headers: ADMIN,
        payload: { template: '{{applicant.name}}：新模板的回执。' },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      const url = `${REQUESTS}/${requestId}/letters/${row.id}.docx`;
      const first = await app.inject({ url, headers: OPERATOR });
      expect(first.statusCode).toBe(200);
      expect(first.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const text = docxText(await docxPart(first.rawPayload));
      expect(text).toContain('登记回执');
      expect(text).not.toContain('新模板的回执');
      const kept = await use()
        .kysely.selectFrom('letters')
        .select('docx')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(kept.docx).equals(first.rawPayload)).toBe(true);
      const again = await app.inject({ url, headers: OPERATOR });
      expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    });
  },
);
