import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { amendDocument } from '../src/commands/registry/amend-document.ts';
import { issueDocument } from '../src/commands/registry/issue-document.ts';
import { repealDocument } from '../src/commands/registry/repeal-document.ts';
import { registryAgency, registryContext } from '../src/commands/registry/testing.ts';
import { documentHistory, documentsInForce } from '../src/db/queries/registry.ts';
import { describeEachDatabase } from './databases.ts';

describeEachDatabase('the normative-document registry and table 二 (一)', (use) => {
  let agencyId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const db = use();
    agencyId = await registryAgency(db, 'reg-a');
    const issue = async (
      key: string,
      docNumber: string,
      kind: 'normative' | 'regulation',
      issuedOn: string,
    ) => {
      const title = `关于${docNumber}的规定`;
      const document = { kind, docNumber, title, issuedOn };
      ids[key] = (await issueDocument(registryContext(db), { agencyId, document })).id;
    };
    const amend = async (key: string, from: string, docNumber: string, issuedOn: string) => {
      ids[key] = (
        await amendDocument(registryContext(db), {
          agencyId,
          documentId: ids[from] ?? 0,
          amendment: { docNumber, issuedOn },
        })
      ).id;
    };
    const repeal = (key: string, repealedOn: string, repealedBy: string) =>
      repealDocument(registryContext(db), {
        agencyId,
        documentId: ids[key] ?? 0,
        repeal: { repealedOn, repealedBy },
      });
    await issue('a', '测规〔2020〕1号', 'normative', '2020-03-01');
    await issue('d', '测规〔2020〕2号', 'normative', '2020-06-01');
    await issue('b', '测规〔2021〕1号', 'normative', '2021-02-01');
    await issue('c', '测政令〔2021〕1号', 'regulation', '2021-04-01');
    await amend('a2', 'a', '测规〔2021〕5号', '2021-05-10');
    await repeal('d', '2021-08-01', '测规〔2021〕7号');
    await repeal('b', '2021-12-01', '测规〔2021〕9号');
    await amend('c2', 'c', '测政令〔2021〕2号', '2021-12-01');
  });

  it('links the new version to the one it amends, which stops being in force that day', async () => {
    const history = await documentHistory(use(), agencyId, ids.a2 ?? 0);
    expect(history?.versions.map((v) => [v.id, v.version, v.status, v.repealedOn])).toEqual([
      [ids.a, 1, 'amended', '2021-05-10'],
      [ids.a2, 2, 'in_force', null],
    ]);
    expect(history?.versions[0]?.supersededById).toBe(ids.a2);
    expect(history?.versions[1]).toMatchObject({ supersedesId: ids.a, title: '关于测规〔2020〕1号的规定' });
    expect(history?.events.map((e) => [e.documentId, e.type, e.actor])).toEqual([
      [ids.a, 'registry.issued', 'reg-operator'],
      [ids.a, 'registry.superseded', 'reg-operator'],
      [ids.a2, 'registry.amended', 'reg-operator'],
    ]);
  });

  it('records the repealing document', async () => {
    const history = await documentHistory(use(), agencyId, ids.d ?? 0);
    expect(history?.versions[0]).toMatchObject({ status: 'repealed', repealedBy: '测规〔2021〕7号' });
  });

  describe('the annual report counts what the commands did', () => {
    it.each<[number, string, Record<string, number>]>([
      // 2020 is in the 2019 format: 本年新制作, 本年新公开, 对外公开总数量.
      [2020, 'normative', { issued: 2, published: 2, published_total: 2 }],
      [2020, 'regulation', { issued: 0, published: 0, published_total: 0 }],
      // b and a's new version issued; a (superseded), d and b stopped; a's new version in force.
      [2021, 'normative', { issued: 2, repealed: 3, valid: 1 }],
      // c and its new version issued; c superseded; the new version in force.
      [2021, 'regulation', { issued: 2, repealed: 1, valid: 1 }],
    ])('%s t2.%s.*', async (year, kind, expected) => {
      const report = await buildAnnualReport(use(), 'reg-a', year);
      const cells = Object.fromEntries(
        Object.keys(expected).map((k) => [k, report?.cells[`t2.${kind}.${k}`]]),
      );
      expect(cells).toEqual(expected);
      expect(report?.violations.filter((v) => v.code === 'R8')).toEqual([]);
    });

    it('lists as in force at the year’s end exactly the documents the report counts', async () => {
      const page = { limit: 100, offset: 0 };
      const inForce = await documentsInForce(use(), agencyId, '2021-12-31', page);
      expect(inForce.items.map((d) => d.id).sort()).toEqual([ids.a2, ids.c2].sort());
      const regulations = await documentsInForce(use(), agencyId, '2021-12-31', {
        kind: 'regulation',
        ...page,
      });
      expect(regulations.items.map((d) => d.docNumber)).toEqual(['测政令〔2021〕2号']);
    });
  });
});
