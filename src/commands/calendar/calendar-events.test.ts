import { expect, it } from 'vitest';
import { addAgency } from '../../../test/accounts.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { listEvents } from '../../db/queries/events.ts';
import type { AgencyActor } from '../../domain/accounts/actor.ts';
import { saveLetterTemplate } from '../requests/save-letter-template.ts';
import { testContext } from '../testing-context.ts';
import { addCalendarOverride, removeCalendarOverride } from './calendar-override.ts';
import { importHolidayNotice } from './import-holiday-notice.ts';

const ROOT: AgencyActor = { username: 'root', roles: [], platformAdmin: true };
const NOW = new Date('2026-11-20T02:00:00.000Z');

describeEachDatabase('calendar and settings changes write events', (use) => {
  it('records setting and removing an override and importing a notice, with what the recompute did', async () => {
    const db = use();
    const override = { date: '2026-12-31', kind: 'holiday' as const, source: '某府办发〔2026〕2号' };
    const as = (now: Date) => testContext(db, { actor: ROOT, now });
    await addCalendarOverride(as(NOW), override);
    await removeCalendarOverride(as(new Date('2026-11-21T02:00:00.000Z')), { date: override.date });
    const notice = {
      year: 2027,
      documentNumber: '测试虚构〔2026〕1号',
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: ['2027-02-13'],
    };
    await importHolidayNotice(as(new Date('2026-11-22T02:00:00.000Z')), notice);
    const { events } = await listEvents(db, { name: 'calendar', limit: 10 });
    expect(events.map((e) => [e.name, e.subjectType, e.subjectId, e.agencyId, e.actor])).toEqual([
      ['calendar.notice_imported', 'calendar_notice', '2027', null, 'root'],
      ['calendar.override_removed', 'calendar_override', '2026-12-31', null, 'root'],
      ['calendar.override_set', 'calendar_override', '2026-12-31', null, 'root'],
    ]);
    expect(events[2].data).toMatchObject({
      before: null,
      after: override,
      reason: expect.stringContaining('2026-12-31'),
      recompute: { checked: 0, changed: 0, failed: 0 },
    });
    expect(events[1].data).toMatchObject({ before: override, after: null });
    expect(events[1].seq).toBe(2);
    const { year: _year, ...stored } = notice;
    expect(events[0].data).toMatchObject({ before: null, after: stored });
  });

  it('records a letter template saved and reset, before → after; a refused template writes nothing', async () => {
    const db = use();
    const agencyId = await addAgency(db, 'tpl-events');
    const actor: AgencyActor = { username: 'tpl-admin', roles: ['agency_admin'] };
    const template = '{{agency.name}}\n延期答复告知书';
    const ctx = testContext(db, { actor });
    expect(await saveLetterTemplate(ctx, { agencyId, kind: 'extension', template })).toEqual({
      kind: 'extension',
      isDefault: false,
    });
    await expect(
      saveLetterTemplate(ctx, { agencyId, kind: 'extension', template: '{{不存在的字段}}' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await saveLetterTemplate(ctx, { agencyId, kind: 'extension', template: '' });
    const { events } = await listEvents(db, { agencyId, limit: 10 });
    expect(events.map((e) => [e.name, e.subjectType, e.subjectId, e.actor, e.data])).toEqual([
      [
        'settings.letter_template_reset',
        'letter_template',
        'extension',
        'tpl-admin',
        { before: template, after: null },
      ],
      [
        'settings.letter_template_saved',
        'letter_template',
        'extension',
        'tpl-admin',
        { before: null, after: template },
      ],
    ]);
  });
});
