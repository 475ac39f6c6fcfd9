import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { isUsed } from '../../../commands/attachments.ts';
import type { Db } from '../../../db/connection.ts';
import { pdfBytes, pngBytes } from '../../../files/testing.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'site-images-2026';
const AGENCY_URL = '/api/v1/agencies/si-mine/site-settings/images';
const OTHER_URL = '/api/v1/agencies/si-other/site-settings/images';
const INSTALLATION_URL = '/api/v1/site-settings/images';
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const SVG = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

const body = (field: string, fileName: string, bytes: Buffer) => ({
  field,
  fileName,
  contentBase64: bytes.toString('base64'),
});

describeEachDatabase('POST site-settings/images (the 党政机关网站 mark and the icon)', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let dir: string;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = use();
    dir = await mkdtemp(join(tmpdir(), 'gongkai-site-images-'));
    const mine = await addAgency(db, 'si-mine');
    const other = await addAgency(db, 'si-other');
    await addUser(db, { username: 'si-admin', password: PASSWORD, agencyId: mine, roles: ['agency_admin'] });
    await addUser(db, {
      username: 'si-staff',
      password: PASSWORD,
      agencyId: mine,
      roles: ['operator', 'approver', 'reviewer'],
    });
    await addUser(db, {
      username: 'si-other-admin',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    await addUser(db, { username: 'si-platform', password: PASSWORD, platformAdmin: true });
    app = await buildServer({ db, filesDir: dir, signInLimits: { perIpPerMinute: 1000 } });
    for (const user of ['si-admin', 'si-staff', 'si-other-admin', 'si-platform'])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const post = (url: string, user: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: as[user], payload });
  const stored = async () => (await readdir(dir, { recursive: true })).filter((f) => f.length > 3);
  const imageEvents = () =>
    db.kysely.selectFrom('events').selectAll().where('name', '=', 'settings.site_image_set').execute();

  it('the agency admin uploads the mark: stored, served with a year’s cache, shown, with an event', async () => {
    const res = await post(AGENCY_URL, 'si-admin', body('markImage', '标识.png', pngBytes()));
    expect(res.statusCode, res.body).toBe(200);
    const markImage: string = res.json().markImage;
    expect(markImage).toMatch(/^\/site-files\/[0-9a-f]{64}\.png$/);
    expect(await stored()).toHaveLength(1);

    const served = await app.inject({ url: markImage });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(pngBytes())).toBe(true);
    const again = await app.inject({
      url: markImage,
      headers: { 'if-none-match': served.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);

    const page = await app.inject({ url: '/agencies/si-mine/gongkai' });
    expect(page.body).toContain(`<img src="${markImage}" alt="党政机关网站标识"`);
    const [event] = await imageEvents();
    expect(event).toMatchObject({ actor: 'si-admin', subject_id: expect.stringMatching(/^agency:/) });
    expect(JSON.parse(event.data)).toMatchObject({
      field: 'markImage',
      fileName: '标识.png',
      after: markImage,
    });
  });

  it.each([
    ['an operator, approver and reviewer of the agency', 'si-staff', AGENCY_URL, '机关管理员'],
    ['the admin of another agency', 'si-other-admin', AGENCY_URL, '无权办理该机关'],
    ['the platform administrator, on an agency', 'si-platform', AGENCY_URL, '无权办理该机关'],
    ['an agency admin, on the installation', 'si-admin', INSTALLATION_URL, '平台管理员'],
  ])('refuses %s (403), storing nothing', async (_who, user, url, message) => {
    const before = await stored();
    const res = await post(url, user, body('markImage', 'mark.gif', GIF));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain(message);
    expect(await stored()).toEqual(before);
  });

  it('lets the other agency’s admin upload to their own agency', async () => {
    const res = await post(OTHER_URL, 'si-other-admin', body('markImage', 'mark.gif', GIF));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().markImage).toMatch(/\.gif$/);
  });

  it('lets the platform administrator set the installation’s icon; the portal’s pages take it', async () => {
    const res = await post(INSTALLATION_URL, 'si-platform', body('favicon', 'icon.png', pngBytes()));
    expect(res.statusCode, res.body).toBe(200);
    const favicon: string = res.json().favicon;
    expect(favicon).toMatch(/^\/site-files\/[0-9a-f]{64}\.png$/);
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain(`<link rel="icon" href="${favicon}">`);
    expect((await app.inject({ url: '/favicon.ico' })).headers.location).toBe(favicon);
  });

  it.each([
    ['a PDF', 'mark.png', pdfBytes(), 415, '党政机关网站标识图片只能是 PNG、JPEG 或 GIF 图片'],
    ['an SVG (script)', 'mark.svg', SVG, 415, '党政机关网站标识图片不接受 SVG 图片'],
    [
      'an image too big',
      'mark.png',
      Buffer.concat([pngBytes(), Buffer.alloc(300 * 1024)]),
      413,
      '党政机关网站标识图片不能超过 200 KB',
    ],
    ['an empty file', 'mark.png', Buffer.alloc(0), 400, '党政机关网站标识图片文件是空的'],
  ])(
    'refuses %s in Chinese naming the field; nothing stored, set or logged',
    async (_what, name, bytes, status, message) => {
      const settings = async () =>
        (await app.inject({ url: '/api/v1/agencies/si-mine/site-settings', headers: as['si-admin'] })).json();
      const before = {
        files: await stored(),
        events: (await imageEvents()).length,
        settings: await settings(),
      };
      const res = await post(AGENCY_URL, 'si-admin', body('markImage', name, bytes));
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toContain(message);
      expect(await stored()).toEqual(before.files);
      expect((await imageEvents()).length).toBe(before.events);
      expect(await settings()).toEqual(before.settings);
    },
  );

  it('refuses an unknown field in Chinese', async () => {
    const res = await post(AGENCY_URL, 'si-admin', body('logo', 'mark.png', pngBytes()));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('markImage（党政机关网站标识图片）');
  });

  it('serves no stored file that was not uploaded as a site image, nor a wrong extension', async () => {
    const { markImage } = (
      await app.inject({ url: '/api/v1/agencies/si-mine/site-settings', headers: as['si-admin'] })
    ).json();
    expect((await app.inject({ url: markImage.replace('.png', '.gif') })).statusCode).toBe(404);
    expect((await app.inject({ url: `/site-files/${'0'.repeat(64)}.png` })).statusCode).toBe(404);
    expect((await app.inject({ url: '/site-files/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(404);
  });

  it('counts a site image as used, so removing an attachment of the same content keeps its file', async () => {
    const row = await db.kysely.selectFrom('site_files').select('storage_key').executeTakeFirstOrThrow();
    expect(await isUsed(db, row.storage_key)).toBe(true);
    expect(await isUsed(db, `00/${'0'.repeat(64)}`)).toBe(false);
  });
});
