import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { APPLICATION_FORM } from '../../../domain/requests/application-form.ts';
import { portalServer, publishTestItem } from '../../../portal/testing.ts';

const CODE = 'guidetest';
const API = `/api/v1/agencies/${CODE}`;
const PAGE = `/agencies/${CODE}/gongkai`;
const as = (who: string) => ({ 'x-gongkai-user': `${CODE}-${who}` });

const GUIDE = {
  office: '测试区党政办公室',
  address: '测试市测试区中心路1号',
  postcode: '264200',
  officeHours: '工作日 8:30—17:30',
  phone: '0631-5700000',
  fax: '0631-5700001',
  email: '',
  acceptsFax: true,
  acceptsEmail: false,
};

describeEachDatabase('the 公开指南 settings, 查阅场所 and column notes (API and portal)', (use) => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    db = use();
    app = await portalServer(db, CODE, new Date('2022-03-10T02:00:00Z'));
  });
  afterAll(() => app.close());

  const events = async (name: string) =>
    db.kysely.selectFrom('events').select(['subject_id', 'data', 'actor']).where('name', '=', name).execute();

  it('refuses bad guide settings naming each field in Chinese, and writes nothing', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `${API}/guide`,
      headers: as('admin'),
      payload: { ...GUIDE, postcode: '2642', phone: 'abc', email: 'x@', acceptsEmail: true },
    });
    expect(res.statusCode).toBe(400);
    const message: string = res.json().error.message;
    expect(message).toContain('邮政编码应为6位数字');
    expect(message).toContain('联系电话应为带区号的号码');
    expect(message).toContain('电子邮箱格式不正确');
    expect(message).not.toMatch(/postcode|officeHours/);
    expect(await events('settings.guide_set')).toEqual([]);
    expect((await app.inject({ url: `${API}/guide`, headers: as('operator') })).json().officeHours).toBe('');
  });

  it('lets only the agency admin set the guide; the portal shows it at once with the fax channel', async () => {
    const refused = await app.inject({
      method: 'PUT',
      url: `${API}/guide`,
      headers: as('operator'),
      payload: GUIDE,
    });
    expect(refused.statusCode).toBe(403);
    const res = await app.inject({
      method: 'PUT',
      url: `${API}/guide`,
      headers: as('admin'),
      payload: GUIDE,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(GUIDE);
    const [event] = await events('settings.guide_set');
    expect(JSON.parse(event?.data ?? '{}').after).toEqual(GUIDE);
    const page = await app.inject({ url: `${PAGE}/guide` });
    expect(page.statusCode).toBe(200);
    for (const text of [
      '工作日 8:30—17:30',
      '0631-5700001',
      '传真申请',
      '邮寄至测试市测试区中心路1号（邮政编码264200）测试区党政办公室',
    ])
      expect(page.body).toContain(text);
    expect(page.body).not.toContain('电子邮件申请</th>');
    expect(page.body).toContain('<dt>电子邮箱</dt><dd>暂未公布</dd>');
  });

  it('prints the fee table from the fee schedules and offers the paper form', async () => {
    const page = (await app.inject({ url: `${PAGE}/guide` })).body;
    expect(page).toContain('<td>按件计收</td><td>11—30件（含30件）的部分</td><td>100元/件</td>');
    expect(page).toContain('<td>按量计收</td><td>201页以上的部分</td><td>40元/页</td>');
    expect(page).toContain(`href="${PAGE}/guide/application-form.docx"`);
    expect(page).toContain(`href="${PAGE}/guide/application-form.pdf"`);
    expect(page).not.toMatch(/<script|style="/);
  });

  it('builds the DOCX form from the online form’s fields, addressed to the agency', async () => {
    const res = await app.inject({ url: `${PAGE}/guide/application-form.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string');
    const text = (xml ?? '').replace(/<[^>]+>/g, '');
    for (const section of APPLICATION_FORM) {
      expect(text).toContain(section.legend);
      for (const field of section.fields) {
        expect(text).toContain(field.label);
        for (const [, label] of field.options ?? []) expect(text).toContain(`□ ${label}`);
      }
    }
    expect(text).toContain('递交地址：测试市测试区中心路1号（邮政编码264200）');
    expect(text).toContain('申请人签名（盖章）');
    const again = await app.inject({ url: `${PAGE}/guide/application-form.docx` });
    expect(Buffer.compare(again.rawPayload, res.rawPayload)).toBe(0);
  });

  it('prints the PDF form through Chromium', async () => {
    const res = await app.inject({ url: `${PAGE}/guide/application-form.pdf` });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the reading points: add, change, remove, each an event; shown on the guide', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: `${API}/reading-points`,
      headers: as('admin'),
      payload: { name: '', kind: 'museum', address: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('场所类型应为档案馆、图书馆、政务服务中心或其他');
    const added = await app.inject({
      method: 'POST',
      url: `${API}/reading-points`,
      headers: as('admin'),
      payload: {
        name: '测试市档案馆查阅中心',
        kind: 'archives',
        address: '测试市档案路2号',
        hours: '周一至周五',
      },
    });
    expect(added.statusCode, added.body).toBe(200);
    const id: number = added.json().id;
    expect(added.json().kindLabel).toBe('档案馆');
    const changed = await app.inject({
      method: 'PUT',
      url: `${API}/reading-points/${id}`,
      headers: as('admin'),
      payload: { name: '测试市档案馆政府信息查阅中心', kind: 'archives', address: '测试市档案路2号' },
    });
    expect(changed.statusCode).toBe(200);
    await app.inject({
      method: 'POST',
      url: `${API}/reading-points`,
      headers: as('admin'),
      payload: { name: '测试市图书馆', kind: 'library', address: '测试市书香路3号' },
    });
    const guide = (await app.inject({ url: `${PAGE}/guide` })).body;
    expect(guide).toContain('<td>测试市档案馆政府信息查阅中心</td><td>档案馆</td><td>测试市档案路2号</td>');
    const removed = await app.inject({
      method: 'DELETE',
      url: `${API}/reading-points/${id}`,
      headers: as('admin'),
    });
    expect(removed.statusCode).toBe(204);
    const missing = await app.inject({
      method: 'DELETE',
      url: `${API}/reading-points/${id}`,
      headers: as('admin'),
    });
    expect(missing.statusCode).toBe(404);
    const list = await app.inject({ url: `${API}/reading-points`, headers: as('reviewer') });
    expect(list.json().points.map((p: { name: string }) => p.name)).toEqual(['测试市图书馆']);
    expect((await events('settings.reading_point_added')).length).toBe(2);
    expect((await events('settings.reading_point_changed')).length).toBe(1);
    expect((await events('settings.reading_point_removed')).map((e) => e.subject_id)).toEqual([String(id)]);
  });

  it('flags empty columns without a note; a note shows on the portal instead of 暂无信息', async () => {
    await publishTestItem(app, CODE, { title: '机构职能', category: 'a20.2' });
    const before = (await app.inject({ url: `${API}/catalogue-columns`, headers: as('operator') })).json();
    const blank = before.columns
      .filter((c: { blank: boolean }) => c.blank)
      .map((c: { code: string }) => c.code);
    expect(blank).toContain('a20.8');
    expect(blank).toContain('gkzd');
    expect(blank).not.toContain('a20.2');
    expect((await app.inject({ url: `${PAGE}/catalog?category=a20.8` })).body).toContain('暂无信息');

    const note = '本机关无行政事业性收费项目。';
    const refused = await app.inject({
      method: 'PUT',
      url: `${API}/catalogue-columns/category/a20.8/note`,
      headers: as('operator'),
      payload: { note },
    });
    expect(refused.statusCode).toBe(403);
    const set = await app.inject({
      method: 'PUT',
      url: `${API}/catalogue-columns/category/a20.8/note`,
      headers: as('admin'),
      payload: { note },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await app.inject({ url: `${PAGE}/catalog?category=a20.8` })).body).toContain(note);
    expect((await app.inject({ url: `${PAGE}/catalog` })).body).toContain(
      `<span class="col-note">${note}</span>`,
    );
    const after = (await app.inject({ url: `${API}/catalogue-columns`, headers: as('operator') })).json();
    expect(after.columns.find((c: { code: string }) => c.code === 'a20.8')).toMatchObject({
      note,
      blank: false,
    });

    const unknown = await app.inject({
      method: 'PUT',
      url: `${API}/catalogue-columns/column/nosuch/note`,
      headers: as('admin'),
      payload: { note },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('本机关没有代码为 nosuch 的子栏目');
    const cleared = await app.inject({
      method: 'PUT',
      url: `${API}/catalogue-columns/category/a20.8/note`,
      headers: as('admin'),
      payload: { note: '' },
    });
    expect(cleared.json()).toEqual({ note: '' });
    expect((await events('settings.column_note_removed')).map((e) => e.subject_id)).toEqual([
      'category:a20.8',
    ]);
  });

  it('shows the 公开制度 column’s note when it has no rules, and the rules once published', async () => {
    const rules = `${PAGE}/rules`;
    expect((await app.inject({ url: rules })).body).toContain('暂无信息');
    await app.inject({
      method: 'PUT',
      url: `${API}/catalogue-columns/column/gkzd/note`,
      headers: as('admin'),
      payload: { note: '本机关执行上级机关制定的政府信息公开制度。' },
    });
    expect((await app.inject({ url: rules })).body).toContain('本机关执行上级机关制定的政府信息公开制度。');
    await app.inject({
      method: 'PUT',
      url: `${API}/item-columns/gkzd`,
      headers: as('admin'),
      payload: { name: '政府信息公开制度', category: 'other', sort: 1 },
    });
    await publishTestItem(app, CODE, {
      title: '政府信息公开保密审查制度',
      category: 'other',
      columnCode: 'gkzd',
    });
    const page = (await app.inject({ url: rules })).body;
    expect(page).toContain('政府信息公开保密审查制度');
    expect(page).not.toContain('本机关执行上级机关制定的政府信息公开制度。');
  });
});
