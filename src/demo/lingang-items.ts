/**
 * The demo agency's published items of 2020 and 2021, as rows of the items import
 * (docs/items-import.md). Their website rows and postings on 微信 / 微博 / 抖音 are the
 * publication records the annual report counts, so the seed's table 二 and 一、总体情况 come from
 * items a reader can browse and search. Meetings, policy documents (each with its 解读) and online
 * interviews are website-only, as the report counts them once.
 */
import { DEMO_AGENCY_CODE, type DemoYearPlan, daysBefore, prng, spreadDate } from './lingang.ts';
import { DEMO_POLICY_TITLES, DEMO_TOPICS, type DemoTopic } from './lingang-topics.ts';

export type DemoItemRow = Record<string, unknown>;

const ISSUER = '威海临港经济技术开发区管理委员会';
const TOWNS = ['临港区', '临港区', '临港区', '草庙子镇', '汪疃镇', '苘山镇', '蔄山镇'];
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

function fill(template: string, year: number, random: () => number): string {
  const int = (min: number, max: number) => String(min + Math.floor(random() * (max - min + 1)));
  return template
    .replaceAll('{y}', String(year))
    .replaceAll('{m}', int(1, 12))
    .replaceAll('{q}', int(1, 4))
    .replaceAll('{n2}', int(200, 900))
    .replaceAll('{n}', int(12, 180))
    .replaceAll('{p2}', int(3, 15))
    .replaceAll('{p}', int(2, 12));
}

const pick = <T>(list: readonly T[], random: () => number): T =>
  list[Math.floor(random() * list.length)] as T;

function newsTitle(topic: DemoTopic, year: number, random: () => number): string {
  const title = fill(pick(topic.titles, random), year, random);
  const town = pick(TOWNS, random);
  return town !== '临港区' && title.startsWith('临港区') ? town + title.slice(3) : title;
}

function body(topic: DemoTopic, lead: string, year: number, random: () => number): string {
  const first = pick(topic.sentences, random);
  const second = pick(topic.sentences, random);
  const sentences = [lead, fill(first, year, random)];
  if (second !== first) sentences.push(fill(second, year, random));
  sentences.push(`联系单位：临港区${topic.department}。`);
  return sentences.map((s) => `<p>${s}</p>`).join('');
}

/** The opening sentence a news item of this kind would have. */
function leadOf(title: string, topic: DemoTopic): string {
  if (title.endsWith('通知')) return `各镇（街道）、区直各部门：现就${topic.name}有关事项通知如下。`;
  if (title.includes('公示')) return `根据有关规定，现将${topic.name}有关情况予以公示，公示期为5个工作日。`;
  if (title.includes('公告')) return `现将${topic.name}有关事项公告如下。`;
  if (title.includes('指南') || title.includes('问答'))
    return `为方便群众办事，现将${topic.name}办理事项说明如下。`;
  return `近日，临港区${topic.department}扎实推进${topic.name}工作，取得阶段性成效。`;
}

/** The item rows of one year, in publication order; postings spread evenly over the news items. */
function* yearItems(plan: DemoYearPlan, random: () => number): Generator<DemoItemRow> {
  const slots = slotsOf(plan);
  const website = slots.length;
  const newsCount = slots.filter((s, i) => s === 'news' && slots[i - 1] !== 'policy').length;
  const others = Object.entries(plan.channels).filter(([code]) => code !== 'website');
  let meeting = 0;
  let policy = 0;
  let news = 0;
  for (const [i, slot] of slots.entries()) {
    const publishedOn = spreadDate(plan.year, i, website);
    const formedOn = daysBefore(publishedOn, Math.floor(random() * 10));
    const topic = pick(DEMO_TOPICS, random);
    const row: DemoItemRow = { agency: DEMO_AGENCY_CODE, formedOn, publishedOn, subject: topic.name };
    if (slot === 'meeting') {
      meeting++;
      yield {
        ...row,
        title: `临港区管委会${plan.year}年第${meeting}次主任办公会议召开`,
        category: 'a20.2',
        isMeeting: true,
        body: `<p>会议研究了${topic.name}等工作，部署下一阶段重点任务。</p>`,
      };
    } else if (slot === 'policy') {
      policy++;
      const title = DEMO_POLICY_TITLES[plan.year]?.[policy - 1] ?? `关于${topic.name}的实施意见`;
      const ref = `policy-${plan.year}-${policy}`;
      yield {
        ...row,
        ref,
        title,
        category: 'a20.1',
        issuer: ISSUER,
        docNumber: `威临管字〔${plan.year}〕${policy}号`,
        isPolicyDocument: true,
        body: body(topic, `为做好${topic.name}工作，结合我区实际，制定本文件。`, plan.year, random),
      };
      const next = spreadDate(plan.year, i + 1, website);
      yield {
        ...row,
        publishedOn: next,
        ref: `interp-${plan.year}-${policy}`,
        title: `《${title}》政策解读`,
        category: 'a20.1',
        isInterpretation: true,
        interprets: ref,
        body: body(topic, `一、制定背景：为贯彻落实上级关于${topic.name}的部署要求。`, plan.year, random),
      };
    } else if (slot === 'interview') {
      yield {
        ...row,
        title: `在线访谈：${topic.department}负责人谈${topic.name}`,
        category: 'a20.15',
        isOnlineInterview: true,
        body: body(
          topic,
          `临港区${topic.department}负责人做客在线访谈，解读${topic.name}政策。`,
          plan.year,
          random,
        ),
      };
    } else if (slots[i - 1] !== 'policy') {
      const postings = others
        .filter(
          ([, count]) =>
            Math.floor(((news + 1) * count) / newsCount) > Math.floor((news * count) / newsCount),
        )
        .map(([channel]) => ({
          channel,
          link: `${CHANNEL_HOSTS[channel] ?? 'https://'}${plan.year}-${i + 1}`,
        }));
      news++;
      const title = newsTitle(topic, plan.year, random);
      yield {
        ...row,
        title,
        category: topic.category,
        body: body(topic, leadOf(title, topic), plan.year, random),
        postings,
      };
    }
  }
}

/** Every demo item row, 2020 then 2021; the same rows on every load. */
export function* demoItemRows(plans: readonly DemoYearPlan[]): Generator<DemoItemRow> {
  const random = prng(20220128);
  for (const plan of plans) yield* yearItems(plan, random);
}
