import type { ReportFormat } from './format.ts';
import { OUTCOME_GROUP_LABELS, OUTCOME_GROUPS, type OutcomeGroup } from './vocabulary.ts';

/** A number the narrative states for a table quantity (R9). */
export interface Claim {
  /** the words as they stand in the text */
  quote: string;
  value: number;
  /**
   * the cells whose sum the number must equal; empty for a number the tables do not hold
   * (主动公开政府信息N条): reported, never checked
   */
  cells: string[];
  /**
   * other readings the words allow, any of which satisfies the claim: “收到申请N件” may count the
   * new requests, or new and carried-over ones
   */
  alternatives?: string[][];
}

interface ClaimPattern {
  pattern: RegExp;
  cells: string[];
  alternatives?: string[][];
  /** for “无…” sentences: the value they imply */
  value?: number;
  /** 复议 and 诉讼 numbers: not when they are about cases the agency handles for others */
  aboutDisclosure?: boolean;
}

const SUITS = ['t4.suit_direct.total', 't4.suit_after_review.total'];
const NEW = ['t3.new.total'];
const NEW_AND_CARRIED = ['t3.new.total', 't3.carried_in.total'];
const DECIDED = ['t3.total.total'];
// “收到政府信息公开申请12件”, “共受理依申请公开申请8件”: the verb, then at most a qualifier, then 申请
const RECEIVED_QUALIFIER =
  '(?:了)?(?:各类|各项)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)?申请(?:共|合计|共计|总计)?';

/**
 * The phrases R9 reads in a format, each with the cells it speaks of (a phrase about cells the
 * format does not have, such as 现行有效件数 in the 2019 format, is not a claim there). Longer
 * phrases win over their suffixes. An outcome phrase never matches after 不 (不予以公开).
 */
function claimPatterns(format: ReportFormat): ClaimPattern[] {
  const patterns: ClaimPattern[] = [
    { pattern: /本年新收(?:政府信息公开)?申请(\d+)件/g, cells: NEW },
    {
      pattern: new RegExp(
        `(?:共|全年|本年度?)?(?:受理|收到|收办|接收|接到)${RECEIVED_QUALIFIER}(\\d+)件`,
        'g',
      ),
      cells: NEW,
      alternatives: [NEW_AND_CARRIED],
    },
    {
      pattern: new RegExp(`(?:共|全年|本年度?)?办理${RECEIVED_QUALIFIER}(\\d+)件`, 'g'),
      cells: NEW,
      alternatives: [NEW_AND_CARRIED, DECIDED],
    },
    { pattern: /上年结转(?:政府信息公开申请)?(\d+)件/g, cells: ['t3.carried_in.total'] },
    { pattern: /结转下年度(?:继续办理)?(\d+)件/g, cells: ['t3.carried_out.total'] },
    { pattern: /依法依规处理(\d+)件/g, cells: DECIDED },
    // “办结2件” alone may be about anything (更正申请 in section 六): only with the requests named
    { pattern: /办结(?:政府信息公开|依申请公开)申请(?:共)?(\d+)件/g, cells: DECIDED },
    ...format.outcomeRows.map((row): ClaimPattern => {
      // “其他处理N件” may speak of the row “3.其他” or of the whole group (六)
      const group = groupCells(format, row.group);
      const alternatives =
        row.phrase === OUTCOME_GROUP_LABELS[row.group] && group.length > 1 ? [group] : undefined;
      return {
        pattern: new RegExp(`(?<!不)${row.phrase}(?:共)?(\\d+)件`, 'g'),
        cells: [`t3.${row.code}.total`],
        ...(alternatives ? { alternatives } : {}),
      };
    }),
    // a group of several rows named as a whole: “不予公开35件”, “因本机关不掌握等原因无法提供265件”
    ...OUTCOME_GROUPS.filter(
      (g) =>
        groupCells(format, g).length > 1 &&
        !format.outcomeRows.some((r) => r.phrase === OUTCOME_GROUP_LABELS[g]),
    ).map(
      (g): ClaimPattern => ({
        pattern: new RegExp(`(?<!不)${OUTCOME_GROUP_LABELS[g]}(?:的)?(?:共)?(\\d+)件`, 'g'),
        cells: groupCells(format, g),
      }),
    ),
    {
      pattern: /(?<!不)予以公开(?:和|及|与|、|或)部分公开(?:共)?(\d+)件/g,
      cells: ['t3.granted.total', 't3.partial.total'],
    },
    { pattern: /行政复议(?:案件|申请)?(?:共)?(\d+)件/g, cells: ['t4.review.total'], aboutDisclosure: true },
    { pattern: /行政诉讼(?:案件)?(?:共)?(\d+)件/g, cells: SUITS, aboutDisclosure: true },
    {
      pattern: /行政复议[和及与、]行政诉讼(?:案件)?(?:共)?(\d+)件/g,
      cells: ['t4.review.total', ...SUITS],
      aboutDisclosure: true,
    },
    { pattern: /现行有效件数(\d+)件/g, cells: ['t2.regulation.valid', 't2.normative.valid'] },
    { pattern: /无因政府信息公开引起的行政复议/g, cells: ['t4.review.total'], value: 0 },
    { pattern: /无因政府信息公开引起的行政复议和行政诉讼/g, cells: SUITS, value: 0 },
    { pattern: /主动公开(?:政府)?信息(?:共)?(\d+)条/g, cells: [] },
  ];
  return patterns.filter((p) => p.cells.every((code) => format.cellCodes.includes(code)));
}

/** The 总计 cells of an outcome group's rows. */
function groupCells(format: ReportFormat, group: OutcomeGroup): string[] {
  return format.outcomeRows.filter((r) => r.group === group).map((r) => `t3.${r.code}.total`);
}

interface Match extends Claim {
  start: number;
  end: number;
}

/** The sentence of `text` around `at`. */
function sentenceAt(text: string, at: number): string {
  const before = text.slice(0, at).search(/[^。；！？\n]*$/);
  const after = text.slice(at).search(/[。；！？\n]/);
  return text.slice(before, after < 0 ? text.length : at + after);
}

/**
 * Whether a 复议 or 诉讼 number is about cases the agency handles for others (a 司法局 as 复议机关:
 * “全年办理行政复议案件30件”): a verb of handling just before it, in a sentence that does not speak
 * of information disclosure.
 */
function otherCases(text: string, at: number): boolean {
  if (/信息公开|依申请/.test(sentenceAt(text, at))) return false;
  return /(?:受理|办理|审理|审结|收到|办结|新收|承办)[^，。；]{0,4}$/.test(
    text.slice(Math.max(0, at - 8), at),
  );
}

/**
 * The numeric claims a narrative makes about table quantities. Where one phrase ends inside a
 * longer one (“其他处理1件” within “逾期不补正做其他处理1件”, “收到申请6件” within “本年新收…”),
 * only the longer counts. Numbers of 复议 and 诉讼 cases the agency handles for others are not
 * claims (otherCases).
 */
export function findClaims(text: string, format: ReportFormat): Claim[] {
  const matches: Match[] = [];
  for (const { pattern, cells, value, alternatives, aboutDisclosure } of claimPatterns(format)) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      if (aboutDisclosure && otherCases(text, start)) continue;
      const n = value ?? Number(m[1]);
      const claim: Match = { quote: m[0], value: n, cells, start, end: start + m[0].length };
      if (alternatives) claim.alternatives = alternatives;
      matches.push(claim);
    }
  }
  const kept = matches.filter(
    (m) =>
      !matches.some(
        (o) =>
          o !== m &&
          o.end === m.end &&
          (o.start < m.start || (o.start === m.start && matches.indexOf(o) < matches.indexOf(m))),
      ),
  );
  return kept.sort((a, b) => a.start - b.start).map(({ start: _s, end: _e, ...claim }) => claim);
}

/** Whether the tables bear a claim out: its cells' sum, or one of its other readings, equals the number. */
export function claimHolds(claim: Claim, sum: (cells: string[]) => number): boolean {
  if (claim.cells.length === 0) return true;
  return [claim.cells, ...(claim.alternatives ?? [])].some((cells) => sum(cells) === claim.value);
}
