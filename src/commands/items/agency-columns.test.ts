import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { chineseDaysData } from '../../domain/calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { ItemFields } from '../../domain/items/fields.ts';
import type { Actor } from '../context.ts';
import { testContext } from '../testing-context.ts';
import { deleteAgencyColumn, saveAgencyColumn } from './agency-columns.ts';
import { approveItem } from './approve-item.ts';
import { createDraft } from './create-draft.ts';
import { editItem } from './edit-item.ts';
import { publishItem } from './publish-item.ts';
import { setIndexPrefix } from './set-index-prefix.ts';
import { submitForReview } from './submit-for-review.ts';
import { createTestAgency } from './testing.ts';

const now = new Date('2021-06-01T02:00:00Z');
const admin: Actor = { username: 'cols-admin', roles: ['agency_admin', 'operator'] };
const operator: Actor = { username: 'cols-operator', roles: ['operator'] };
const reviewer: Actor = { username: 'cols-reviewer', roles: ['reviewer'] };
const approver: Actor = { username: 'cols-approver', roles: ['approver'] };
const calendar = createWorkCalendar({ base: chineseDaysData });

const fields = (extra: Partial<ItemFields> = {}): ItemFields => ({
  title: '2021年部门预算',
  bodyHtml: '',
  category: 'a20.7',
  columnCode: null,
  issuer: '',
  docNumber: null,
  formedOn: '2021-05-20',
  validity: 'valid',
  subject: '',
  isPolicyDocument: false,
  isInterpretation: false,
  isMeeting: false,
  isOnlineInterview: false,
  ...extra,
});

describeEachDatabase("an agency's catalogue columns and 索引号 prefix", (use) => {
  let agencyId: number;
  beforeAll(async () => {
    agencyId = await createTestAgency(use(), 'cols');
  });
  const as = (actor: Actor) => testContext(use(), { actor, now, calendar });
  const column = (
    code: string,
    { actor = admin, ...extra }: { actor?: Actor; name?: string; category?: string } = {},
  ) =>
    saveAgencyColumn(as(actor), { agencyId, code, name: '部门预算', category: 'a20.7', sort: 1, ...extra });

  it('lets an agency administrator add a column, and no one else', async () => {
    await expect(column('budget', { actor: operator })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(column('Budget!')).rejects.toMatchObject({ code: 'validation' });
    expect(await column('budget')).toEqual({ code: 'budget', name: '部门预算', category: 'a20.7', sort: 1 });
    const audit = await use()
      .kysely.selectFrom('events')
      .select('name')
      .where('subject_id', '=', 'budget')
      .execute();
    expect(audit.map((e) => e.name)).toEqual(['settings.column_added']);
  });

  it.each([
    ['a column of another category', { columnCode: 'budget', category: 'a20.1' as const }, 'validation'],
    ['a column the agency does not have', { columnCode: 'missing' }, 'validation'],
  ])('refuses an item filed under %s', async (_situation, extra, code) => {
    await expect(createDraft(as(operator), { agencyId, fields: fields(extra) })).rejects.toMatchObject({
      code,
    });
  });

  it('keeps a column items are filed under', async () => {
    await createDraft(as(operator), { agencyId, fields: fields({ columnCode: 'budget' }) });
    const remove = { agencyId, code: 'budget' };
    await expect(deleteAgencyColumn(as(admin), remove)).rejects.toMatchObject({ code: 'validation' });
    await expect(column('budget', { category: 'a20.1' })).rejects.toMatchObject({ code: 'validation' });
    await column('spare', { name: '备用' });
    await deleteAgencyColumn(as(admin), { ...remove, code: 'spare' });
  });

  it('numbers publications with the configured prefix, one sequence per agency and year', async () => {
    await setIndexPrefix(as(admin), { agencyId, indexPrefix: '11371000mb2856987k' });
    const numbers: string[] = [];
    for (const category of ['a20.7', 'a20.1'] as const) {
      const { itemId } = await createDraft(as(operator), { agencyId, fields: fields({ category }) });
      const target = { agencyId, itemId };
      await submitForReview(as(operator), { ...target, expectedVersion: 1 });
      await approveItem(as(reviewer), { ...target, expectedVersion: 2, opinion: '' });
      numbers.push((await publishItem(as(approver), { ...target, expectedVersion: 3 })).indexNo);
    }
    expect(numbers).toEqual(['11371000MB2856987K/2021-07-00001', '11371000MB2856987K/2021-01-00002']);
  });

  it('sends an approved item back to draft when it is edited, voiding the review', async () => {
    const { itemId } = await createDraft(as(operator), { agencyId, fields: fields() });
    const target = { agencyId, itemId };
    await submitForReview(as(operator), { ...target, expectedVersion: 1 });
    await approveItem(as(reviewer), { ...target, expectedVersion: 2, opinion: '同意' });
    const edited = await editItem(as(operator), { ...target, expectedVersion: 3, changes: { title: '改' } });
    expect(edited.status).toBe('draft');
    const row = await use()
      .kysely.selectFrom('items')
      .selectAll()
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect([row.reviewer, row.review_result]).toEqual([null, null]);
  });
});
