/**
 * A synthetic agency-year for the report benchmark, as `gongkai import` lines (JSON Lines, the
 * format of src/commands/import/line-schemas.ts). Records fall in the year (80%) and the year
 * before (20%), so year-over-year changes, carry-over (R7) and the normative continuity (R8) are
 * all exercised. Deterministic for a seed.
 */

import { prng } from '../src/demo/lingang.ts';
import {
  APPLICANT_TYPES,
  OUTCOMES,
  type Outcome,
  REQUEST_CHANNELS,
} from '../src/domain/report/vocabulary.ts';

export interface SyntheticOptions {
  agency: string;
  year: number;
  publications: number;
  requests: number;
  seed: number;
}

/** Share of the records that fall in the year before. */
const PREVIOUS_YEAR_SHARE = 0.2;

const CHANNELS: ReadonlyArray<{ code: string; name: string; weight: number }> = [
  { code: 'website', name: '网站', weight: 46 },
  { code: 'wechat', name: '微信', weight: 28 },
  { code: 'weibo', name: '微博', weight: 13 },
  { code: 'douyin', name: '抖音', weight: 7 },
  { code: 'gazette', name: '政府公报', weight: 4 },
  { code: 'other', name: '其他', weight: 2 },
];

const APPLICANT_WEIGHTS: Record<(typeof APPLICANT_TYPES)[number], number> = {
  natural_person: 72,
  business: 13,
  research: 2,
  social_welfare: 2,
  legal_service: 7,
  other_org: 4,
};

const REQUEST_CHANNEL_WEIGHTS: Record<(typeof REQUEST_CHANNELS)[number], number> = {
  online: 74,
  letter: 16,
  in_person: 7,
  fax: 1,
  other: 2,
  // 条例 第二十九条第一款's oral applications are rare; none here keeps the generated data as it was
  oral: 0,
};

/** Skewed over all 21 outcomes, roughly as published reports show them. */
const OUTCOME_WEIGHTS: Record<Outcome, number> = {
  granted: 40,
  partial: 11,
  'denied.state_secret': 0.4,
  'denied.law_prohibited': 0.6,
  'denied.security_stability': 0.5,
  'denied.third_party': 2,
  'denied.internal_affairs': 2,
  'denied.process_info': 3,
  'denied.enforcement_file': 1,
  'denied.query_matter': 1.5,
  'unable.not_held': 17,
  'unable.needs_creation': 3,
  'unable.unclear': 2,
  'not_processed.petition': 3.5,
  'not_processed.duplicate': 2.5,
  'not_processed.publication': 0.5,
  'not_processed.excessive': 1,
  'not_processed.confirm_info': 1,
  'other.no_correction': 3,
  'other.no_fee': 0.5,
  'other.other': 3,
};

const TOPICS = [
  '优化营商环境',
  '安全生产检查',
  '生态环境保护',
  '就业创业补贴',
  '城乡低保资金发放',
  '重点项目建设',
  '财政预算执行',
  '招商引资',
  '公共卫生',
  '乡村振兴',
  '社会保障',
  '教育惠民',
  '医疗保障',
  '公共资源交易',
  '住房保障',
  '交通运输',
];
const KINDS = ['工作动态', '通知', '公告', '公示', '工作简报', '情况通报', '信息'];

type Line = Record<string, unknown>;

/** Picks by weight: returns a function of a uniform [0, 1) number. */
function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (u: number) => T {
  const total = entries.reduce((acc, [, w]) => acc + w, 0);
  let acc = 0;
  const cumulative = entries.map(([value, w]) => {
    acc += w / total;
    return [value, acc] as const;
  });
  return (u) => {
    for (const [value, bound] of cumulative) if (u < bound) return value;
    return cumulative[cumulative.length - 1][0];
  };
}

/** ISO dates by day index from 1 January of year − 6 to 1 January of year + 2 (no Date per line). */
class Calendar {
  readonly days: string[] = [];
  /** index of 1 January of a year */
  private firstOf = new Map<number, number>();
  constructor(year: number) {
    const start = Date.UTC(year - 6, 0, 1);
    const end = Date.UTC(year + 2, 0, 1);
    for (let t = start; t <= end; t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (iso.endsWith('-01-01')) this.firstOf.set(Number(iso.slice(0, 4)), this.days.length);
      this.days.push(iso);
    }
  }
  /** day index of 1 January of `year` */
  start(year: number): number {
    const index = this.firstOf.get(year);
    if (index === undefined) throw new RangeError(`year ${year} outside the calendar`);
    return index;
  }
  /** number of days of `year` */
  length(year: number): number {
    return this.start(year + 1) - this.start(year);
  }
  date(index: number): string {
    return this.days[Math.max(0, Math.min(index, this.days.length - 1))];
  }
}

/** Splits `count` records over the two years: how many fall in the year before. */
function previousShare(count: number): number {
  return Math.round(count * PREVIOUS_YEAR_SHARE);
}

/** The day index of the i-th of `count` records spread evenly over the two years (chronological). */
function dayOf(calendar: Calendar, year: number, i: number, count: number): number {
  const before = previousShare(count);
  if (i < before)
    return calendar.start(year - 1) + Math.floor((i * calendar.length(year - 1)) / Math.max(before, 1));
  const inYear = count - before;
  return calendar.start(year) + Math.floor(((i - before) * calendar.length(year)) / Math.max(inYear, 1));
}

function agencyLine(code: string): Line {
  return {
    type: 'agency',
    code,
    name: '基准测试市人民政府办公室',
    short_name: '基准市政府办',
    kind: 'department',
    address: '基准测试市人民路1号',
    postcode: '100000',
    phone: '010-12345678',
    website: 'http://www.bench.gov.cn',
    website_name: '基准测试市人民政府门户网站',
    office: '政务公开办公室',
    channels: CHANNELS.map(({ code: c, name }) => ({ code: c, name })),
  };
}

function* normativeLines(
  agency: string,
  year: number,
  calendar: Calendar,
  random: () => number,
): Generator<Line> {
  // ~6 a year over six years; some repealed later (never before issue), in the year or the year before.
  let n = 0;
  for (let y = year - 5; y <= year; y++) {
    const count = 4 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) {
      n++;
      const issuedIndex = calendar.start(y) + Math.floor(random() * calendar.length(y));
      const issued = calendar.date(issuedIndex);
      let repealed: string | null = null;
      if (random() < 0.15) {
        const from = Math.max(issuedIndex + 1, calendar.start(year - 1));
        const to = calendar.start(year + 1) - 1;
        if (from <= to) repealed = calendar.date(from + Math.floor(random() * (to - from + 1)));
      }
      yield {
        type: 'normative_document',
        agency,
        kind: random() < 0.2 ? 'regulation' : 'normative',
        number: `基政办发〔${y}〕${n}号`,
        title: `基准测试市人民政府办公室关于${TOPICS[n % TOPICS.length]}的规定`,
        issued,
        repealed,
      };
    }
  }
}

function* adminLines(agency: string, year: number, random: () => number): Generator<Line> {
  for (const y of [year - 1, year]) {
    const fen = Math.floor(random() * 10_000_000_000); // up to 10,000 万元, six decimals as real reports print
    yield {
      type: 'admin_figures',
      agency,
      year: y,
      license: 3000 + Math.floor(random() * 3000),
      penalty: 150 + Math.floor(random() * 200),
      enforcement: 10 + Math.floor(random() * 30),
      fees_wan: `${Math.floor(fen / 1_000_000)}.${String(fen % 1_000_000).padStart(6, '0')}`,
    };
  }
}

function* publicationLines(
  options: SyntheticOptions,
  calendar: Calendar,
  random: () => number,
): Generator<Line> {
  const { agency, year, publications: count } = options;
  const channel = weighted(CHANNELS.map((c) => [c.code, c.weight] as const));
  let policies = 0;
  for (let i = 0; i < count; i++) {
    const day = dayOf(calendar, year, i, count);
    const published = calendar.date(day);
    const formed = calendar.date(day - Math.floor(random() * 10));
    const topic = TOPICS[Math.floor(random() * TOPICS.length)];
    const seq = String(i + 1).padStart(7, '0');
    const line: Line = {
      type: 'publication',
      agency,
      title: `基准市${topic}${KINDS[i % KINDS.length]}（${published.slice(0, 4)}-${seq}）`,
      category: `a20.${1 + Math.floor(random() * 15)}`,
      channel: channel(random()),
      formed,
      published,
    };
    const u = random();
    if (u < 0.005 && i + 1 < count) {
      // A policy document and its interpretation, published the same day or a few days later.
      policies++;
      const ref = `policy-${policies}`;
      const title = `关于${topic}的实施意见（基政发〔${published.slice(0, 4)}〕${policies}号）`;
      yield {
        ...line,
        ref,
        title,
        category: 'a20.1',
        channel: random() < 0.8 ? 'website' : 'gazette',
        policy_document: true,
      };
      const interpreted = calendar.date(
        Math.min(day + Math.floor(random() * 4), calendar.start(year + 1) - 1),
      );
      yield {
        ...line,
        ref: `interp-${policies}`,
        title: `《${title}》政策解读`,
        category: 'a20.1',
        channel: 'website',
        formed: published,
        published: interpreted,
        interpretation: true,
        interprets: ref,
      };
      i++;
      continue;
    }
    if (u < 0.008) {
      Object.assign(line, {
        title: `基准市${topic}专题会议召开（${seq}）`,
        category: 'a20.2',
        channel: 'website',
        meeting: true,
      });
    } else if (u < 0.009) {
      Object.assign(line, {
        title: `在线访谈：${topic}`,
        category: 'a20.15',
        channel: 'website',
        online_interview: true,
      });
    }
    yield line;
  }
}

interface ReviewTarget {
  ref: string;
  decidedIndex: number;
}

function* requestLines(
  options: SyntheticOptions,
  calendar: Calendar,
  random: () => number,
  targets: ReviewTarget[],
): Generator<Line> {
  const { agency, year, requests: count } = options;
  const applicant = weighted(APPLICANT_TYPES.map((t) => [t, APPLICANT_WEIGHTS[t]] as const));
  const channel = weighted(REQUEST_CHANNELS.map((c) => [c, REQUEST_CHANNEL_WEIGHTS[c]] as const));
  const outcomeOf = weighted(OUTCOMES.map((o) => [o, OUTCOME_WEIGHTS[o]] as const));
  const lastDay = calendar.start(year + 2) - 1;
  for (let i = 0; i < count; i++) {
    const receivedIndex = dayOf(calendar, year, i, count);
    const ref = `req-${i + 1}`;
    let decided: string | null = null;
    let outcome: Outcome | null = null;
    let items: Outcome[] = [];
    let fee = 0;
    if (random() >= 0.03) {
      // 20 working days, extended up to 40: those received in late December are decided in January.
      const u = random();
      const delay = u < 0.85 ? 1 + Math.floor(random() * 28) : 29 + Math.floor(random() * 27);
      const decidedIndex = Math.min(receivedIndex + delay, lastDay);
      decided = calendar.date(decidedIndex);
      outcome = outcomeOf(random());
      if (random() < 0.005) {
        items =
          outcome === 'partial'
            ? ['granted', random() < 0.5 ? 'denied.third_party' : 'unable.not_held']
            : [outcome, outcome];
      }
      if (outcome === 'granted' && random() < 0.003) fee = 50 * (1 + Math.floor(random() * 40));
      if (outcome !== 'granted' && outcome !== 'partial' && random() < 0.002)
        targets.push({ ref, decidedIndex });
    }
    yield {
      type: 'request',
      agency,
      ref,
      applicant_type: applicant(random()),
      channel: channel(random()),
      received: calendar.date(receivedIndex),
      decided,
      outcome,
      fee_yuan: fee,
      items,
    };
  }
}

function* reviewLines(
  agency: string,
  year: number,
  calendar: Calendar,
  random: () => number,
  targets: ReviewTarget[],
): Generator<Line> {
  const group = weighted([
    ['review', 60],
    ['suit_direct', 25],
    ['suit_after_review', 15],
  ] as const);
  const result = weighted([
    ['upheld', 70],
    ['corrected', 18],
    ['other', 12],
  ] as const);
  const yearEnd = calendar.start(year + 1) - 1;
  // Requests decided early enough to be reviewed within the year.
  const eligible = targets.filter((t) => t.decidedIndex < yearEnd - 60);
  for (let i = 0; i < 50; i++) {
    // Half name a request (filed within 60 days of its decision), half only a date (20% the year before).
    const target =
      i % 2 === 0 && eligible.length > 0 ? eligible[Math.floor(random() * eligible.length)] : null;
    const filedIndex = target
      ? target.decidedIndex + 1 + Math.floor(random() * 60)
      : random() < PREVIOUS_YEAR_SHARE
        ? calendar.start(year - 1) + Math.floor(random() * calendar.length(year - 1))
        : calendar.start(year) + Math.floor(random() * calendar.length(year));
    const u = random();
    // ~15% still pending; some decided only after the year ends (pending in the report).
    const decidedIndex = u < 0.15 ? null : filedIndex + 20 + Math.floor(random() * 90);
    yield {
      type: 'review_case',
      agency,
      group: group(random()),
      ...(target ? { request: target.ref } : {}),
      filed: calendar.date(filedIndex),
      decided: decidedIndex === null ? null : calendar.date(decidedIndex),
      result: decidedIndex === null ? null : result(random()),
    };
  }
}

/**
 * The import lines of one synthetic agency: its `agency` line, normative documents, admin figures
 * of both years, then publications and requests in date order, then ~50 review cases.
 */
export function* syntheticLines(options: SyntheticOptions): Generator<string> {
  const random = prng(options.seed);
  const calendar = new Calendar(options.year);
  const targets: ReviewTarget[] = [];
  const records: Iterable<Line>[] = [
    [agencyLine(options.agency)],
    normativeLines(options.agency, options.year, calendar, random),
    adminLines(options.agency, options.year, random),
    publicationLines(options, calendar, random),
    requestLines(options, calendar, random, targets),
    reviewLines(options.agency, options.year, calendar, random, targets),
  ];
  for (const group of records) for (const record of group) yield JSON.stringify(record);
}
