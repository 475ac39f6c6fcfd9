import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createFileStore, type FileStore } from '../../files/file-store.ts';
import { exeBytes, pdfBytes, pngBytes } from '../../files/testing.ts';
import type { Actor } from '../context.ts';
import { testContext } from '../testing-context.ts';
import { createDraft } from './create-draft.ts';
import { createTestAgency } from './testing.ts';
import { uploadAttachment } from './upload-attachment.ts';

const LIMIT = 64 * 1024;
const now = new Date('2021-06-01T02:00:00Z');
const operator: Actor = { username: 'upload-operator', roles: ['operator'] };

describeEachDatabase('uploading an attachment', (use) => {
  let dir: string;
  let store: FileStore;
  let agencyId: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-upload-'));
    store = createFileStore(dir);
    agencyId = await createTestAgency(use(), 'upload');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const files = async () => (await readdir(dir, { recursive: true })).filter((f) => f.length > 3).sort();
  async function draft(): Promise<number> {
    const fields = {
      title: '2021年部门决算',
      bodyHtml: '',
      category: 'a20.7' as const,
      columnCode: null,
      issuer: '',
      docNumber: null,
      formedOn: '2021-05-20',
      validity: 'valid' as const,
      subject: '',
      isPolicyDocument: false,
      isInterpretation: false,
      isMeeting: false,
      isOnlineInterview: false,
    };
    return (await createDraft(testContext(use(), { actor: operator, now }), { agencyId, fields })).itemId;
  }
  const upload = async (
    itemId: number,
    fileName: string,
    bytes: Buffer,
    { actor = operator, ...extra }: { actor?: Actor; expectedVersion?: number } = {},
  ) =>
    uploadAttachment(testContext(use(), { actor, now }), store, {
      agencyId,
      itemId,
      expectedVersion: 1,
      fileName,
      bytes,
      maxBytes: LIMIT,
      ...extra,
    });

  it('accepts a PDF: the row, the event and the file', async () => {
    const id = await draft();
    const uploaded = await upload(id, 'C:\\材料\\决算.pdf', pdfBytes('决算'));
    expect(uploaded).toMatchObject({ fileName: '决算.pdf', mediaType: 'application/pdf', version: 2 });
    expect(await files()).toContain(`${uploaded.sha256.slice(0, 2)}/${uploaded.sha256}`);
    const event = await use()
      .kysely.selectFrom('events')
      .select(['name', 'data'])
      .where('subject_type', '=', 'item')
      .where('subject_id', '=', String(id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.name).toBe('items.attachment_added');
    expect(JSON.parse(event.data)).toMatchObject({ fileName: '决算.pdf', sha256: uploaded.sha256 });
  });

  it('names a file without an extension after its content', async () => {
    expect((await upload(await draft(), '封面', pngBytes())).fileName).toBe('封面.png');
  });

  it.each([
    ['a Windows program renamed .pdf', '决算.pdf', () => exeBytes(), 'unsupported_media_type', {}],
    ['a PNG named .pdf', '决算.pdf', () => pngBytes(), 'unsupported_media_type', {}],
    [
      'a PDF over the limit',
      '决算.pdf',
      () => Buffer.concat([pdfBytes(), Buffer.alloc(LIMIT)]),
      'payload_too_large',
      {},
    ],
    ['an empty file', '决算.pdf', () => Buffer.alloc(0), 'validation', {}],
    [
      'a stale version (the file is written, then removed)',
      '决算.pdf',
      () => pdfBytes('过期'),
      'conflict',
      { expectedVersion: 9 },
    ],
    [
      'a reviewer without the operator role',
      '决算.pdf',
      () => pdfBytes('无权'),
      'forbidden',
      { actor: { username: 'r', roles: ['reviewer' as const] } },
    ],
  ])('refuses %s and leaves nothing behind', async (_situation, name, make, code, extra) => {
    const id = await draft();
    const before = await files();
    await expect(upload(id, name, make(), extra)).rejects.toMatchObject({ code });
    expect(await files()).toEqual(before);
    const rows = await use()
      .kysely.selectFrom('attachments')
      .select('id')
      .where('owner_id', '=', id)
      .execute();
    expect(rows).toEqual([]);
  });
});
