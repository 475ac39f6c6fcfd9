import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { createTestAgency } from '../../../commands/items/testing.ts';
import { docxBytes, exeBytes, pdfBytes, pngBytes, xlsxBytes } from '../../../files/testing.ts';
import { buildServer } from '../../app.ts';

const CODE = 'filezone';
const BASE = `/api/v1/agencies/${CODE}/items`;
const OPERATOR = { 'x-gongkai-user': `${CODE}-operator` };
const REVIEWER = { 'x-gongkai-user': `${CODE}-reviewer` };
const APPROVER = { 'x-gongkai-user': `${CODE}-approver` };
const LIMIT = 64 * 1024;

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describeEachDatabase('attachments of an item, through the API', (use) => {
  let app: FastifyInstance;
  let dir: string;
  const saved = { dir: process.env.GONGKAI_FILES_DIR, limit: process.env.GONGKAI_MAX_ATTACHMENT_BYTES };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-attachments-'));
    process.env.GONGKAI_FILES_DIR = dir;
    process.env.GONGKAI_MAX_ATTACHMENT_BYTES = String(LIMIT);
    await createTestAgency(use(), CODE);
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
    // test files share the worker's process (vitest.config.ts): leave the environment as it was
    restoreEnv('GONGKAI_FILES_DIR', saved.dir);
    restoreEnv('GONGKAI_MAX_ATTACHMENT_BYTES', saved.limit);
  });

  const files = async () => (await readdir(dir, { recursive: true })).filter((f) => f.length > 3).sort();
  const version = async (id: number) =>
    (await app.inject({ url: `${BASE}/${id}`, headers: OPERATOR })).json().version;
  const upload = async (id: number, fileName: string, bytes: Buffer, expectedVersion?: number) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/${id}/attachments`,
      headers: OPERATOR,
      payload: {
        expectedVersion: expectedVersion ?? (await version(id)),
        fileName,
        contentBase64: bytes.toString('base64'),
      },
    });
  async function draft(): Promise<number> {
    const res = await app.inject({
      method: 'POST',
      url: BASE,
      headers: OPERATOR,
      payload: { title: '2021年部门预算', category: 'a20.7', formedOn: '2021-05-20' },
    });
    return res.json().itemId;
  }

  it('accepts a PDF, a Word document and a workbook, and gives the PDF back', async () => {
    const id = await draft();
    const pdf = pdfBytes('部门预算');
    const res = await upload(id, '2021年部门预算.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      mediaType: 'application/pdf',
      size: pdf.length,
      fileName: '2021年部门预算.pdf',
    });
    expect(await files()).toContain(`${res.json().sha256.slice(0, 2)}/${res.json().sha256}`);
    expect((await upload(id, '说明.docx', await docxBytes())).statusCode).toBe(201);
    expect((await upload(id, '明细表.xlsx', await xlsxBytes())).statusCode).toBe(201);
    const download = await app.inject({
      url: `${BASE}/${id}/attachments/${res.json().attachmentId}`,
      headers: OPERATOR,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''2021");
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const publicUrl = `/api/v1/agencies/${CODE}/published-items/${id}/attachments/${res.json().attachmentId}`;
    expect((await app.inject({ url: publicUrl })).statusCode).toBe(404);
  });

  it('refuses a Windows program renamed .pdf, by its content, and writes nothing', async () => {
    const id = await draft();
    const before = await files();
    const res = await upload(id, '通知.pdf', exeBytes());
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().error.message).toContain('按文件内容判断');
    expect(await files()).toEqual(before);
  });

  it('serves a published item’s attachment to the public; removes a file no one else uses', async () => {
    const id = await draft();
    const shared = pdfBytes('共用');
    const kept = (await upload(id, '共用.pdf', shared)).json();
    const other = await draft();
    const twin = (await upload(other, '共用.pdf', shared)).json();
    expect(twin.sha256).toBe(kept.sha256);
    const own = (await upload(id, '封面.png', pngBytes())).json();
    let v = own.version;
    for (const [action, headers] of [
      ['submit', OPERATOR],
      ['approve', REVIEWER],
      ['publish', APPROVER],
    ] as const) {
      v = (
        await app.inject({
          method: 'POST',
          url: `${BASE}/${id}/${action}`,
          headers,
          payload: { expectedVersion: v },
        })
      ).json().version;
    }
    const page = (await app.inject({ url: `/api/v1/agencies/${CODE}/published-items/${id}` })).json();
    expect(page.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['共用.pdf', '封面.png']);
    const got = await app.inject({ url: page.attachments[1].url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    const remove = (itemId: number, attachmentId: number, expectedVersion: number) =>
      app.inject({
        method: 'DELETE',
        url: `${BASE}/${itemId}/attachments/${attachmentId}?expectedVersion=${expectedVersion}`,
        headers: OPERATOR,
      });
    expect((await remove(other, twin.attachmentId, twin.version)).statusCode).toBe(200);
    expect(await files()).toContain(`${kept.sha256.slice(0, 2)}/${kept.sha256}`);
    expect((await remove(id, own.attachmentId, v)).statusCode).toBe(200);
    expect(await files()).not.toContain(`${own.sha256.slice(0, 2)}/${own.sha256}`);
  });
});
