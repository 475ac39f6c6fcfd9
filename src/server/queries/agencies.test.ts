/**
 * An agency's record years (a publication published or a request received in the year), found by
 * skipping through the indexes a year at a time: the same years, newest first, as reading every
 * record — checked against that plain query on seeded random records, with gaps between years,
 * years of requests only, the last day of a year and the first of the next, and agencies with none.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { addAgency } from '../../../test/accounts.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Db } from '../../db/connection.ts';
import { prng } from '../../demo/lingang.ts';
import { findAgency, listAgencies } from './agencies.ts';

const YEARS = [2009, 2015, 2019, 2020, 2021, 2023, 2024];

describeEachDatabase('record years of agencies', (use) => {
  let db: Db;
  const codes = ['years-a', 'years-b', 'years-c', 'years-d', 'years-none'];

  beforeAll(async () => {
    db = use();
    const ids: number[] = [];
    for (const code of codes) ids.push(await addAgency(db, code));
    const next = prng(20261207);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] ?? list[0];
    const day = () => {
      const year = pick(YEARS);
      const edge = next();
      if (edge < 0.1) return `${year}-12-31`;
      if (edge < 0.2) return `${year}-01-01`;
      return `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15`;
    };
    // the first two agencies have publications only, the third both, the fourth requests only, the last none
    const publications = Array.from({ length: 120 }, (_, i) => ({ agency: ids[i % 3], on: day() }));
    const requests = Array.from({ length: 60 }, (_, i) => ({ agency: ids[2 + (i % 2)], on: day() }));
    await db.kysely
      .insertInto('publications')
      .values(
        publications.map((p, i) => ({
          ...{ agency_id: p.agency, ref: `y${i}`, title: `信息${i}`, category: 'a20.1', channel: 'website' },
          ...{ formed_on: p.on, published_on: p.on, is_policy_document: 0, is_interpretation: 0 },
          ...{ interprets_id: null, is_meeting: 0, is_online_interview: 0 },
        })),
      )
      .execute();
    await db.kysely
      .insertInto('requests')
      .values(
        requests.map((r, i) => ({
          ...{ agency_id: r.agency, ref: `y${i}`, applicant_type: 'natural_person', channel: 'online' },
          ...{ received_on: r.on, decided_on: r.on, outcome: 'granted', state: 'decided' },
          ...{ fee_fen: 0, mixed_items: 0, kind: 'disclosure' },
        })),
      )
      .execute();
  });

  /** What reading every record gives: code → years, newest first. */
  async function plainYears(): Promise<Map<string, number[]>> {
    const { rows } = await sql<{ code: string; y: string }>`
      select a.code, x.y from agencies a join (
        select agency_id, substr(published_on, 1, 4) as y from publications
        union
        select agency_id, substr(received_on, 1, 4) as y from requests) x on x.agency_id = a.id`.execute(
      db.kysely,
    );
    const years = new Map<string, number[]>();
    for (const row of rows) years.set(row.code, [...(years.get(row.code) ?? []), Number(row.y)]);
    for (const list of years.values()) list.sort((a, b) => b - a);
    return years;
  }

  it('lists every agency with the years its records have, newest first', async () => {
    const expected = await plainYears();
    const listed = new Map((await listAgencies(db)).map((a) => [a.code, a.years]));
    for (const code of codes) expect(listed.get(code), code).toEqual(expected.get(code) ?? []);
    expect(listed.get('years-none')).toEqual([]);
    // the generator made records in several years with gaps: the skipping is exercised
    expect(listed.get('years-a')?.length).toBeGreaterThan(3);
  });

  it.each(codes)('finds %s with the same years', async (code) => {
    const expected = (await plainYears()).get(code) ?? [];
    expect((await findAgency(db, code))?.years).toEqual(expected);
  });
});
