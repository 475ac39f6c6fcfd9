/**
 * A report cannot be published wrong (issue 11 point 4, docs/reports.md): 发布 and 发布更正 are
 * refused while the report breaks a rule of severity error, unless an approver writes a 说明, which
 * is stored with the version, recorded in its event and printed on the published report — never
 * the validation output itself (条例 第五十条 says what the report contains).
 */
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDraftDemo } from './databases.ts';
import { APPROVER, demoApp, OPERATOR, REPORTS, REVIEWER, send } from './report-app.ts';

const Y = `${REPORTS}/2021`;
const PUBLIC = '/api/v1/public/agencies/lingang/reports/2021';
const ADMIN = { 'x-gongkai-user': 'lingang-admin' };
/** A 存在的主要问题 paragraph claiming `n` new requests: R9 (正文数字与表格一致) when n ≠ 6. */
const claim = (n: number) => ({
  problems: [
    {
      topic: 'p1',
      title: '存在问题',
      segments: [{ kind: 'staff', text: `本年新收政府信息公开申请${n}件。` }],
    },
  ],
});
const NOTE = '表三一件申请的办理结果尚在复核，先行公布，复核后发布更正。';
const VIOLATION_TEXT = /校验结果|R9|正文称|正文数字与表格一致|【错误】|涉及单元格/;

const textOfDocx = async (payload: Buffer): Promise<string> => {
  const zip = await JSZip.loadAsync(payload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
};

describeEachWithDraftDemo('a report cannot be published wrong (条例 第五十条)', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(use());
    const res = await send(app, 'PUT', `${Y}/draft`, OPERATOR, { expectedVersion: 0, sections: claim(7) });
    expect(res.statusCode).toBe(200);
  });
  afterAll(() => app.close());

  it('发布 is refused while an error stands: 409 naming the rule in Chinese, nothing written', async () => {
    for (const note of [undefined, null, '', '   ']) {
      const res = await send(app, 'POST', `${Y}/publish`, APPROVER, { publishedOn: '2022-01-19', note });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('invalid_state');
      expect(res.json().error.message).toContain('不能发布：违反R9（正文数字与表格一致）');
      expect(res.json().error.message).toContain('须填写说明');
    }
    expect((await send(app, 'GET', `${Y}/versions`, OPERATOR)).json().versions).toEqual([]);
    const events = await use()
      .kysely.selectFrom('events')
      .select('name')
      .where('name', '=', 'report.published')
      .execute();
    expect(events).toEqual([]);
  });

  it('refuses a 说明 longer than 500 characters, naming 说明', async () => {
    const res = await send(app, 'POST', `${Y}/publish`, APPROVER, {
      publishedOn: '2022-01-19',
      note: '长'.repeat(501),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('说明超过 500 个字');
    expect(res.json().error.message).not.toMatch(/note/);
  });

  it.each([
    ['an operator', OPERATOR],
    ['a reviewer', REVIEWER],
  ])('%s may not publish, even with a 说明', async (_who, headers) => {
    const res = await send(app, 'POST', `${Y}/publish`, headers, { publishedOn: '2022-01-19', note: NOTE });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
  });

  it('an approver publishes over the error with a 说明: stored (trimmed) with the version and in its event', async () => {
    const res = await send(app, 'POST', `${Y}/publish`, APPROVER, {
      publishedOn: '2022-01-19',
      note: `  ${NOTE}  `,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, note: NOTE, reason: null });
    const versions = (await send(app, 'GET', `${Y}/versions`, OPERATOR)).json().versions;
    expect(versions).toEqual([expect.objectContaining({ version: 1, note: NOTE })]);
    const event = await use()
      .kysely.selectFrom('events')
      .select(['actor', 'data'])
      .where('name', '=', 'report.published')
      .executeTakeFirstOrThrow();
    const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    expect(event.actor).toBe('lingang-approver');
    expect(data).toMatchObject({ version: 1, note: NOTE });
    expect(data.warnings).toContain('R9');
  });

  it('the public page, HTML and DOCX show the 说明 and never the validation output', async () => {
    const page = await send(app, 'GET', '/agencies/lingang/reports/2021', {});
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<strong>说明：</strong>${NOTE}`);
    expect(page.body).not.toMatch(VIOLATION_TEXT);
    expect(page.body).not.toContain('class="c flag"');
    for (const url of [`${PUBLIC}.html`, `${PUBLIC}/versions/1.html`, `${Y}/versions/1.html`]) {
      const html = await send(app, 'GET', url, url.startsWith(PUBLIC) ? {} : OPERATOR);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain(NOTE);
      expect(html.body).not.toMatch(VIOLATION_TEXT);
    }
    for (const url of [`${PUBLIC}.docx`, `${PUBLIC}/versions/1.docx`]) {
      const docx = await send(app, 'GET', url, {});
      expect(docx.statusCode).toBe(200);
      const text = await textOfDocx(docx.rawPayload);
      expect(text).toContain(`说明：${NOTE}`);
      expect(text).not.toMatch(VIOLATION_TEXT);
    }
    const year = (await send(app, 'GET', PUBLIC, {})).json();
    expect(year.versions).toEqual([expect.objectContaining({ version: 1, note: NOTE })]);
  });

  it('the staff preview of the draft still lists the violations', async () => {
    const html = await send(app, 'GET', `${Y}.html`, OPERATOR);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('校验结果');
    expect(html.body).toContain('正文称');
  });

  it('发布更正 follows the same rule: refused with an error, published with a 说明', async () => {
    const reason = '补充说明存在问题。';
    const refused = await send(app, 'POST', `${Y}/corrections`, ADMIN, { reason, sections: claim(8) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('R9（正文数字与表格一致）');
    expect((await send(app, 'GET', `${Y}/versions`, OPERATOR)).json().versions).toHaveLength(1);
    const note = '正文数字待核，先行公布。';
    const res = await send(app, 'POST', `${Y}/corrections`, ADMIN, { reason, sections: claim(8), note });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, reason, note });
    const html = await send(app, 'GET', `${PUBLIC}/versions/2.html`, {});
    expect(html.body).toContain(note);
    expect(html.body).not.toMatch(VIOLATION_TEXT);
    const page = await send(app, 'GET', '/agencies/lingang/reports/2021', {});
    expect(page.body).toContain(`更正：${reason}；说明：${note}`);
    expect(page.body).not.toMatch(VIOLATION_TEXT);
  });

  it('a clean correction needs no 说明 and stores none', async () => {
    const draft = (await send(app, 'GET', `${Y}/draft`, OPERATOR)).json();
    const res = await send(app, 'POST', `${Y}/corrections`, APPROVER, {
      reason: '更正正文数字。',
      sections: claim(6),
      expectedVersion: draft.version,
      note: '无需说明',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 3, note: null });
    const html = await send(app, 'GET', `${PUBLIC}/versions/3.html`, {});
    expect(html.body).not.toContain('说明：');
  });
});
