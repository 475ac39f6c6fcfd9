import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Actor } from '../context.ts';
import { testContext } from '../testing-context.ts';
import { createDraft } from './create-draft.ts';
import { editItem } from './edit-item.ts';
import { createTestAgency } from './testing.ts';

const now = new Date('2021-06-01T02:00:00Z');
const operator: Actor = { username: 'race-operator', roles: ['operator'] };

describeEachDatabase('two people changing one item at once', (use) => {
  let agencyId: number;
  beforeAll(async () => {
    agencyId = await createTestAgency(use(), 'race');
  });

  it('lets one win and gives the other a conflict; one event, one new version', async () => {
    const fields = {
      title: '原标题',
      bodyHtml: '',
      category: 'a20.2' as const,
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
    const ctx = testContext(use(), { actor: operator, now });
    const { itemId } = await createDraft(ctx, { agencyId, fields });
    const edit = (title: string) =>
      editItem(ctx, { agencyId, itemId, expectedVersion: 1, changes: { title } });
    const results = await Promise.allSettled([edit('甲的标题'), edit('乙的标题')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    const events = await use()
      .kysely.selectFrom('events')
      .select('name')
      .where('subject_type', '=', 'item')
      .where('subject_id', '=', String(itemId))
      .execute();
    expect(events.map((e) => e.name)).toEqual(['items.created', 'items.edited']);
    const row = await use()
      .kysely.selectFrom('items')
      .select('version')
      .where('id', '=', itemId)
      .executeTakeFirst();
    expect(row?.version).toBe(2);
  });

  it('does not find an item of another agency', async () => {
    const other = await createTestAgency(use(), 'race2');
    await expect(
      editItem(testContext(use(), { actor: operator, now }), {
        agencyId: other,
        itemId: 1,
        expectedVersion: 1,
        changes: { title: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
