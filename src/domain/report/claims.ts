import type { ReportFormat } from './format.ts';

/** A number the narrative states for a table quantity (R9). */
export interface Claim {
  /** the words as they stand in the text */
  quote: string;
  value: number;
  /** the cells whose sum the number must equal */
  cells: string[];
}

interface ClaimPattern {
  pattern: RegExp;
  cells: string[];
  /** for “无…” sentences: the value they imply */
  value?: number;
}

const SUITS = ['t4.suit_direct.total', 't4.suit_after_review.total'];

/**
 * The phrases R9 reads in a format, each with the cells it speaks of (a phrase about cells the
 * format does not have, such as 现行有效件数 in the 2019 format, is not a claim there). Longer
 * phrases win over their suffixes.
 */
function claimPatterns(format: ReportFormat): ClaimPattern[] {
  const patterns: ClaimPattern[] = [
    { pattern: /本年新收(?:政府信息公开)?申请(\d+)件/g, cells: ['t3.new.total'] },
    { pattern: /上年结转(?:政府信息公开申请)?(\d+)件/g, cells: ['t3.carried_in.total'] },
    { pattern: /结转下年度(?:继续办理)?(\d+)件/g, cells: ['t3.carried_out.total'] },
    { pattern: /依法依规处理(\d+)件/g, cells: ['t3.total.total'] },
    ...format.outcomeRows.map((row) => ({
      pattern: new RegExp(`${row.phrase}(\\d+)件`, 'g'),
      cells: [`t3.${row.code}.total`],
    })),
    { pattern: /行政复议(\d+)件/g, cells: ['t4.review.total'] },
    { pattern: /行政诉讼(\d+)件/g, cells: SUITS },
    { pattern: /现行有效件数(\d+)件/g, cells: ['t2.regulation.valid', 't2.normative.valid'] },
    { pattern: /无因政府信息公开引起的行政复议/g, cells: ['t4.review.total'], value: 0 },
    { pattern: /无因政府信息公开引起的行政复议和行政诉讼/g, cells: SUITS, value: 0 },
  ];
  return patterns.filter((p) => p.cells.every((code) => format.cellCodes.includes(code)));
}

interface Match extends Claim {
  start: number;
  end: number;
}

/**
 * The numeric claims a narrative makes about table quantities. Where one phrase ends inside a
 * longer one (“其他处理1件” within “逾期不补正做其他处理1件”), only the longer counts.
 */
export function findClaims(text: string, format: ReportFormat): Claim[] {
  const matches: Match[] = [];
  for (const { pattern, cells, value } of claimPatterns(format)) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const n = value ?? Number(m[1]);
      matches.push({ quote: m[0], value: n, cells, start, end: start + m[0].length });
    }
  }
  const kept = matches.filter(
    (m) =>
      !matches.some(
        (o) => o !== m && o.value === m.value && o.end === m.end && o.start < m.start && o.cells !== m.cells,
      ),
  );
  return kept.sort((a, b) => a.start - b.start).map(({ quote, value, cells }) => ({ quote, value, cells }));
}
