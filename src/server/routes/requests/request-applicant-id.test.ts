import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { idVaultFor } from '../../../crypto/id-vault.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

describeEachWithDemo('applicant ID numbers: masked in staff views, full on request and logged', (use) => {
  let app: FastifyInstance;
  let requestId = 0;
  let fullNumber = '';
  let trackingCode = '';
  let as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    const rows = await use()
      .kysely.selectFrom('requests')
      .select(['id', 'applicant', 'tracking_code'])
      .execute();
    const withId = rows.find((r) => r.applicant?.includes('"idSealed":"') && r.tracking_code);
    if (!withId?.applicant || !withId.tracking_code)
      throw new Error('the demo has no applicant with an ID number');
    requestId = withId.id;
    // stored sealed (AES-256-GCM), never in clear: only the keyring opens it
    expect(withId.applicant).not.toContain('"idNumber"');
    fullNumber = idVaultFor(use()).open(JSON.parse(withId.applicant).idSealed);
    expect(withId.applicant).not.toContain(fullNumber);
    trackingCode = withId.tracking_code;
    app = await buildServer({ db: use(), signInLimits: { perIpPerMinute: 1000 } });
    await app.ready();
    as = {
      operator: (await signInAs(app, 'lingang-operator', 'demo-operator-2021')).headers,
      approver: (await signInAs(app, 'lingang-approver', 'demo-approver-2021')).headers,
      reviewer: (await signInAs(app, 'lingang-reviewer', 'demo-reviewer-2021')).headers,
    };
  });
  afterAll(() => app.close());

  const view = (who: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/agencies/lingang/requests/${requestId}/applicant-id`,
      headers: as[who],
    });

  it('masks the number in the case view', async () => {
    const res = await app.inject({
      url: `/api/v1/agencies/lingang/requests/${requestId}`,
      headers: as.operator,
    });
    const applicant = res.json().applicant;
    expect(applicant.idNumberMasked).toBe(true);
    expect(applicant.idNumber).toHaveLength(fullNumber.length);
    expect(applicant.idNumber).toContain('****');
    expect(res.body).not.toContain(fullNumber);
  });

  it('never shows it in public tracking', async () => {
    const res = await app.inject(`/api/v1/track/${trackingCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(fullNumber);
    expect(res.body).not.toContain('idNumber');
  });

  it.each(['operator', 'approver'])('shows the full number to the %s and logs the view', async (who) => {
    const before = await use().kysely.selectFrom('sensitive_views').select('id').execute();
    const res = await view(who);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idType: expect.any(String), idNumber: fullNumber });
    const logged = await use()
      .kysely.selectFrom('sensitive_views')
      .selectAll()
      .orderBy('id', 'desc')
      .execute();
    expect(logged).toHaveLength(before.length + 1);
    expect(logged[0]).toMatchObject({
      actor: `lingang-${who}`,
      subject_type: 'request',
      subject_id: requestId,
      field: 'applicant.idNumber',
      ip: '127.0.0.1',
    });
    const events = await use()
      .kysely.selectFrom('events')
      .select(['name', 'actor'])
      .where('subject_type', '=', 'request')
      .where('subject_id', '=', String(requestId))
      .where('name', '=', 'requests.id_number_viewed')
      .execute();
    expect(events).toContainEqual({ name: 'requests.id_number_viewed', actor: `lingang-${who}` });
  });

  it('refuses a reviewer, and logs nothing', async () => {
    const before = await use().kysely.selectFrom('sensitive_views').select('id').execute();
    const res = await view('reviewer');
    expect(res.statusCode).toBe(403);
    expect(await use().kysely.selectFrom('sensitive_views').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('needs the CSRF token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/agencies/lingang/requests/${requestId}/applicant-id`,
      headers: { cookie: as.operator.cookie },
    });
    expect(res.statusCode).toBe(403);
  });
});
