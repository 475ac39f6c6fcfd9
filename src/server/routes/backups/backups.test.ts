import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { startS3 } from '../../../../test/s3rver.ts';
import { pdfBytes } from '../../../files/testing.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'test-password-2026';
const URL = '/api/v1/backups';

describeEachWithDemo('backups through the API: platform administrators only', (use) => {
  let app: FastifyInstance;
  let unset: FastifyInstance;
  let dir: string;
  let as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-api-backups-'));
    const other = await addAgency(use(), 'other-backups');
    await addUser(use(), {
      username: 'other-backups-admin',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    const files = join(dir, 'files');
    app = await buildServer({
      db: use(),
      filesDir: files,
      backupDir: join(dir, 'backups'),
      signInLimits: { perIpPerMinute: 1000 },
    });
    unset = await buildServer({
      db: use(),
      filesDir: files,
      backupDir: null,
      signInLimits: { perIpPerMinute: 1000 },
    });
    await Promise.all([app.ready(), unset.ready()]);
    as = {
      operator: (await signInAs(app, 'lingang-operator', 'demo-operator-2021')).headers,
      reviewer: (await signInAs(app, 'lingang-reviewer', 'demo-reviewer-2021')).headers,
      approver: (await signInAs(app, 'lingang-approver', 'demo-approver-2021')).headers,
      admin: (await signInAs(app, 'lingang-admin', 'demo-admin-2021')).headers,
      otherAdmin: (await signInAs(app, 'other-backups-admin', PASSWORD)).headers,
      platform: (await signInAs(app, 'platform-admin', 'demo-platform-2021')).headers,
      nobody: {},
    };
  });
  afterAll(async () => {
    await app.close();
    await unset.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['an operator', 'operator', 403],
    ['a reviewer', 'reviewer', 403],
    ['an approver', 'approver', 403],
    ['an agency administrator', 'admin', 403],
    ['another agency’s administrator', 'otherAdmin', 403],
    ['nobody signed in', 'nobody', 401],
  ])('refuses %s: no list, no backup, nothing written', async (_who, who, status) => {
    const list = await app.inject({ method: 'GET', url: URL, headers: as[who] });
    expect(list.statusCode).toBe(status);
    const made = await app.inject({ method: 'POST', url: URL, headers: as[who] });
    expect(made.statusCode).toBe(status);
    expect(made.json().error.message).toMatch(status === 401 ? /请先登录/ : /您不是平台管理员/);
    await expect(stat(join(dir, 'backups'))).rejects.toThrow();
  });

  it('makes a backup into GONGKAI_BACKUP_DIR for a platform administrator, and lists it with who and when', async () => {
    const made = await app.inject({ method: 'POST', url: URL, headers: as.platform });
    expect(made.statusCode).toBe(201);
    const backup = made.json();
    expect(backup).toMatchObject({
      actor: 'platform-admin',
      actorName: '平台管理员',
      kind: use().dialect,
      attachments: { count: 0 },
    });
    expect(backup.file).toMatch(/\/backups\/gongkai-\d{8}-\d{6}\.tar\.gz$/);
    expect(backup.rows).toBeGreaterThan(10_000);
    expect((await stat(backup.file)).size).toBe(backup.bytes);
    const list = await app.inject({ method: 'GET', url: URL, headers: as.platform });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ directory: join(dir, 'backups'), backups: [backup] });
  });

  it('backs up the attachments of a bucket too (GONGKAI_FILES=s3://…), streamed into the archive', async () => {
    const s3 = await startS3(['gk-console']);
    const files = s3.store('gk-console', 'attachments/');
    const bucketApp = await buildServer({
      db: use(),
      files,
      backupDir: join(dir, 'bucket-backups'),
      signInLimits: { perIpPerMinute: 1000 },
    });
    try {
      const stored = await files.put(pdfBytes('存储桶中的附件'));
      const headers = (await signInAs(bucketApp, 'platform-admin', 'demo-platform-2021')).headers;
      const made = await bucketApp.inject({ method: 'POST', url: URL, headers });
      expect(made.statusCode).toBe(201);
      expect(made.json()).toMatchObject({ attachments: { count: 1, bytes: stored.size, damaged: [] } });
      expect((await stat(made.json().file)).size).toBe(made.json().bytes);
    } finally {
      await bucketApp.close();
      await s3.close();
    }
  });

  it('says in Chinese what to set when the server has no backup folder', async () => {
    const headers = (await signInAs(unset, 'platform-admin', 'demo-platform-2021')).headers;
    const made = await unset.inject({ method: 'POST', url: URL, headers });
    expect(made.statusCode).toBe(409);
    expect(made.json().error.message).toMatch(/未设置备份文件夹（GONGKAI_BACKUP_DIR，绝对路径）/);
    expect((await unset.inject({ method: 'GET', url: URL, headers })).json().directory).toBeNull();
  });
});
