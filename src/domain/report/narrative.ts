import { fenToYuan } from '../money.ts';
import { CORRECTION_OUTCOME_LABELS, CORRECTION_OUTCOMES } from '../requests/record-correction.ts';
import { cellNumber } from './cells.ts';
import type { ReportFormat } from './format.ts';
import type { Cells, Narrative, Paragraph, Segment, YearFacts } from './types.ts';
import { REQUEST_CHANNEL_LABELS, REQUEST_CHANNELS } from './vocabulary.ts';

/**
 * A year-over-year change as the reports phrase it: “较上年度增加45.1%”, “较上年度减少20%”,
 * “与上年度持平”. Changes of 100% or more are whole percents (8 vs 3 → 167%), smaller ones keep
 * one decimal (9182 vs 6328 → 45.1%). Empty when there is nothing to compare with.
 */
export function yearOverYear(current: number, previous: number | null | undefined): string {
  if (previous === null || previous === undefined || previous <= 0) return '';
  if (current === previous) return '与上年度持平';
  const diff = Math.abs(current - previous);
  const verb = current > previous ? '增加' : '减少';
  if (diff >= previous) return `较上年度${verb}${Math.round((diff * 100) / previous)}%`;
  const tenths = Math.round((diff * 1000) / previous);
  if (tenths === 0) return '与上年度基本持平';
  const text = tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
  return `较上年度${verb}${text}%`;
}

function withChange(current: number, previous: number | undefined): string {
  const change = yearOverYear(current, previous);
  return change ? `（${change}）` : '';
}

function proactiveText(facts: YearFacts, previous: YearFacts | null): string {
  const p = facts.publications;
  if (p.total === 0) return '本年度未通过门户网站和政务新媒体公开信息。';
  const change = yearOverYear(p.total, previous?.publications.total);
  const channels = p.byChannel
    .filter((c) => c.count > 0)
    .map((c) => `${c.name}信息${c.count}条`)
    .join('、');
  const detail = [change, channels ? `含${channels}` : ''].filter(Boolean).join('，');
  const parts = [`通过门户网站以及政务新媒体公开信息${p.total}条${detail ? `（${detail}）` : ''}`];
  if (p.meetings > 0) parts.push(`其中公开会议${p.meetings}次`);
  if (p.policyDocuments + p.interpretations > 0) {
    const prev = previous
      ? previous.publications.policyDocuments + previous.publications.interpretations
      : undefined;
    parts.push(
      `发布政策文件${p.policyDocuments}件，发布解读材料${p.interpretations}件` +
        withChange(p.policyDocuments + p.interpretations, prev),
    );
  }
  let text = `${parts.join('，')}`;
  if (p.onlineInterviews > 0) {
    text += `；开展在线访谈${p.onlineInterviews}次${withChange(p.onlineInterviews, previous?.publications.onlineInterviews)}`;
  }
  return `${text}。`;
}

function requestSummaryText(cells: Cells, facts: YearFacts, previous: YearFacts | null): string {
  const received = cellNumber(cells, 't3.new.total');
  const prevReceived = previous
    ? Object.values(previous.requests.received).reduce((a, b) => a + b, 0)
    : undefined;
  let text = `本年新收政府信息公开申请${received}件${withChange(received, prevReceived)}`;
  const carriedIn = cellNumber(cells, 't3.carried_in.total');
  if (carriedIn > 0) text += `，上年结转${carriedIn}件`;
  text += `，依法依规处理${cellNumber(cells, 't3.total.total')}件`;
  const carriedOut = cellNumber(cells, 't3.carried_out.total');
  if (carriedOut > 0) text += `，结转下年度继续办理${carriedOut}件`;
  text += '。';
  const channels = REQUEST_CHANNELS.filter((c) => facts.requests.byChannel[c] > 0).map(
    // an oral application is 提出, not 提交 (条例 第二十九条第一款 “申请人可以口头提出”)
    (c) =>
      `${REQUEST_CHANNEL_LABELS[c]}${c === 'oral' ? '提出' : '提交'}申请${facts.requests.byChannel[c]}件`,
  );
  if (channels.length > 0) text += `其中，${channels.join('，')}。`;
  return text;
}

function outcomesText(cells: Cells, format: ReportFormat): string {
  const parts = format.outcomeRows
    .filter((row) => cellNumber(cells, `t3.${row.code}.total`) > 0)
    .map((row) => `${row.phrase}${cellNumber(cells, `t3.${row.code}.total`)}件`);
  if (parts.length === 0) return '';
  return `从办理结果情况看，${parts.join('，')}。`;
}

function feesText(facts: YearFacts): string {
  const fen = facts.requests.feesFen;
  if (fen === 0) return '无向政府信息公开申请人进行收费的情况。';
  return `依据《政府信息公开信息处理费管理办法》收取信息处理费${fenToYuan(fen)}元。`;
}

function processingFeesText(facts: YearFacts): string {
  const fen = facts.requests.feesFen;
  if (fen === 0) return '本年度未收取政府信息公开信息处理费。';
  return `本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费${fenToYuan(fen)}元。`;
}

function reviewsText(cells: Cells): string {
  const review = cellNumber(cells, 't4.review.total');
  const suits = cellNumber(cells, 't4.suit_direct.total') + cellNumber(cells, 't4.suit_after_review.total');
  if (review === 0 && suits === 0) return '无因政府信息公开引起的行政复议和行政诉讼。';
  return `因政府信息公开被申请行政复议${review}件，被提起行政诉讼${suits}件。`;
}

/** From the facts, not the cells: the 2019 format has no 废止/现行有效 columns, the records have. */
function normativeText(facts: YearFacts): string {
  const { regulation, normative } = facts.normative;
  const issued = regulation.issued + normative.issued;
  const repealed = regulation.repealed + normative.repealed;
  const valid = regulation.valid + normative.valid;
  const year = facts.year;
  return `本年制发规章和行政规范性文件${issued}件，废止${repealed}件，截至${year}年12月31日，现行有效件数${valid}件。`;
}

/**
 * 条例 第四十一条: the year's requests to correct records about the applicant. The 2021 format has no
 * cell for them (table 三 counts 政府信息公开申请), so section 六 states them; nothing when there were
 * none. Worded to make no R9 claim (no “本年新收”, “结转下年度” or outcome-row phrase).
 */
export function correctionsText(facts: YearFacts): string {
  const c = facts.requests.corrections;
  if (!c) return '';
  const decided = CORRECTION_OUTCOMES.reduce((sum, o) => sum + c.decided[o], 0);
  if (c.received === 0 && decided === 0 && c.pending === 0) return '';
  const outcomes = CORRECTION_OUTCOMES.filter((o) => c.decided[o] > 0).map(
    (o) => `${CORRECTION_OUTCOME_LABELS[o]}${c.decided[o]}件`,
  );
  let text = `本年度收到要求更正与申请人自身相关的政府信息记录的申请（《中华人民共和国政府信息公开条例》第四十一条）${c.received}件，办结${decided}件`;
  if (outcomes.length > 0) text += `，其中${outcomes.join('，')}`;
  if (c.pending > 0) text += `；截至${facts.year}年12月31日尚未办结${c.pending}件`;
  return `${text}。此类申请不属于政府信息公开申请，未计入本报告第三部分的统计表。`;
}

const gen = (key: string, text: string): Segment => ({ kind: 'generated', key, text });

/**
 * The draft narrative of a year: the sentences the data owns, in their default paragraphs; the
 * outcomes are worded by the rows of the report's format.
 */
export function draftNarrative(
  cells: Cells,
  facts: YearFacts,
  previous: YearFacts | null,
  format: ReportFormat,
): Narrative {
  const overview: Paragraph[] = [
    {
      topic: 'proactive',
      title: '主动公开',
      segments: [gen('proactive.publications', proactiveText(facts, previous))],
    },
    {
      topic: 'requests',
      title: '依申请公开',
      segments: [
        gen('requests.summary', requestSummaryText(cells, facts, previous)),
        gen('requests.outcomes', outcomesText(cells, format)),
        gen('requests.fees', feesText(facts)),
        gen('requests.reviews', reviewsText(cells)),
      ],
    },
    {
      topic: 'management',
      title: '政府信息管理',
      segments: [gen('management.normative', normativeText(facts))],
    },
    { topic: 'platform', title: '政府信息公开平台建设', segments: [] },
    { topic: 'oversight', title: '监督保障', segments: [] },
  ];
  // 109号: the information processing fees collected are reported in section 六.
  const other: Paragraph[] = [
    { topic: 'fees', title: '', segments: [gen('other.fees', processingFeesText(facts))] },
  ];
  const corrections = correctionsText(facts);
  if (corrections)
    other.push({ topic: 'corrections', title: '', segments: [gen('other.corrections', corrections)] });
  return { overview, problems: [], other };
}
