/**
 * Tracking codes (查询码): a new request gets 12 characters grouped for reading aloud
 * (`7KX4-9MPQ-2RTB`), found however it is typed; a request registered with an old 32-character code
 * is still found (API, portal, letters); a code already taken is drawn again; failed look-ups are
 * limited per address, one count for the portal and the API (429, Retry-After, a Chinese sentence).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAgency } from '../src/commands/items/testing.ts';
import { insertWithUnusedTrackingCode } from '../src/db/queries/registration.ts';
import { legacyTrackingCodeFrom, trackingCodeFrom } from '../src/domain/requests/identifiers.ts';
import { buildServer } from '../src/server/app.ts';
import { describeEachDatabase } from './databases.ts';

const CODE = 'trackzone';
const GROUPED = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const applicant = (n: number) => ({
  name: `申请人${n}`,
  idType: 'passport',
  idNumber: `E${String(20000000 + n)}`,
  phone: '13800138000',
  address: '威海市临港区测试路1号',
  information: '2021年城乡低保资金发放明细',
  form: 'paper',
  delivery: 'post',
});

describeEachDatabase('tracking codes: grouped, old ones kept, guessing limited', (use) => {
  let app: FastifyInstance;
  let now = new Date('2021-06-10T02:00:00Z');
  let n = 0;
  const file = async () => {
    n++;
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${CODE}/requests/online`,
      remoteAddress: `192.0.2.${n}`,
      payload: { applicantType: 'natural_person', applicant: applicant(n) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { trackingCode: string; registrationNo: string };
  };
  const track = (code: string, address = '203.0.113.1') =>
    app.inject({ url: `/api/v1/track/${encodeURIComponent(code)}`, remoteAddress: address });
  const page = (code: string, address = '203.0.113.1') =>
    app.inject({ url: `/track?code=${encodeURIComponent(code)}`, remoteAddress: address });

  beforeAll(async () => {
    await createTestAgency(use(), CODE);
    app = await buildServer({
      db: use(),
      now: () => now,
      trustUserHeader: true,
      trackingLimits: { failuresPerAddress: 3, windowMinutes: 15 },
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('gives a new request 12 characters in three groups, stored without dashes, found however typed', async () => {
    const receipt = await file();
    expect(receipt.trackingCode).toMatch(GROUPED);
    const stored = await use()
      .kysely.selectFrom('requests')
      .select('tracking_code')
      .where('registration_no', '=', receipt.registrationNo)
      .executeTakeFirstOrThrow();
    expect(stored.tracking_code).toBe(receipt.trackingCode.replaceAll('-', ''));
    const loose = ` ${receipt.trackingCode.toLowerCase().replaceAll('-', ' ')} `;
    for (const typed of [receipt.trackingCode, stored.tracking_code ?? '', loose]) {
      const res = await track(typed);
      expect(res.statusCode, typed).toBe(200);
      expect(res.json().registrationNo).toBe(receipt.registrationNo);
      expect(res.json().trackingCode).toBe(receipt.trackingCode);
    }
    const html = await page(loose);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(`<dt>查询码</dt><dd><span class="code">${receipt.trackingCode}</span></dd>`);
  });

  it('still finds a request registered with an old 32-character code, its letters too', async () => {
    const receipt = await file();
    const old = legacyTrackingCodeFrom(new Uint8Array(20).fill(7));
    await use()
      .kysely.updateTable('requests')
      .set({ tracking_code: old })
      .where('registration_no', '=', receipt.registrationNo)
      .execute();
    const res = await track(old);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().registrationNo).toBe(receipt.registrationNo);
    const html = await page(old.toUpperCase());
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(receipt.registrationNo);
    const letter = res.json().letters[0] as { id: number };
    const docx = await app.inject({
      url: `/api/v1/track/${old}/letters/${letter.id}.html`,
      remoteAddress: '203.0.113.1',
    });
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.body).toContain(receipt.registrationNo);
  });

  it('draws again when the code drawn is already taken', async () => {
    const receipt = await file();
    const taken = receipt.trackingCode.replaceAll('-', '');
    // the bytes that give the taken code: its 60 bits decoded back, 4 zero bits after them
    const takenBytes = new Uint8Array(8);
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let bits = 0n;
    for (const ch of taken) bits = (bits << 5n) | BigInt(alphabet.indexOf(ch));
    bits <<= 4n;
    for (let i = 7; i >= 0; i--) {
      takenBytes[i] = Number(bits & 0xffn);
      bits >>= 8n;
    }
    expect(trackingCodeFrom(takenBytes)).toBe(taken);
    const fresh = new Uint8Array(8).fill(0x42);
    const draws = [takenBytes, takenBytes, fresh];
    const db = use().kysely;
    const before = await db
      .selectFrom('requests')
      .select(['agency_id', 'id'])
      .where('tracking_code', '=', taken)
      .executeTakeFirstOrThrow();
    const inserted = await insertWithUnusedTrackingCode(
      db,
      {
        agency_id: before.agency_id,
        applicant_type: 'natural_person',
        channel: 'online',
        received_on: '2021-06-10',
        state: 'open',
        version: 1,
        information: 'drawn again',
        fee_fen: 0,
        mixed_items: 0,
      },
      () => draws.shift() ?? fresh,
    );
    expect(inserted.trackingCode).toBe(trackingCodeFrom(fresh));
    expect(draws).toEqual([]);
    // the taken code still belongs to the first request; the new row got the fresh one
    const holders = await db
      .selectFrom('requests')
      .select(['id', 'tracking_code'])
      .where('tracking_code', 'in', [taken, trackingCodeFrom(fresh)])
      .orderBy('id')
      .execute();
    expect(holders).toEqual([
      { id: before.id, tracking_code: taken },
      { id: inserted.id, tracking_code: trackingCodeFrom(fresh) },
    ]);
  });

  it('refuses an address after 3 failed look-ups (portal and API one count), even a right code, until the window ends', async () => {
    const receipt = await file();
    const guesser = '198.51.100.77';
    expect((await track('7KX4-9MPQ-2RTB', guesser)).statusCode).toBe(404);
    expect((await page('not a code', guesser)).statusCode).toBe(404);
    const letter = await app.inject({
      url: '/api/v1/track/ABCD-EFGH-JKMN/letters/1.docx',
      remoteAddress: guesser,
    });
    expect(letter.statusCode).toBe(404);
    // a right code neither clears the count nor escapes it
    const refused = await track(receipt.trackingCode, guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(
      /^查询码输入错误次数过多：同一网络地址 15 分钟内最多可输错 3 次，请 \d+ 分钟后再查询，并核对查询码（受理回执或告知书上印有查询码）。$/,
    );
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const refusedPage = await page(receipt.trackingCode, guesser);
    expect(refusedPage.statusCode).toBe(429);
    expect(refusedPage.headers['retry-after']).toBeDefined();
    expect(refusedPage.body).toContain('查询码输入错误次数过多');
    expect(refusedPage.body).not.toContain(receipt.registrationNo);
    // another address is not affected
    expect((await track(receipt.trackingCode, '198.51.100.78')).statusCode).toBe(200);
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    expect((await track(receipt.trackingCode, guesser)).statusCode).toBe(200);
  });
});
