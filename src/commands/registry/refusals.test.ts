import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Actor } from '../context.ts';
import { amendDocument } from './amend-document.ts';
import { issueDocument } from './issue-document.ts';
import { repealDocument } from './repeal-document.ts';
import { count, OPERATOR, REVIEWER, refusal, registryAgency, registryContext } from './testing.ts';

type Target = 'inForce' | 'repealed' | 'superseded' | 'missing';
type Step =
  | ['issue', Record<string, unknown>]
  | ['amend', Target, Record<string, unknown>]
  | ['repeal', Target, Record<string, unknown>];

const ISSUE = {
  kind: 'normative' as const,
  docNumber: '拒〔2021〕9号',
  title: '某规定',
  issuedOn: '2021-03-01',
};
const REPEAL = { repealedOn: '2021-09-01', repealedBy: '拒〔2021〕10号' };

describeEachDatabase('the registry refuses, writing nothing', (use) => {
  let agencyId: number;
  const ids: Record<Target, number> = { inForce: 0, repealed: 0, superseded: 0, missing: 999_999 };

  beforeAll(async () => {
    const db = use();
    agencyId = await registryAgency(db, 'reg-refusals');
    const issue = async (docNumber: string) =>
      (
        await issueDocument(registryContext(db), {
          agencyId,
          document: { ...ISSUE, docNumber, issuedOn: '2021-02-01' },
        })
      ).id;
    ids.inForce = await issue('拒〔2021〕1号');
    ids.repealed = await issue('拒〔2021〕2号');
    ids.superseded = await issue('拒〔2021〕3号');
    await repealDocument(registryContext(db), {
      agencyId,
      documentId: ids.repealed,
      repeal: { ...REPEAL, repealedOn: '2021-08-01' },
    });
    await amendDocument(registryContext(db), {
      agencyId,
      documentId: ids.superseded,
      amendment: { docNumber: '拒〔2021〕4号', issuedOn: '2021-06-01' },
    });
  });

  it.each<[string, Step, Actor, string, string]>([
    [
      'amending a repealed document',
      ['amend', 'repealed', { issuedOn: '2021-09-01' }],
      OPERATOR,
      'invalid_state',
      '已于 2021-08-01 废止，不能修改',
    ],
    [
      'amending a superseded version',
      ['amend', 'superseded', { issuedOn: '2021-09-01' }],
      OPERATOR,
      'invalid_state',
      '请对现行版本修改',
    ],
    [
      'amending before the issue date',
      ['amend', 'inForce', { issuedOn: '2021-01-01' }],
      OPERATOR,
      'invalid_state',
      '早于',
    ],
    [
      'an amendment taking another document’s 文号',
      ['amend', 'inForce', { docNumber: '拒〔2021〕2号', issuedOn: '2021-09-01' }],
      OPERATOR,
      'conflict',
      '已登记',
    ],
    ['repealing twice', ['repeal', 'repealed', REPEAL], OPERATOR, 'invalid_state', '不能废止'],
    [
      'repealing a superseded version',
      ['repeal', 'superseded', REPEAL],
      OPERATOR,
      'invalid_state',
      '请对现行版本废止',
    ],
    [
      'repealing before the issue date',
      ['repeal', 'inForce', { ...REPEAL, repealedOn: '2021-01-01' }],
      OPERATOR,
      'invalid_state',
      '早于',
    ],
    [
      'repealing without the repealing document',
      ['repeal', 'inForce', { repealedOn: '2021-09-01' }],
      OPERATOR,
      'validation',
      'repealedBy',
    ],
    [
      'a 文号 already registered',
      ['issue', { ...ISSUE, docNumber: '拒〔2021〕1号' }],
      OPERATOR,
      'conflict',
      '已登记',
    ],
    [
      'a date after today',
      ['issue', { ...ISSUE, issuedOn: '2022-02-01' }],
      OPERATOR,
      'validation',
      '不能晚于今天',
    ],
    [
      'a date that does not exist',
      ['issue', { ...ISSUE, issuedOn: '2021-02-30' }],
      OPERATOR,
      'validation',
      'issuedOn',
    ],
    ['an unknown kind', ['issue', { ...ISSUE, kind: 'law' }], OPERATOR, 'validation', 'kind'],
    [
      'an item that does not exist',
      ['issue', { ...ISSUE, itemId: 424_242 }],
      OPERATOR,
      'validation',
      '424242',
    ],
    [
      'a user without an editing role',
      ['repeal', 'inForce', REPEAL],
      REVIEWER,
      'forbidden',
      '您在本机关没有该角色',
    ],
    ['a document that does not exist', ['repeal', 'missing', REPEAL], OPERATOR, 'not_found', '999999'],
  ])('%s', async (_situation, step, actor, code, mentions) => {
    const db = use();
    const before = [await count(db, 'normative_documents'), await count(db, 'events')];
    const run = (): Promise<unknown> => {
      const ctx = registryContext(db, actor);
      if (step[0] === 'issue') return issueDocument(ctx, { agencyId, document: step[1] as never });
      if (step[0] === 'amend')
        return amendDocument(ctx, { agencyId, documentId: ids[step[1]], amendment: step[2] as never });
      return repealDocument(ctx, { agencyId, documentId: ids[step[1]], repeal: step[2] as never });
    };
    const error = await refusal(run());
    expect([error.code, error.message]).toEqual([code, expect.stringContaining(mentions)]);
    expect([await count(db, 'normative_documents'), await count(db, 'events')]).toEqual(before);
  });
});

describeEachDatabase('a refusal names the field it is about', (use) => {
  let agencyId: number;
  beforeAll(async () => {
    agencyId = await registryAgency(use(), 'reg-fields');
    await issueDocument(registryContext(use()), {
      agencyId,
      document: { ...ISSUE, docNumber: '字〔2021〕1号' },
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a date after today',
      { ...ISSUE, docNumber: '字〔2021〕2号', issuedOn: '2022-02-01' },
      'issuedOn',
      '不能晚于今天',
    ],
    ['a 文号 already registered', { ...ISSUE, docNumber: '字〔2021〕1号' }, 'docNumber', '已登记'],
  ])('%s', async (_situation, input, field, says) => {
    const error = await refusal(
      issueDocument(registryContext(use()), { agencyId, document: input as never }),
    );
    expect(error.details).toEqual([{ field, message: expect.stringContaining(says) }]);
  });
});
