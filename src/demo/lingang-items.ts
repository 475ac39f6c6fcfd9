/**
 * The demo agency's published items of 2020 and 2021, as rows of the items import
 * (docs/items-import.md). Their website rows and postings on 微信 / 微博 / 抖音 are the
 * publication records the annual report counts, so the seed's table 二 and 一、总体情况 come from
 * items a reader can browse and search. Meetings, policy documents (each with its 解读) and online
 * interviews are website-only, as the report counts them once.
 */
import { DEMO_AGENCY_CODE, type DemoYearPlan, daysBefore, prng, spreadDate } from './lingang.ts';
import {
  DEMO_COMPANY_NAMES,
  DEMO_ROADS,
  DEMO_SCHOOLS,
  DEMO_TOWNS,
  DEMO_VILLAGE_NAMES,
} from './lingang-places.ts';
import { DEMO_POLICY_TITLES, DEMO_TOPICS } from './lingang-topics.ts';

export type DemoItemRow = Record<string, unknown>;

const ISSUER = '威海临港经济技术开发区管理委员会';
const CHANNEL_HOSTS: Record<string, string> = {
  wechat: 'https://mp.weixin.qq.com/s/lingang-',
  weibo: 'https://weibo.com/lingang/',
  douyin: 'https://www.douyin.com/video/lingang-',
};

/** What a website row of the year is: a meeting, a policy (with its 解读 next), an interview, or news. */
type Slot = 'meeting' | 'policy' | 'interview' | 'news';

function slotsOf(plan: DemoYearPlan): Slot[] {
  const website = plan.channels.website ?? 0;
  const slots: Slot[] = [];
  let meetings = plan.meetings;
  let policies = plan.policyDocuments;
  let interviews = plan.onlineInterviews;
  for (let i = 0; slots.length < website; i++) {
    if (i % 97 === 5 && meetings-- > 0) slots.push('meeting');
    else if (i % 97 === 40 && policies-- > 0 && slots.length + 2 <= website) slots.push('policy', 'news');
    else if (i % 97 === 70 && interviews-- > 0) slots.push('interview');
    else slots.push('news');
  }
  return slots;
}

const pick = <T>(list: readonly T[], random: () => number): T =>
  list[Math.floor(random() * list.length)] as T;

/**
 * The values of an item's placeholders (lingang-topics.ts): its dates from the publication date,
 * so a title names the month or quarter just past (or the current one), never a later one.
 */
function placeholders(publishedOn: string, k: number, random: () => number): Record<string, string> {
  const year = Number(publishedOn.slice(0, 4));
  const month = Number(publishedOn.slice(5, 7));
  const int = (min: number, max: number) => String(min + Math.floor(random() * (max - min + 1)));
  const quarter = Math.ceil(month / 3) - 1;
  const town = pick(DEMO_TOWNS, random);
  const [name, trade] = [pick(DEMO_COMPANY_NAMES.names, random), pick(DEMO_COMPANY_NAMES.trades, random)];
  const family = pick(DEMO_VILLAGE_NAMES.families, random);
  return {
    y: String(year),
    ly: String(year - 1),
    ym: month === 1 ? `${year - 1}年12月` : `${year}年${month - 1}月`,
    cym: `${year}年${month}月`,
    yq: quarter === 0 ? `${year - 1}年第4季度` : `${year}年第${quarter}季度`,
    town,
    village: `${town}${family}${pick(DEMO_VILLAGE_NAMES.endings, random)}村`,
    company: `威海${name}${trade[0]}有限公司`,
    product: trade[1],
    road: pick(DEMO_ROADS, random),
    school: pick(DEMO_SCHOOLS, random),
    k: String(k),
    n: int(12, 180),
    n2: int(200, 900),
    p: int(2, 12),
    p2: int(3, 15),
    pc: int(40, 95),
  };
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

const paragraphs = (lines: string[]): string => lines.map((s) => `<p>${s}</p>`).join('');

/**
 * Titles given so far, and the running number of each kind of item per year. A news item takes a
 * title not used yet, or after many tries one used once: no title appears more than twice.
 */
class TitleBook {
  private readonly used = new Map<string, number>();
  private readonly numbers = new Map<string, number>();

  nextNumber(kind: string, year: number): number {
    return (this.numbers.get(`${year}|${kind}`) ?? 0) + 1;
  }

  /**
   * Draws until `make` gives a title that is free (null: that draw does not fit the date); records
   * it (and the kind's number) and returns it.
   */
  take<T extends { title: string; kind: string; year: number }>(make: () => T | null): T {
    for (let attempt = 0; attempt < 500; attempt++) {
      const made = make();
      if (made === null) continue;
      const times = this.used.get(made.title) ?? 0;
      if (times === 0 || (attempt >= 40 && times < 2)) {
        this.used.set(made.title, times + 1);
        this.numbers.set(`${made.year}|${made.kind}`, this.nextNumber(made.kind, made.year));
        return made;
      }
    }
    throw new Error('demo items: no free title left');
  }
}

/** The kind of a policy document, from the end of its title (longest first). */
const POLICY_KINDS = [
  '三年行动方案',
  '若干措施',
  '若干政策',
  '实施意见',
  '实施方案',
  '工作方案',
  '工作机制',
  '管理办法',
  '实施办法',
  '实施细则',
  '通知',
];

/** What a policy document is for, from its title: “为……，制定本实施意见”. */
function policyPurpose(title: string): { purpose: string; kind: string } {
  const kind = POLICY_KINDS.find((k) => title.endsWith(k)) ?? '文件';
  const subject = title
    .replace(/^关于/, '')
    .replace(/^临港区/, '')
    .slice(0, title.endsWith(kind) ? -kind.length : undefined)
    .replace(/的$/, '');
  const purpose = /^(进一步|加强|促进|支持|推进|做好|应对|开展|优化)/.test(subject)
    ? subject
    : kind === '管理办法'
      ? `规范${subject}管理`
      : `做好${subject}工作`;
  return { purpose, kind };
}

function policyBody(title: string): string {
  const { purpose, kind } = policyPurpose(title);
  return paragraphs([
    `为${purpose}，根据有关法律法规和上级政策规定，结合临港区实际，制定本${kind}。`,
    `本${kind}自印发之日起施行，由威海临港经济技术开发区管理委员会负责解释。`,
  ]);
}

function interpretationBody(title: string): string {
  const { purpose } = policyPurpose(title);
  return paragraphs([
    `一、制定背景：为${purpose}，贯彻落实上级有关部署要求，临港区管委会制定了《${title}》。`,
    `二、主要内容：《${title}》明确了工作目标、主要任务、责任分工和保障措施。`,
    '三、解读单位：临港区管委会党政办公室。',
  ]);
}

/** The item rows of one year, in publication order; postings spread evenly over the news items. */
function* yearItems(plan: DemoYearPlan, random: () => number, book: TitleBook): Generator<DemoItemRow> {
  const slots = slotsOf(plan);
  const website = slots.length;
  const newsCount = slots.filter((s, i) => s === 'news' && slots[i - 1] !== 'policy').length;
  const others = Object.entries(plan.channels).filter(([code]) => code !== 'website');
  const year = plan.year;
  let meeting = 0;
  let policy = 0;
  let news = 0;
  for (const [i, slot] of slots.entries()) {
    const publishedOn = spreadDate(year, i, website);
    const formedOn = daysBefore(publishedOn, Math.floor(random() * 10));
    const topic = pick(DEMO_TOPICS, random);
    const row: DemoItemRow = { agency: DEMO_AGENCY_CODE, formedOn, publishedOn, subject: topic.name };
    if (slot === 'meeting') {
      meeting++;
      yield {
        ...row,
        title: `临港区管委会${year}年第${meeting}次主任办公会议召开`,
        category: 'a20.2',
        isMeeting: true,
        body: paragraphs([
          `${publishedOn.slice(5, 7).replace(/^0/, '')}月，临港区管委会召开${year}年第${meeting}次主任办公会议。`,
          `会议听取了区${topic.department}关于${topic.name}工作的汇报，研究部署下一阶段重点任务。`,
        ]),
      };
    } else if (slot === 'policy') {
      policy++;
      const title = DEMO_POLICY_TITLES[year]?.[policy - 1] ?? `关于做好${topic.name}工作的实施意见`;
      const ref = `policy-${year}-${policy}`;
      const subject = DEMO_TOPICS.find((t) => title.includes(t.name))?.name ?? '综合政务';
      yield {
        ...row,
        subject,
        ref,
        title,
        category: 'a20.1',
        issuer: ISSUER,
        docNumber: `威临管字〔${year}〕${policy}号`,
        isPolicyDocument: true,
        body: policyBody(title),
      };
      yield {
        ...row,
        subject,
        publishedOn: spreadDate(year, i + 1, website),
        ref: `interp-${year}-${policy}`,
        title: `《${title}》政策解读`,
        category: 'a20.1',
        isInterpretation: true,
        interprets: ref,
        body: interpretationBody(title),
      };
    } else if (slot === 'interview') {
      const { interviewed, title } = book.take(() => {
        const interviewed = pick(DEMO_TOPICS, random);
        const title = `在线访谈：区${interviewed.department}负责人谈${year}年${interviewed.name}工作`;
        return { interviewed, title, kind: 'interview', year };
      });
      yield {
        ...row,
        subject: interviewed.name,
        title,
        category: 'a20.15',
        isOnlineInterview: true,
        body: paragraphs([
          `临港区${interviewed.department}负责人做客在线访谈，介绍${year}年${interviewed.name}工作的进展和下一步打算。`,
          '访谈中，负责人回答了网友关心的问题。',
        ]),
      };
    } else if (slots[i - 1] !== 'policy') {
      const postings = others
        .filter(
          ([, count]) =>
            Math.floor(((news + 1) * count) / newsCount) > Math.floor((news * count) / newsCount),
        )
        .map(([channel]) => ({
          channel,
          link: `${CHANNEL_HOSTS[channel] ?? 'https://'}${year}-${i + 1}`,
        }));
      news++;
      const item = book.take(() => {
        const about = pick(DEMO_TOPICS, random);
        const kind = pick(about.kinds, random);
        const k = book.nextNumber(kind.title, year);
        const [from, to] = kind.months ?? [1, 12];
        const month = Number(publishedOn.slice(5, 7));
        if (month < from || month > to || (kind.title.includes('{k}') && k > (kind.most ?? 24))) return null;
        const values = placeholders(publishedOn, k, random);
        return {
          about,
          kind: kind.title,
          year,
          title: fill(kind.title, values),
          body: kind.body.map((b) => fill(b, values)),
        };
      });
      yield {
        ...row,
        subject: item.about.name,
        title: item.title,
        category: item.about.category,
        body: paragraphs([...item.body, `联系单位：临港区${item.about.department}。`]),
        postings,
      };
    }
  }
}

/** Every demo item row, 2020 then 2021; the same rows on every load. */
export function* demoItemRows(plans: readonly DemoYearPlan[]): Generator<DemoItemRow> {
  const random = prng(20220128);
  const book = new TitleBook();
  for (const plan of plans) yield* yearItems(plan, random, book);
}
