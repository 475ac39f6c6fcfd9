import { describe, expect, it } from 'vitest';
import { prng } from '../../demo/lingang.ts';
import { cellNumber, zeroColumns } from './cells.ts';
import { type AgencyRecords, yearFactsFromRecords } from './facts.ts';
import { formatById } from './formats/registry.ts';
import type { RequestRecord } from './records.ts';
import { REPORT_SECTIONS } from './sections.ts';
import type { YearFacts } from './types.ts';
import { validateReport } from './validate.ts';
import { APPLICANT_TYPES, OUTCOMES, REQUEST_CHANNELS, T3_COLUMNS, T4_GROUPS } from './vocabulary.ts';

const {
  cellCodes: CELL_CODES,
  decimalCells: [DECIMAL_CELL],
} = formatById('2021');

function emptyFacts(year = 2021): YearFacts {
  const review = { upheld: 0, corrected: 0, other: 0, pending: 0 };
  return {
    year,
    publications: {
      byChannel: [],
      total: 0,
      meetings: 0,
      policyDocuments: 0,
      interpretations: 0,
      onlineInterviews: 0,
    },
    normative: {
      regulation: { issued: 0, repealed: 0, valid: 0, issuedToDate: 0 },
      normative: { issued: 0, repealed: 0, valid: 0, issuedToDate: 0 },
    },
    admin: null,
    requests: {
      received: zeroColumns(),
      carriedIn: zeroColumns(),
      carriedOut: zeroColumns(),
      decided: {},
      byChannel: Object.fromEntries(
        REQUEST_CHANNELS.map((c) => [c, 0]),
      ) as YearFacts['requests']['byChannel'],
      feesFen: 0,
      mixedItemsNotPartial: 0,
    },
    reviews: { review: { ...review }, suit_direct: { ...review }, suit_after_review: { ...review } },
  };
}

function busyFacts(): YearFacts {
  const facts = emptyFacts();
  facts.normative.regulation = { issued: 1, repealed: 2, valid: 3, issuedToDate: 5 };
  facts.normative.normative = { issued: 5, repealed: 0, valid: 11, issuedToDate: 11 };
  facts.admin = {
    licenseDecisions: 5416,
    penaltyDecisions: 271,
    enforcementDecisions: 21,
    feesFen: 1_234_500,
    feesWan: '1.2345',
  };
  facts.requests.received = { ...zeroColumns(), natural_person: 4, business: 2, other_org: 1 };
  facts.requests.carriedIn = { ...zeroColumns(), research: 1, natural_person: 1 };
  facts.requests.carriedOut = { ...zeroColumns(), natural_person: 1 };
  facts.requests.decided = {
    granted: { natural_person: 2, business: 1 },
    partial: { business: 1, research: 1 },
    'unable.not_held': { natural_person: 1 },
    'other.no_correction': { natural_person: 1 },
    'other.other': { other_org: 1 },
  };
  facts.reviews.review = { upheld: 1, corrected: 2, other: 0, pending: 1 };
  facts.reviews.suit_after_review = { upheld: 0, corrected: 0, other: 3, pending: 0 };
  return facts;
}

describe('computeCells', () => {
  it.each([
    ['a year with nothing', emptyFacts()],
    ['a busy year', busyFacts()],
  ])('fills every code of the format and nothing else: %s', (_situation, facts) => {
    const cells = formatById('2021').computeCells(facts);
    expect(Object.keys(cells).sort()).toEqual([...CELL_CODES].sort());
    for (const code of CELL_CODES) {
      if (code === DECIMAL_CELL) expect(typeof cells[code]).toBe('string');
      else expect(Number.isInteger(cells[code])).toBe(true);
    }
  });

  const busy = formatById('2021').computeCells(busyFacts());
  it.each<[string, string, number | string]>([
    ['规章 issued', 't2.regulation.issued', 1],
    ['规章 repealed', 't2.regulation.repealed', 2],
    ['规章 valid', 't2.regulation.valid', 3],
    ['规范性文件 valid', 't2.normative.valid', 11],
    ['licences', 't2.license.decisions', 5416],
    ['penalties', 't2.penalty.decisions', 271],
    ['enforcement', 't2.enforcement.decisions', 21],
    ['fees in 万元, exact', 't2.fees.amount_wan', '1.2345'],
    ['R4: new requests, total column', 't3.new.total', 7],
    ['R4: carried in, total column', 't3.carried_in.total', 2],
    ['R4: granted, total column', 't3.granted.total', 3],
    ['R4: partial, total column', 't3.partial.total', 2],
    ['an outcome nobody got', 't3.denied.state_secret.total', 0],
    ['R3: total row, natural persons', 't3.total.natural_person', 4],
    ['R3: total row, businesses', 't3.total.business', 2],
    ['R3: total row, research', 't3.total.research', 1],
    ['R3: total row, other organisations', 't3.total.other_org', 1],
    ['R3 and R4: the grand total', 't3.total.total', 8],
    ['carried out', 't3.carried_out.total', 1],
    ['R5: review total', 't4.review.total', 4],
    ['R5: suits after review total', 't4.suit_after_review.total', 3],
    ['R5: direct suits total', 't4.suit_direct.total', 0],
  ])('%s (%s)', (_situation, code, value) => {
    expect(busy[code]).toBe(value);
  });

  it.each([
    ['no admin figures: zero decisions', 't2.license.decisions', 0],
    ['no admin figures: fees “0”', 't2.fees.amount_wan', '0'],
  ])('%s', (_situation, code, value) => {
    expect(formatById('2021').computeCells(emptyFacts())[code]).toBe(value);
  });

  it('makes totals by construction: R3 per column and R4 per row', () => {
    for (const column of T3_COLUMNS) {
      const sum = OUTCOMES.reduce((acc, o) => acc + cellNumber(busy, `t3.${o}.${column}`), 0);
      expect(cellNumber(busy, `t3.total.${column}`)).toBe(sum);
    }
    for (const code of CELL_CODES.filter((c) => c.startsWith('t3.') && c.endsWith('.total'))) {
      const row = code.slice(3, -'.total'.length);
      const sum = APPLICANT_TYPES.reduce((acc, c) => acc + cellNumber(busy, `t3.${row}.${c}`), 0);
      expect(cellNumber(busy, code)).toBe(sum);
    }
  });
});

describe('cellNumber', () => {
  it.each<[string, Record<string, number | string>, number]>([
    ['a whole number', { x: 5 }, 5],
    ['the decimal cell as text', { x: '0.35' }, 0.35],
    ['a missing cell', {}, 0],
  ])('%s', (_situation, cells, n) => {
    expect(cellNumber(cells, 'x')).toBe(n);
  });
});

/** A random day from 2019-01-01 on, `span` days wide. */
function randomDay(random: () => number, from: string, span: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.floor(random() * span));
  return d.toISOString().slice(0, 10);
}

function randomRequests(seed: number, n: number): RequestRecord[] {
  const random = prng(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  return Array.from({ length: n }, (): RequestRecord => {
    const receivedOn = randomDay(random, '2019-01-01', 5 * 365);
    const decided = random() < 0.8;
    const decidedOn = decided ? randomDay(random, receivedOn, random() < 0.2 ? 400 : 40) : null;
    return {
      applicantType: pick(APPLICANT_TYPES),
      channel: pick(REQUEST_CHANNELS),
      receivedOn,
      decidedOn,
      outcome: decided ? pick(OUTCOMES) : null,
      feeFen: 0,
      itemOutcomes: [],
    };
  });
}

const sections = REPORT_SECTIONS.map((s) => ({ heading: s.heading, text: '（略）' }));

describe('R1, R3, R4 and R7 hold for random record sets', () => {
  it.each([
    ['seed 1, 300 requests', 1, 300],
    ['seed 2, 500 requests', 2, 500],
    ['seed 20211231, 800 requests', 20211231, 800],
    ['seed 42, 20 requests (sparse columns)', 42, 20],
  ])('%s', (_situation, seed, n) => {
    const records: AgencyRecords = {
      channels: [],
      publications: [],
      normative: [],
      requests: randomRequests(seed, n),
      reviews: [],
      admin: new Map(),
    };
    let previous: Record<string, number | string> | null = null;
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024]) {
      const cells = formatById('2021').computeCells(yearFactsFromRecords(records, year));
      for (const column of T3_COLUMNS) {
        const n = (row: string) => cellNumber(cells, `t3.${row}.${column}`);
        expect(n('new') + n('carried_in'), `${year} ${column}`).toBe(n('total') + n('carried_out'));
      }
      const found = validateReport({
        format: formatById('2021'),
        year,
        agencyKind: 'department',
        cells,
        previousCells: previous,
        sections,
        publishedOn: null,
      });
      expect(found.filter((v) => ['R1', 'R3', 'R4', 'R6', 'R7'].includes(v.code))).toEqual([]);
      previous = cells;
    }
  });

  it('the random sets are not trivial: requests cross year boundaries', () => {
    const requests = randomRequests(1, 300);
    const crossing = requests.filter(
      (r) => r.decidedOn && r.decidedOn.slice(0, 4) !== r.receivedOn.slice(0, 4),
    );
    expect(crossing.length).toBeGreaterThan(10);
    expect(requests.filter((r) => r.decidedOn === null).length).toBeGreaterThan(10);
  });

  it.each(T4_GROUPS.map((g) => [g]))('R5 holds by construction for %s', (group) => {
    const cells = formatById('2021').computeCells(busyFacts());
    const n = (c: string) => cellNumber(cells, `t4.${group}.${c}`);
    expect(n('total')).toBe(n('upheld') + n('corrected') + n('other') + n('pending'));
  });
});
