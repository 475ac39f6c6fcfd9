/**
 * 条例 第四十一条 through the API: a request to correct a record about the applicant is registered with
 * the record, the inaccuracy and the evidence, answered by its own decision (never one of the 21
 * outcomes) in a 更正申请答复书, shown as such in the queue, and left out of table 三 — by every role,
 * on both databases.
 */

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { buildAnnualReport } from '../../../commands/build-annual-report.ts';
import type { Db } from '../../../db/connection.ts';
import { cellRecords } from '../../../db/queries/cell-records.ts';
import { loadReportFacts } from '../../../db/queries/report-facts.ts';
import { yearFactsFromRecords } from '../../../domain/report/facts.ts';
import type { RequestRecord } from '../../../domain/report/records.ts';
import { sectionTexts } from '../../../domain/report/sections.ts';
import type { ApplicantType, Outcome, RequestChannel } from '../../../domain/report/vocabulary.ts';
import type { CorrectionOutcome, RequestKind } from '../../../domain/requests/record-correction.ts';
import { buildServer } from '../../app.ts';

import { correctionBody, disclosureBody } from './correction-testing.ts';

const BASE = '/api/v1/agencies/rc-report/requests';
const OPERATOR = { 'x-gongkai-user': 'rc-report-operator' };

describeEachDatabase('条例第四十一条: correction requests and the annual report', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId = 0;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = use();
    agencyId = await addAgency(db, 'rc-report', '威海市临港区民政局');
    await addUser(db, {
      username: 'rc-report-operator',
      password: 'correction-report-2026',
      agencyId,
      roles: ['operator'],
    });
    app = await buildServer({ db, now: () => new Date('2026-03-20T02:00:00Z'), trustUserHeader: true });
    as['rc-operator'] = OPERATOR;
    // the agency's year: a disclosure request, a correction answered 予以更正 and one still open
    expect((await register('rc-operator', disclosureBody)).statusCode).toBe(201);
    const corrected = (await register('rc-operator', correctionBody())).json().requestId;
    const answered = await act('rc-operator', corrected, 'decide_correction', 1, {
      outcome: 'corrected',
      corrected: '家庭人口已由4人更正为3人',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await register('rc-operator', correctionBody())).statusCode).toBe(201);
  });
  afterAll(() => app.close());

  const register = (who: string, body: object) =>
    app.inject({ method: 'POST', url: BASE, headers: as[who], payload: body });
  const act = (who: string, id: number, action: string, expectedVersion: number, payload: object) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/${id}/actions/${action}`,
      headers: as[who],
      payload: { expectedVersion, payload },
    });

  describe('the annual report (表三 counts 政府信息公开申请 only)', () => {
    it('条例第四十一条: table 三 does not count correction requests; section 六 states them', async () => {
      const id = (await register('rc-operator', correctionBody())).json().requestId;
      const refused = await act('rc-operator', id, 'decide_correction', 1, {
        outcome: 'refused',
        ground: 'insufficient_evidence',
        reason: '所附证明未载明家庭人口',
      });
      expect(refused.statusCode, refused.body).toBe(200);
      const disclosures = Number(
        (
          await db.kysely
            .selectFrom('requests')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('kind', '=', 'disclosure')
            .executeTakeFirstOrThrow()
        ).n,
      );
      const corrections = await db.kysely
        .selectFrom('requests')
        .select(['state', 'correction_outcome'])
        .where('kind', '=', 'record_correction')
        .execute();
      const facts = await loadReportFacts(db, 'rc-report', 2026);
      if (!facts) throw new Error('no facts');
      const received = Object.values(facts.current.requests.received).reduce((a, b) => a + b, 0);
      expect(received).toBe(disclosures);
      expect(facts.current.requests.decided).toEqual({});
      expect(facts.current.requests.corrections).toEqual({
        received: corrections.length,
        decided: { corrected: 1, transferred: 0, referred: 0, refused: 1 },
        pending: corrections.filter((c) => c.state !== 'decided').length,
      });
      // the in-memory aggregation of the same records computes the same facts (facts.ts is the reference)
      const stored = await db.kysely
        .selectFrom('requests')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .execute();
      const records: RequestRecord[] = stored.map((r) => ({
        applicantType: r.applicant_type as ApplicantType,
        channel: r.channel as RequestChannel,
        receivedOn: r.received_on,
        decidedOn: r.decided_on ?? r.correction_decided_on,
        outcome: r.outcome as Outcome | null,
        feeFen: Number(r.fee_fen),
        itemOutcomes: [],
        kind: r.kind as RequestKind,
        correctionOutcome: r.correction_outcome as CorrectionOutcome | null,
      }));
      const inMemory = yearFactsFromRecords(
        { channels: [], publications: [], normative: [], requests: records, reviews: [], admin: new Map() },
        2026,
      );
      expect(facts.current.requests).toEqual(inMemory.requests);
      const report = await buildAnnualReport(db, 'rc-report', 2026);
      if (!report) throw new Error('no report');
      expect(report.cells['t3.new.total']).toBe(disclosures);
      expect(report.cells['t3.total.total']).toBe(0);
      const other = sectionTexts(report.narrative.other).join('');
      expect(other).toContain(
        `本年度收到要求更正与申请人自身相关的政府信息记录的申请（《中华人民共和国政府信息公开条例》第四十一条）${corrections.length}件，办结2件，其中予以更正1件，不予更正1件`,
      );
      expect(other).toContain('未计入本报告第三部分的统计表');
      expect(report.violations.filter((v) => v.code === 'R9')).toEqual([]);
      // the records behind 本年新收 are the disclosure requests only (cell-conditions.ts)
      const behind = await cellRecords(
        db,
        { id: agencyId, code: 'rc-report' },
        2026,
        { kind: 'requests', row: 'new', column: 'total' },
        { offset: 0, limit: 100 },
      );
      expect(behind.total).toBe(disclosures);
      expect(behind.records.map((r) => r.id)).not.toContain(id);
    });
  });
});
