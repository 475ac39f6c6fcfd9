/**
 * The PDF of a published version is made once and served byte for byte (migration 0025): the demo's
 * 2021 version 1 (published before) gets its PDF at the first download, stored, the same bytes every
 * time, its SHA-256 the strong ETag (304 on If-None-Match), cached as immutable under its version's
 * URL; a correction stores its PDF when it is published; without Chromium a correction is still
 * published, says so in Chinese, and its PDF is made at the first download once Chromium is back.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from './databases.ts';
import { APPROVER, demoApp, REPORTS, send } from './report-app.ts';

const PUBLIC = '/api/v1/public/agencies/lingang/reports';
const NOW = new Date('2022-03-01T02:00:00Z');
const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describeEachWithDemo('the stored PDF of a published version', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(use(), NOW, { pdfAtPublish: true });
  });
  afterAll(() => app.close());

  const pdfRows = () =>
    use().kysely.selectFrom('annual_report_pdfs').select(['version_id', 'sha256', 'size']).execute();
  const pdfEvents = () =>
    use()
      .kysely.selectFrom('events')
      .select(['actor', 'data'])
      .where('name', '=', 'report.pdf_stored')
      .orderBy('id')
      .execute();

  it('makes the demo’s version 1 PDF at the first download, stores it, and serves the same bytes', async () => {
    expect(await pdfRows()).toEqual([]);
    const first = await app.inject({ url: `${PUBLIC}/2021/versions/1.pdf` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const sha256 = createHash('sha256').update(first.rawPayload).digest('hex');
    expect(first.headers.etag).toBe(`"${sha256}"`);
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const latin = first.rawPayload.toString('latin1');
    expect(latin).not.toMatch(/HeadlessChrome|Skia|Mozilla/);
    expect(latin).toContain('/Creator <FEFF');
    expect(await pdfRows()).toEqual([
      { version_id: expect.any(Number), sha256, size: first.rawPayload.length },
    ]);
    const events = await pdfEvents();
    expect(events).toHaveLength(1);
    expect(events[0].actor).toBe('public');
    expect(JSON.parse(events[0].data)).toEqual({ version: 1, sha256, size: first.rawPayload.length });

    // served from storage: Chromium is not even needed any more
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    for (const url of [`${PUBLIC}/2021/versions/1.pdf`, `${PUBLIC}/2021.pdf`]) {
      const again = await app.inject({ url });
      expect(again.statusCode, url).toBe(200);
      expect(again.rawPayload.equals(first.rawPayload), url).toBe(true);
      expect(again.headers.etag).toBe(`"${sha256}"`);
    }
    expect((await app.inject({ url: `${PUBLIC}/2021.pdf` })).headers['cache-control']).toBe(
      'public, max-age=300',
    );
    const staff = await app.inject({ url: `${REPORTS}/2021/versions/1.pdf`, headers: APPROVER });
    expect(staff.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(await pdfEvents()).toHaveLength(1);
  }, 120_000);

  it('answers 304 without a body when the client has the bytes (If-None-Match)', async () => {
    const first = await app.inject({ url: `${PUBLIC}/2021/versions/1.pdf` });
    const etag = String(first.headers.etag);
    for (const header of [etag, `"other", ${etag}`, '*']) {
      const res = await app.inject({
        url: `${PUBLIC}/2021/versions/1.pdf`,
        headers: { 'if-none-match': header },
      });
      expect(res.statusCode, header).toBe(304);
      expect(res.rawPayload.length).toBe(0);
      expect(res.headers.etag).toBe(etag);
    }
    const stale = await app.inject({
      url: `${PUBLIC}/2021/versions/1.pdf`,
      headers: { 'if-none-match': '"x"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('publishes a correction without Chromium, says so, and makes its PDF at the first download', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const res = await send(app, 'POST', `${REPORTS}/2021/corrections`, APPROVER, { reason: '更正错字' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, pdf: null });
    expect(res.json().pdfNotice).toMatch(
      /^报告已发布，但 PDF 暂未生成（未找到 Chromium.*）；首次下载 PDF 时将自动生成并保存。$/,
    );
    expect(await pdfRows()).toHaveLength(1);
    const missing = await app.inject({ url: `${PUBLIC}/2021/versions/2.pdf` });
    expect(missing.statusCode).toBe(503);
    expect(missing.json().error.message).toMatch(/^未找到 Chromium/);
    expect(await pdfRows()).toHaveLength(1);

    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    const made = await app.inject({ url: `${PUBLIC}/2021.pdf` });
    expect(made.statusCode).toBe(200);
    const rows = await pdfRows();
    expect(rows).toHaveLength(2);
    expect(made.headers.etag).toBe(`"${rows[1].sha256}"`);
  }, 120_000);

  it('stores a correction’s PDF when it is published', async () => {
    const res = await send(app, 'POST', `${REPORTS}/2021/corrections`, APPROVER, { reason: '更正标点' });
    expect(res.statusCode, res.body).toBe(201);
    const { pdf, pdfNotice } = res.json();
    expect(pdfNotice).toBeNull();
    expect(pdf).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: expect.any(Number) });
    const events = await pdfEvents();
    expect(events.at(-1)?.actor).toBe('lingang-approver');
    const download = await app.inject({ url: `${PUBLIC}/2021/versions/3.pdf` });
    expect(download.headers.etag).toBe(`"${pdf.sha256}"`);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(pdf.sha256);
  }, 120_000);
});
