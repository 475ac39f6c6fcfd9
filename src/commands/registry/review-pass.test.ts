import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { buildAnnualReport } from '../build-annual-report.ts';
import { issueDocument } from './issue-document.ts';
import { readReviewPass } from './read-review-pass.ts';
import { repealDocument } from './repeal-document.ts';
import { reviewPass } from './review-pass.ts';
import { count, refusal, registryAgency, registryContext } from './testing.ts';

describeEachDatabase('the yearly review pass (清理)', (use) => {
  let agencyId: number;
  const ids: Record<string, number> = {};
  const pass = (decisions: unknown[], reviewedOn = '2021-12-01') =>
    reviewPass(registryContext(use()), { agencyId, year: 2021, review: { reviewedOn, decisions } as never });

  beforeAll(async () => {
    const db = use();
    agencyId = await registryAgency(db, 'reg-review');
    for (const [key, docNumber, kind] of [
      ['kept', '清〔2020〕1号', 'normative'],
      ['repealed', '清〔2020〕2号', 'normative'],
      ['amended', '清令〔2020〕1号', 'regulation'],
      ['gone', '清〔2020〕3号', 'normative'],
    ] as const) {
      const input = { kind, docNumber, title: `规定${docNumber}`, issuedOn: '2020-05-01' };
      ids[key] = (await issueDocument(registryContext(db), { agencyId, document: input })).id;
    }
    await repealDocument(registryContext(db), {
      agencyId,
      documentId: ids.gone ?? 0,
      repeal: { repealedOn: '2021-03-01', repealedBy: '清〔2021〕1号' },
    });
  });

  describe('refuses the whole pass, recording none of it', () => {
    it.each<[string, (ids: Record<string, number>) => unknown[], string, string]>([
      [
        'a document not in force',
        (i) => [
          { documentId: i.kept, decision: 'kept' },
          { documentId: i.gone, decision: 'kept' },
        ],
        'invalid_state',
        '第 2 项',
      ],
      [
        'repealed without the repealing document',
        (i) => [{ documentId: i.repealed, decision: 'repealed' }],
        'validation',
        '须附 repeal',
      ],
      [
        'amended without the new version',
        (i) => [{ documentId: i.amended, decision: 'amended' }],
        'validation',
        '须附 amendment',
      ],
      [
        'kept with a repeal',
        (i) => [{ documentId: i.kept, decision: 'kept', repeal: { repealedBy: 'X' } }],
        'validation',
        '不应附',
      ],
      [
        'one document twice',
        (i) => [
          { documentId: i.kept, decision: 'kept' },
          { documentId: i.kept, decision: 'kept' },
        ],
        'validation',
        '出现了两次',
      ],
      [
        'an unknown decision',
        (i) => [{ documentId: i.kept, decision: 'suspended' }],
        'validation',
        'decision',
      ],
    ])('%s', async (_situation, decisions, code, mentions) => {
      const before = [await count(use(), 'registry_reviews'), await count(use(), 'events')];
      const error = await refusal(pass(decisions(ids)));
      expect([error.code, error.message]).toEqual([code, expect.stringContaining(mentions)]);
      expect([await count(use(), 'registry_reviews'), await count(use(), 'events')]).toEqual(before);
    });
  });

  it('names the field of a refused decision, after which decision it was', async () => {
    const amendment = { docNumber: '清〔2020〕1号', issuedOn: '2021-12-01' };
    const error = await refusal(pass([{ documentId: ids.amended, decision: 'amended', amendment }]));
    expect([error.code, error.message]).toEqual(['conflict', expect.stringContaining('第 1 项')]);
    expect(error.details).toEqual([{ field: 'docNumber', message: expect.stringContaining('已登记') }]);
  });

  it('keeps, repeals and amends, carrying out each change', async () => {
    const recorded = await pass([
      { documentId: ids.kept, decision: 'kept', note: '符合上位法' },
      { documentId: ids.repealed, decision: 'repealed', repeal: { repealedBy: '清〔2021〕9号' } },
      { documentId: ids.amended, decision: 'amended', amendment: { docNumber: '清令〔2021〕2号' } },
    ]);
    expect(recorded.map((r) => r.decision)).toEqual(['kept', 'repealed', 'amended']);
    const amendedTo = recorded[2]?.resultDocumentId;
    const view = await readReviewPass(use(), agencyId, 2021);
    expect(view.counts).toEqual({ kept: 1, amended: 1, repealed: 1, pending: 1 });
    expect(view.pending.map((d) => d.id)).toEqual([amendedTo]);
    expect(view.decisions.map((d) => [d.decisionLabel, d.document.status, d.document.repealedOn])).toEqual([
      ['保留', 'in_force', null],
      ['废止', 'repealed', '2021-12-01'],
      ['修改', 'amended', '2021-12-01'],
    ]);
  });

  it('refuses a second decision on a document in the same year', async () => {
    const error = await refusal(pass([{ documentId: ids.kept, decision: 'kept' }], '2021-12-20'));
    expect([error.code, error.message]).toEqual(['conflict', expect.stringContaining('不能重复清理')]);
  });

  it('shows in table 二 (一): the repeal and the amendment of the pass counted, R8 holding', async () => {
    const report = await buildAnnualReport(use(), 'reg-review', 2021);
    const t2 = (kind: string) => ['issued', 'repealed', 'valid'].map((c) => report?.cells[`t2.${kind}.${c}`]);
    expect(t2('normative')).toEqual([0, 2, 1]);
    expect(t2('regulation')).toEqual([1, 1, 1]);
    expect(report?.violations.filter((v) => v.code === 'R8')).toEqual([]);
  });
});
