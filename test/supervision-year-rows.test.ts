import { beforeAll, expect, it } from 'vitest';
import { createCalendarService } from '../src/calendar/calendar-service.ts';
import { supervisionYearRows } from '../src/db/queries/supervision-year-rows.ts';
import { prng } from '../src/demo/lingang.ts';
import type { WorkCalendar } from '../src/domain/calendar/types.ts';
import { publicationTimeliness } from '../src/domain/items/timeliness.ts';
import { addAgency } from './accounts.ts';
import { describeEachDatabase } from './databases.ts';

const YEAR = 2025;

/** A day `n` days after 2023-10-01 (so some rows are formed or received long before the year). */
const day = (n: number) =>
  new Date(Date.parse('2023-10-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The 工作台's working days to answer and its late publications (第二十六条) are counted in SQL
 * against day tables worked out from the calendar (db/queries/supervision.ts). Here they are
 * compared, row by row, with the calendar's own answer for each row: random days over 2023-10 …
 * 2025-12 (Spring Festival, National Day, formed or received long before the year, answered the same day).
 */
describeEachDatabase('the 工作台’s year counts against the calendar', (use) => {
  let calendar: WorkCalendar;
  const agencies: number[] = [];
  const publications: Array<{ agency: number; formed: string; published: string }> = [];
  const answers: Array<{ agency: number; received: string; decided: string }> = [];

  beforeAll(async () => {
    const db = use();
    calendar = await createCalendarService(db).get();
    for (const code of ['a', 'b', 'c']) agencies.push(await addAgency(db, `year-rows-${code}`));
    const random = prng(15);
    const pick = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 400; i++) {
      const published = 90 + pick(730);
      const formed = Math.max(0, published - (random() < 0.1 ? 200 + pick(100) : pick(45)));
      publications.push({
        agency: agencies[i % 3] as number,
        formed: day(formed),
        published: day(published),
      });
      const received = pick(800);
      const wait = random() < 0.1 ? 0 : random() < 0.1 ? 420 + pick(60) : pick(40); // same day, a year and more, weeks
      const decided = Math.min(820, received + wait);
      answers.push({ agency: agencies[i % 3] as number, received: day(received), decided: day(decided) });
    }
    await db.kysely
      .insertInto('publications')
      .values(
        publications.map((p, i) => ({
          ...{ agency_id: p.agency, ref: `p${i}`, title: `信息${i}`, category: 'a20.1', channel: 'website' },
          ...{ formed_on: p.formed, published_on: p.published, is_policy_document: 0, is_interpretation: 0 },
          ...{ interprets_id: null, is_meeting: 0, is_online_interview: 0 },
        })),
      )
      .execute();
    await db.kysely
      .insertInto('requests')
      .values(
        answers.map((a, i) => ({
          ...{ agency_id: a.agency, ref: `r${i}`, applicant_type: 'natural_person', channel: 'online' },
          ...{ received_on: a.received, decided_on: a.decided, outcome: 'granted', state: 'decided' },
          ...{ fee_fen: 0, mixed_items: 0, kind: 'disclosure' },
        })),
      )
      .execute();
  });

  it('counts each agency’s late publications and its answers’ working days as the calendar does', async () => {
    const rows = await supervisionYearRows(use(), calendar, agencies, YEAR);
    for (const agency of agencies) {
      const ofYear = publications.filter((p) => p.agency === agency && p.published.startsWith(`${YEAR}`));
      const late = ofYear.filter((p) => publicationTimeliness(p.formed, p.published, calendar).late).length;
      const counts = rows.get(agency);
      expect(counts?.published).toBe(ofYear.length);
      expect(counts?.late).toBe(late);
      expect(late).toBeGreaterThan(0);
      const expected = new Map<number, number>();
      for (const a of answers.filter((x) => x.agency === agency && x.decided.startsWith(`${YEAR}`))) {
        const days = calendar.workingDaysBetween(a.received, a.decided);
        expected.set(days, (expected.get(days) ?? 0) + 1);
      }
      // the SQL's day tables and the pairs received before them, counted together
      const histogram = new Map(counts?.answerDays);
      expect(new Map([...histogram].sort((x, y) => x[0] - y[0]))).toEqual(
        new Map([...expected].sort((x, y) => x[0] - y[0])),
      );
    }
  });
});
