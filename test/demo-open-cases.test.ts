import { beforeAll, expect, it } from 'vitest';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { loadDemo } from '../src/commands/load-demo.ts';
import { testContext } from '../src/commands/testing-context.ts';
import { chineseDaysData } from '../src/domain/calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../src/domain/calendar/work-calendar.ts';
import type { AnnualReport } from '../src/domain/report/types.ts';
import { describeEachDatabase } from './databases.ts';

const calendar = createWorkCalendar({ base: chineseDaysData });
const TODAY = '2026-11-26';

describeEachDatabase('the demo agency’s requests still open', (use) => {
  const load = (now: string) => loadDemo(testContext(use(), { actor: { username: 'gongkai demo' }, now }));
  const openRequests = () =>
    use()
      .kysely.selectFrom('requests as r')
      .innerJoin('agencies as a', 'a.id', 'r.agency_id')
      .select(['r.id', 'r.state', 'r.received_on', 'r.due_on'])
      .where('a.code', '=', 'lingang')
      .where('r.state', '!=', 'decided')
      .orderBy('r.received_on')
      .execute();
  let report2021: AnnualReport | undefined;

  beforeAll(async () => {
    const loaded = await load(TODAY);
    expect(loaded.ok).toBe(true);
    expect(loaded.openRequests).toBe(7);
    report2021 = (await buildAnnualReport(use(), 'lingang', 2021)) ?? undefined;
  }, 600_000);

  it('are seven cases of this year, each received on a working day, through the case workflow', async () => {
    const open = await openRequests();
    expect(open).toHaveLength(7);
    for (const r of open) {
      expect(r.received_on.slice(0, 4)).toBe('2026');
      expect(r.received_on < TODAY).toBe(true);
      expect(calendar.isWorkingDay(r.received_on)).toBe(true);
    }
    const events = await use()
      .kysely.selectFrom('events')
      .select('name')
      .where('subject_type', '=', 'request')
      .where(
        'subject_id',
        'in',
        open.map((r) => String(r.id)),
      )
      .execute();
    const names = new Set(events.map((e) => e.name));
    for (const step of ['correction_requested', 'consultation_sent', 'fee_notice', 'extended'])
      expect(names).toContain(`requests.${step}`);
  });

  it('stand in every state the queue shows: 办理中, 待补正, 征求意见中, 待缴费', async () => {
    const states = (await openRequests()).map((r) => r.state).sort();
    expect(states).toEqual(
      ['awaiting_correction', 'awaiting_fee', 'in_consultation', 'open', 'open', 'open', 'open'].sort(),
    );
  });

  it('include one overdue and one due within three working days', async () => {
    const running = (await openRequests()).filter((r) => r.state === 'open' && r.due_on);
    const overdue = running.filter((r) => (r.due_on ?? '') < TODAY);
    const dueSoon = running.filter(
      (r) => (r.due_on ?? '') >= TODAY && calendar.workingDaysBetween(TODAY, r.due_on ?? '') <= 3,
    );
    expect(overdue).toHaveLength(1);
    expect(dueSoon).toHaveLength(1);
  });

  it('reload without duplicates; early in a year only those received in it; the 2021 report unchanged', async () => {
    const loaded = await load('2023-01-16');
    expect(loaded.ok).toBe(true);
    const open = await openRequests();
    expect(open.length).toBe(loaded.openRequests);
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(7);
    for (const r of open) expect(r.received_on >= '2023-01-01').toBe(true);
    const again = await buildAnnualReport(use(), 'lingang', 2021);
    expect(again?.cells).toEqual(report2021?.cells);
    expect(again?.cells['t3.new.total']).toBe(6);
  }, 600_000);
});
