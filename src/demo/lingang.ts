/**
 * The demo agency: 威海临港经济技术开发区管理委员会, whose 2021 annual report is the seed
 * (test/fixtures/lingang-2021-annual-report.txt). This generator writes its 2020 and 2021 records as
 * import lines; the report computed from them reproduces every number of the seed.
 */

export const DEMO_AGENCY_CODE = 'lingang';

/** Seeded PRNG (mulberry32), so every load writes the same records. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th of `count` days spread evenly over a year. */
export function spreadDate(year: number, index: number, count: number): string {
  const days = year % 4 === 0 ? 366 : 365;
  const day = Math.floor((index * days) / Math.max(count, 1));
  return new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
}

/** The date `days` days before an ISO date. */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** What the demo agency published in a year: rows per channel and the flagged website rows. */
export interface DemoYearPlan {
  year: number;
  channels: Record<string, number>;
  meetings: number;
  policyDocuments: number;
  onlineInterviews: number;
}

/** 2021 from the seed; 2020 such that the seed's year-over-year changes hold (+45.1%, +200%, +167%). */
export const DEMO_PLANS: DemoYearPlan[] = [
  {
    year: 2020,
    channels: { website: 3000, wechat: 2300, weibo: 928, douyin: 100 },
    meetings: 24,
    policyDocuments: 6,
    onlineInterviews: 3,
  },
  {
    year: 2021,
    channels: { website: 4325, wechat: 3330, weibo: 1352, douyin: 175 },
    meetings: 30,
    policyDocuments: 18,
    onlineInterviews: 8,
  },
];

const TOPICS = [
  '优化营商环境',
  '安全生产检查',
  '环境保护督查',
  '就业创业补贴',
  '城乡低保资金发放',
  '重点项目建设',
  '财政预算执行',
  '招商引资',
  '疫情防控',
  '乡村振兴',
  '社会保障',
  '教育惠民',
  '医疗保障',
  '公共资源交易',
];

type Line = Record<string, unknown>;

const AGENCY: Line = {
  type: 'agency',
  code: DEMO_AGENCY_CODE,
  name: '威海临港经济技术开发区管理委员会',
  short_name: '临港区',
  kind: 'development_zone',
  address: '威海临港经济技术开发区江苏东路',
  postcode: '264211',
  phone: '0631-5587393',
  website: 'http://www.wip.gov.cn',
  website_name: '威海临港经济技术开发区管委会网站',
  office: '党政办公室',
  // a 开发区 is not bound by 条例 第四十九条: it sets its own deadline (here the departments' 31 January)
  report_deadline: '01-31',
  // 复议法 第二十四条第一款第（三）项: the 本级人民政府 that set the 派出机关 up
  review_body: '威海市人民政府',
  court: '威海市环翠区人民法院',
};

const NORMATIVE: Array<[string, string | null]> = [
  ['2017-03-15', null],
  ['2018-06-20', null],
  ['2019-01-10', '2020-06-30'],
  ['2019-05-08', null],
  ['2019-11-21', null],
  ['2020-04-02', null],
  ['2020-09-17', null],
  ['2021-02-26', null],
  ['2021-04-19', null],
  ['2021-06-30', null],
  ['2021-09-08', null],
  ['2021-11-25', null],
];

const ADMIN: Line[] = [
  { year: 2020, license: 4980, penalty: 240, enforcement: 18, fees_wan: '652.3' },
  { year: 2021, license: 5416, penalty: 271, enforcement: 21, fees_wan: '706' },
].map((a) => ({ type: 'admin_figures', agency: DEMO_AGENCY_CODE, ...a }));

/**
 * Every record of the demo agency but its requests (lingang-cases.ts runs those through the
 * workflow) and its published items (lingang-items.ts, through the items import), as import lines.
 */
export function* demoLines(): Generator<Line> {
  yield AGENCY;
  for (const [i, [issued, repealed]] of NORMATIVE.entries()) {
    const year = issued.slice(0, 4);
    yield {
      type: 'normative_document',
      agency: DEMO_AGENCY_CODE,
      kind: 'normative',
      number: `威临管发〔${year}〕${i + 1}号`,
      title: `威海临港经济技术开发区管理委员会关于${TOPICS[i % TOPICS.length]}的规定`,
      issued,
      repealed,
    };
  }
  yield* ADMIN;
}
