import { expect, it } from 'vitest';
import { addAgency } from '../../../test/accounts.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { appendEvent } from '../events.ts';
import { listEvents } from './events.ts';

describeEachDatabase('listEvents: who did what, when', (use) => {
  let lingang = 0;
  let other = 0;
  const at = (day: number, hour = 2) => new Date(Date.UTC(2026, 10, day, hour));

  it('answers by agency, actor, area or name, subject and time, newest first, a page at a time', async () => {
    const db = use();
    lingang = await addAgency(db, 'log-lingang');
    other = await addAgency(db, 'log-other');
    const append = (
      name: string,
      subject: [string, string | number],
      agency: number | null,
      actor: string,
      when: Date,
    ) =>
      appendEvent(db.kysely, {
        name,
        subject: { type: subject[0], id: subject[1] },
        agency,
        actor,
        at: when,
      });
    await append('requests.received', ['request', 1], lingang, 'op', at(1));
    await append('requests.extended', ['request', 1], lingang, 'approver', at(3));
    await append('items.created', ['item', 9], lingang, 'op', at(2));
    await append('settings.column_added', ['agency_column', 'budget'], lingang, 'admin', at(4));
    await append('report.draft_saved', ['annual_report', 2025], other, 'op', at(5));
    await append('calendar.override_set', ['calendar_override', '2026-12-31'], null, 'root', at(6));

    const names = async (filter: Partial<Parameters<typeof listEvents>[1]>) =>
      (await listEvents(db, { limit: 50, ...filter })).events.map((e) => e.name);
    expect(await names({ agencyId: lingang })).toEqual([
      'settings.column_added',
      'requests.extended',
      'items.created',
      'requests.received',
    ]);
    expect(await names({ agencyId: lingang, actor: 'op' })).toEqual(['items.created', 'requests.received']);
    expect(await names({ agencyId: lingang, name: 'requests' })).toEqual([
      'requests.extended',
      'requests.received',
    ]);
    expect(await names({ agencyId: lingang, name: 'requests.received' })).toEqual(['requests.received']);
    expect(await names({ subject: { type: 'request', id: 1 } })).toEqual([
      'requests.extended',
      'requests.received',
    ]);
    expect(await names({ agencyId: lingang, from: at(2).toISOString(), to: at(3).toISOString() })).toEqual([
      'requests.extended',
      'items.created',
    ]);
    expect(await names({ actor: 'op' })).toEqual([
      'report.draft_saved',
      'items.created',
      'requests.received',
    ]);

    const first = await listEvents(db, { agencyId: lingang, limit: 3 });
    expect(first.events.map((e) => e.name)).toEqual([
      'settings.column_added',
      'requests.extended',
      'items.created',
    ]);
    expect(first.events[0]).toMatchObject({
      subjectType: 'agency_column',
      subjectId: 'budget',
      seq: 1,
      agencyId: lingang,
      actor: 'admin',
      at: at(4).toISOString(),
      data: {},
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await listEvents(db, { agencyId: lingang, limit: 3, cursor: first.nextCursor ?? '' });
    expect(second).toEqual({
      events: [expect.objectContaining({ name: 'requests.received' })],
      nextCursor: null,
    });
  });
});
