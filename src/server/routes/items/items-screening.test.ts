import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { createTestAgency } from '../../../commands/items/testing.ts';
import { pngBytes } from '../../../files/testing.ts';
import { buildServer } from '../../app.ts';

const CODE = 'screenzone';
const OTHER = 'otherzone';
const BASE = `/api/v1/agencies/${CODE}`;
const as = (who: string, code = CODE) => ({ 'x-gongkai-user': `${code}-${who}` });
const WORD = '临港区人民政腐';

/** GB 11643 check code, computed apart from the code under test. */
function withCheckCode(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0);
  return first17 + '10X98765432'[sum % 11];
}
const ID = withCheckCode('37100219850615301');

async function docxWith(text: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function xlsxWith(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDatabase('发布前自查: screening on submit and review, the 错敏词 list', (use) => {
  let app: FastifyInstance;
  let dir: string;
  const saved = process.env.GONGKAI_FILES_DIR;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-screening-'));
    process.env.GONGKAI_FILES_DIR = dir;
    await createTestAgency(use(), CODE);
    await createTestAgency(use(), OTHER);
    app = await buildServer({
      db: use(),
      now: () => new Date('2021-06-01T02:00:00Z'),
      trustUserHeader: true,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.GONGKAI_FILES_DIR;
    else process.env.GONGKAI_FILES_DIR = saved;
  });

  const post = (url: string, headers: Record<string, string>, payload: object) =>
    app.inject({ method: 'POST', url, headers, payload });
  async function draft(bodyHtml: string, code = CODE, title = '关于2021年补贴发放的公示'): Promise<number> {
    const res = await post(`/api/v1/agencies/${code}/items`, as('operator', code), {
      title,
      category: 'a20.7',
      formedOn: '2021-05-20',
      bodyHtml,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().itemId;
  }
  const item = async (id: number, code = CODE) =>
    (await app.inject({ url: `/api/v1/agencies/${code}/items/${id}`, headers: as('operator', code) })).json();
  const step = async (id: number, action: string, who: string, extra: object = {}, code = CODE) =>
    post(`/api/v1/agencies/${code}/items/${id}/${action}`, as(who, code), {
      expectedVersion: (await item(id, code)).version,
      ...extra,
    });
  const screening = async (id: number, who = 'reviewer', code = CODE) =>
    app.inject({ url: `/api/v1/agencies/${code}/items/${id}/screening`, headers: as(who, code) });
  const events = async (id: number) =>
    (
      await use()
        .kysely.selectFrom('events')
        .select(['name', 'data'])
        .where('subject_type', '=', 'item')
        .where('subject_id', '=', String(id))
        .orderBy('seq')
        .execute()
    ).map((e) => e.name);

  it('screens on submit, refuses the approval until the reviewer confirms, keeps both results', async () => {
    const id = await draft(`<p>申请人张三，身份证号${ID}，电话13800138000。</p><p>机密★1年</p>`);
    expect((await step(id, 'submit', 'operator')).statusCode).toBe(200);
    const seen = await screening(id);
    expect(seen.statusCode, seen.body).toBe(200);
    const { current, history } = seen.json();
    expect(current.findings.map((f: { kind: string }) => f.kind)).toEqual([
      'id_number',
      'phone',
      'secret_mark',
    ]);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      stage: 'submitted',
      screenedBy: `${CODE}-operator`,
      confirmedBy: null,
    });
    expect(history[0].findings).toEqual(current.findings);
    expect(seen.body).not.toContain(ID);

    const refused = await step(id, 'approve', 'reviewer');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('居民身份证号码1处、手机号码1处、密级标志1处');
    expect(refused.json().error.details[0].field).toBe('screeningConfirmed');
    expect((await item(id)).status).toBe('in_review');
    expect((await screening(id)).json().history).toHaveLength(1);

    const passed = await step(id, 'approve', 'reviewer', {
      screeningConfirmed: true,
      screeningNote: '已征得本人同意公示；密级标志为引用的已解密文件标题',
    });
    expect(passed.statusCode, passed.body).toBe(200);
    const after = (await screening(id)).json().history;
    expect(after.map((h: { stage: string }) => h.stage)).toEqual(['review', 'submitted']);
    expect(after[0]).toMatchObject({
      confirmedBy: `${CODE}-reviewer`,
      confirmedByName: `${CODE} reviewer`,
      confirmNote: '已征得本人同意公示；密级标志为引用的已解密文件标题',
      eventId: passed.json().eventId,
    });
    expect(after[0].findings).toHaveLength(3);
    expect(await events(id)).toEqual([
      'items.created',
      'items.submitted',
      'items.approved',
      'items.screening_confirmed',
    ]);
  });

  it('a fixed item passes without confirmation: rejected, edited, screened again', async () => {
    const id = await draft(`<p>联系电话13800138000</p>`);
    await step(id, 'submit', 'operator');
    expect((await step(id, 'approve', 'reviewer')).statusCode).toBe(400);
    expect((await step(id, 'reject', 'reviewer', { reason: '请删除个人手机号码' })).statusCode).toBe(200);
    const edited = await app.inject({
      method: 'PATCH',
      url: `${BASE}/items/${id}`,
      headers: as('operator'),
      payload: { expectedVersion: (await item(id)).version, bodyHtml: '<p>联系电话0631-5288888</p>' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await step(id, 'submit', 'operator');
    const approved = await step(id, 'approve', 'reviewer');
    expect(approved.statusCode, approved.body).toBe(200);
    const history = (await screening(id)).json().history;
    expect(history.map((h: { findings: unknown[] }) => h.findings.length)).toEqual([0, 0, 1]);
    expect(history[0].confirmedBy).toBeNull();
    expect(await events(id)).not.toContain('items.screening_confirmed');
  });

  it('reads the text of DOCX and XLSX attachments; a picture is named as not screened', async () => {
    const id = await draft('<p>见附件</p>');
    const upload = async (fileName: string, bytes: Buffer) => {
      const res = await post(`${BASE}/items/${id}/attachments`, as('operator'), {
        expectedVersion: (await item(id)).version,
        fileName,
        contentBase64: bytes.toString('base64'),
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await upload('说明.docx', await docxWith('联系人手机：13912345678'));
    await upload(
      '名单.xlsx',
      await xlsxWith([
        ['姓名', '身份证号'],
        ['李四', ID],
      ]),
    );
    await upload('照片.png', pngBytes());
    const { current } = (await screening(id, 'operator')).json();
    expect(
      current.findings.map((f: { kind: string; attachment?: string }) => [f.kind, f.attachment]),
    ).toEqual([
      ['phone', '说明.docx'],
      ['id_number', '名单.xlsx'],
    ]);
    expect(current.unscreened).toEqual([{ fileName: '照片.png', reason: '图片附件不读取文字，请人工核查' }]);
  });

  it('the agency’s 错敏词 list: kept by its administrator, applied to its own items only', async () => {
    const words = `${BASE}/screening-words`;
    const entry = { word: WORD, correction: '临港区人民政府', note: '机构名称' };
    expect((await post(words, as('operator'), entry)).statusCode).toBe(403);
    expect((await post(words, as('reviewer'), entry)).statusCode).toBe(403);
    const added = await post(words, as('admin'), entry);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ ...entry, createdBy: `${CODE}-admin` });
    const again = await post(words, as('admin'), entry);
    expect(again.statusCode).toBe(409);
    const bad = await post(words, as('admin'), { word: '腐' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'word' });

    const listed = await app.inject({ url: words, headers: as('reviewer') });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().words.map((w: { word: string }) => w.word)).toEqual([WORD]);
    expect(listed.json().builtin.length).toBeGreaterThan(3);
    expect((await app.inject({ url: words, headers: as('admin', OTHER) })).statusCode).toBe(403);
    expect(
      (
        await app.inject({ url: `/api/v1/agencies/${OTHER}/screening-words`, headers: as('admin', OTHER) })
      ).json().words,
    ).toEqual([]);

    const ours = await draft('<p>正文</p>', CODE, `${WORD}关于补贴的通知`);
    const theirs = await draft('<p>正文</p>', OTHER, `${WORD}关于补贴的通知`);
    const found = (await screening(ours)).json().current.findings;
    expect(found).toMatchObject([
      { kind: 'word', where: 'title', match: WORD, suggestion: '改为“临港区人民政府”', note: '机构名称' },
    ]);
    expect((await screening(theirs, 'reviewer', OTHER)).json().current.findings).toEqual([]);
    // another agency's staff: refused at our address, not found at theirs
    const outside = await app.inject({
      url: `${BASE}/items/${ours}/screening`,
      headers: as('operator', OTHER),
    });
    expect(outside.statusCode).toBe(403);
    expect((await screening(ours, 'operator', OTHER)).statusCode).toBe(404);

    const wordId = added.json().id;
    const remove = (who: string, code = CODE) =>
      app.inject({
        method: 'DELETE',
        url: `/api/v1/agencies/${code}/screening-words/${wordId}`,
        headers: as(who, code),
      });
    expect((await remove('operator')).statusCode).toBe(403);
    expect((await remove('admin', OTHER)).statusCode).toBe(404);
    expect((await remove('admin')).statusCode).toBe(204);
    expect((await screening(ours)).json().current.findings).toEqual([]);
    const log = await use()
      .kysely.selectFrom('events')
      .select('name')
      .where('subject_type', '=', 'screening_word')
      .orderBy('id')
      .execute();
    expect(log.map((e) => e.name)).toEqual([
      'settings.screening_word_added',
      'settings.screening_word_removed',
    ]);
  });
});
