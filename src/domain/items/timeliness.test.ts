import { describe, expect, it } from 'vitest';
import { chineseDaysData } from '../calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import { publicationTimeliness, timelinessFigure } from './timeliness.ts';

const calendar = createWorkCalendar({ base: chineseDaysData });

describe('publication within 20 working days (条例第二十六条) on the 2024 calendar', () => {
  it.each([
    ['formed the day before, published the next working day', '2024-01-25', '2024-01-26', 1, false],
    [
      'formed before Spring Festival, published on the 20th working day',
      '2024-01-26',
      '2024-02-28',
      20,
      false,
    ],
    [
      'formed before Spring Festival, published the Monday after (late on a Mon–Fri count)',
      '2024-01-26',
      '2024-02-26',
      18,
      false,
    ],
    [
      'formed before Spring Festival, published on the 21st working day',
      '2024-01-26',
      '2024-02-29',
      21,
      true,
    ],
    [
      'formed on 除夕 (a working day), published on the make-up Sunday after the holiday',
      '2024-02-09',
      '2024-02-18',
      1,
      false,
    ],
    ['formed two days before the holiday, due 13 March', '2024-02-08', '2024-03-13', 20, false],
    ['formed two days before the holiday, published 14 March', '2024-02-08', '2024-03-14', 21, true],
    [
      'formed during the holiday, published on the 20th working day after it',
      '2024-02-12',
      '2024-03-14',
      20,
      false,
    ],
    ['formed in the summer, published two months later', '2024-06-03', '2024-08-01', 42, true],
  ] as const)('%s', (_situation, formedOn, publishedOn, workingDays, late) => {
    const reading = publicationTimeliness(formedOn, publishedOn, calendar);
    expect(reading.workingDays).toBe(workingDays);
    expect(reading.late).toBe(late);
  });

  it('gives the last day within the limit', () => {
    expect(publicationTimeliness('2024-01-26', '2024-01-26', calendar).dueOn).toBe('2024-02-28');
  });

  it('counts the year’s figure: published, within the limit, late', () => {
    const items = [
      { formedOn: '2024-01-26', publishedOn: '2024-02-28' },
      { formedOn: '2024-01-26', publishedOn: '2024-02-29' },
      { formedOn: '2024-02-09', publishedOn: '2024-02-18' },
    ];
    expect(timelinessFigure(items, calendar)).toEqual({ published: 3, withinLimit: 2, late: 1 });
    expect(timelinessFigure([], calendar)).toEqual({ published: 0, withinLimit: 0, late: 0 });
  });
});
