import { FIGURE_FIELDS, type FigureKey } from './figures.ts';
import { OUTCOME_ROWS_2019, T2_NORMATIVE_COLUMNS_2019, T3_ROWS_2019 } from './formats/2019/rows.ts';
import { T2_NORMATIVE_COLUMNS, T3_ROWS_2021 } from './formats/2021/rows.ts';
import type { PublicationFacts } from './types.ts';
import {
  NORMATIVE_KINDS,
  type NormativeKind,
  OUTCOMES,
  type Outcome,
  T3_COLUMNS,
  type T3Column,
  T4_COLUMNS,
  T4_GROUPS,
  type T4Column,
  type T4Group,
} from './vocabulary.ts';

/** A row of table 三 in either format (the cells whose records the editor can list). */
export type T3Row = string;

/** Table 二 (一)'s columns in either format (2019: 本年新公开数量, 对外公开总数量). */
const NORMATIVE_COLUMNS = [...new Set([...T2_NORMATIVE_COLUMNS, ...T2_NORMATIVE_COLUMNS_2019])];
export type NormativeColumn = (typeof NORMATIVE_COLUMNS)[number];

/** Table 三's rows in either format (the 2019 format adds （六）其他处理, `other`). */
const T3_ROWS = [...new Set([...T3_ROWS_2021, ...T3_ROWS_2019])];

/** The case outcomes an outcome row counts: its own, the 2019 row `other`'s three, or all (`total`). */
const ROW_OUTCOMES = new Map<string, readonly Outcome[]>([
  ...OUTCOMES.map((o): [string, readonly Outcome[]] => [o, [o]]),
  ...OUTCOME_ROWS_2019.map((r): [string, readonly Outcome[]] => [r.code, r.outcomes]),
  ['total', OUTCOMES],
]);

/** The publication flags the narrative counts (一、总体情况 “公开会议…次” …). */
export const PUBLICATION_FLAGS = [
  'meetings',
  'policy_documents',
  'interpretations',
  'online_interviews',
] as const;
export type PublicationFlag = (typeof PUBLICATION_FLAGS)[number];

/**
 * Where the value of a cell of either format comes from (a code means the same in every format
 * that has it): which records (and how the year attributes them), or the
 * yearly figures entered by staff. Besides the table cells, `publications.total`,
 * `publications.channel.<code>` and `publications.<flag>` name the publication counts the
 * narrative and the first chart state.
 */
export type CellSource =
  | { kind: 'normative'; docKind: NormativeKind; column: NormativeColumn }
  | { kind: 'figures'; field: FigureKey }
  | { kind: 'requests'; row: T3Row; column: T3Column }
  | { kind: 'reviews'; group: T4Group; column: T4Column }
  | { kind: 'publications'; channel?: string; flag?: PublicationFlag };

const has = <T extends string>(list: readonly T[], value: string): value is T => list.includes(value as T);

/** The source of a cell code, or null for a code that is not a cell. */
export function cellSource(code: string): CellSource | null {
  const figure = FIGURE_FIELDS.find((f) => f.cell === code);
  if (figure) return { kind: 'figures', field: figure.key };
  const [table, ...rest] = code.split('.');
  if (table === 'publications') return publicationSource(rest);
  const column = rest.at(-1) ?? '';
  const row = rest.slice(0, -1).join('.');
  if (table === 't2' && has(NORMATIVE_KINDS, row) && has(NORMATIVE_COLUMNS, column))
    return { kind: 'normative', docKind: row, column };
  if (table === 't3' && has(T3_ROWS, row) && has(T3_COLUMNS, column))
    return { kind: 'requests', row, column };
  if (table === 't4' && has(T4_GROUPS, row) && has(T4_COLUMNS, column))
    return { kind: 'reviews', group: row, column };
  return null;
}

function publicationSource(rest: string[]): CellSource | null {
  if (rest.length === 1 && rest[0] === 'total') return { kind: 'publications' };
  if (rest.length === 1 && has(PUBLICATION_FLAGS, rest[0])) return { kind: 'publications', flag: rest[0] };
  if (rest.length === 2 && rest[0] === 'channel' && /^[a-z0-9_-]{1,32}$/.test(rest[1]))
    return { kind: 'publications', channel: rest[1] };
  return null;
}

/** Whether a table 三 row counts decided requests (办理结果, by decided date). */
export function isOutcomeRow(row: T3Row): boolean {
  return ROW_OUTCOMES.has(row);
}

/** The case outcomes a table 三 outcome row counts (none for 本年新收, 上年结转, 结转下年度). */
export function outcomesOfRow(row: T3Row): readonly Outcome[] {
  return ROW_OUTCOMES.get(row) ?? [];
}

/** The count a publication pseudo-cell states, from the year's publication facts. */
export function publicationCount(
  p: PublicationFacts,
  source: { channel?: string; flag?: PublicationFlag },
): number {
  if (source.channel) return p.byChannel.find((c) => c.code === source.channel)?.count ?? 0;
  if (source.flag === 'meetings') return p.meetings;
  if (source.flag === 'policy_documents') return p.policyDocuments;
  if (source.flag === 'interpretations') return p.interpretations;
  if (source.flag === 'online_interviews') return p.onlineInterviews;
  return p.total;
}
