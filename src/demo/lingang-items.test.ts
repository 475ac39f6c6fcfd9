import { describe, expect, it } from 'vitest';
import { DEMO_PLANS } from './lingang.ts';
import { demoItemRows } from './lingang-items.ts';
import { DEMO_ROADS, DEMO_SCHOOLS, DEMO_TOWNS } from './lingang-places.ts';

const rows = [...demoItemRows(DEMO_PLANS)].map((r) => ({
  title: String(r.title),
  body: String(r.body),
  publishedOn: String(r.publishedOn),
  news: !r.isMeeting && !r.isPolicyDocument && !r.isInterpretation && !r.isOnlineInterview,
}));

/** Months since year 0: 2021年3月 → 2021 * 12 + 2. */
const monthIndex = (year: number, month: number) => year * 12 + month - 1;

/** What a title names that its body must name too: companies, villages, schools, roads, months, quarters. */
function namedIn(title: string): string[] {
  const patterns = [
    /威海\p{Script=Han}+?有限公司/gu,
    new RegExp(`(?:${DEMO_TOWNS.join('|')})\\p{Script=Han}{2,3}?村`, 'gu'),
    new RegExp(DEMO_SCHOOLS.join('|'), 'g'),
    new RegExp(DEMO_ROADS.join('|'), 'g'),
    /\d{4}年\d{1,2}月/g,
    /\d{4}年第\d季度/g,
  ];
  return patterns.flatMap((p) => title.match(p) ?? []);
}

describe('the demo agency’s items', () => {
  it('are the same on every run (seeded)', () => {
    expect([...demoItemRows(DEMO_PLANS)].map((r) => r.title)).toEqual(rows.map((r) => r.title));
  });

  it('have distinct titles: none appears more than twice among the 7,325', () => {
    expect(rows).toHaveLength(7325);
    const times = new Map<string, number>();
    for (const { title } of rows) times.set(title, (times.get(title) ?? 0) + 1);
    expect([...times].filter(([, n]) => n > 2)).toEqual([]);
    expect(times.size).toBeGreaterThan(7200);
  });

  it('name no month after their publication, and none more than three months before', () => {
    const wrong = rows.filter(({ title, publishedOn }) => {
      const published = monthIndex(Number(publishedOn.slice(0, 4)), Number(publishedOn.slice(5, 7)));
      return [...title.matchAll(/(\d{4})年(\d{1,2})月/g)].some(([, y, m]) => {
        const named = monthIndex(Number(y), Number(m));
        return named > published || named < published - 3;
      });
    });
    expect(wrong.map((r) => `${r.publishedOn} ${r.title}`)).toEqual([]);
  });

  it('name no year after their publication, and none before the previous year', () => {
    const wrong = rows.filter(({ title, publishedOn }) => {
      const year = Number(publishedOn.slice(0, 4));
      return [...title.matchAll(/(\d{4})年/g)].some(([, y]) => Number(y) > year || Number(y) < year - 1);
    });
    expect(wrong.map((r) => `${r.publishedOn} ${r.title}`)).toEqual([]);
    // the test has dated titles to look at
    expect(rows.filter((r) => /\d{4}年/.test(r.title)).length).toBeGreaterThan(1000);
  });

  it('have bodies about their titles: the company, village, school, road, month or quarter a title names', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const { title, body } of rows) {
      for (const name of namedIn(title)) {
        checked++;
        if (!body.includes(name)) wrong.push(`${title}: ${name}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it('give each policy document and its 解读 a body naming what the policy is for', () => {
    const policies = rows.filter((r) => !r.news && r.title.startsWith('《'));
    expect(policies).toHaveLength(24);
    for (const { title, body } of policies) {
      expect(body).toContain(title.replace(/政策解读$/, ''));
      expect(body).toMatch(/一、制定背景：为\p{Script=Han}/u);
    }
  });
});
