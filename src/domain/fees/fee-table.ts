/**
 * The 信息处理费 standards as the 公开指南 prints them, read off the two schedules (schedules.ts) so
 * the guide and the fee notices can never disagree: each band of 按件计收 up to `pieceBands` bands
 * (the rest follow the same step), and every band of 按量计收.
 */
import { FEE_METHOD_LABELS, type FeeMethod } from './processing-fee.ts';
import { type Band, PER_PAGE, PER_PIECE, type Schedule } from './schedules.ts';

export interface FeeTableRow {
  method: FeeMethod;
  /** 按件计收 */
  methodLabel: string;
  /** “11—30件（含30件）的部分”, “201页以上的部分” */
  range: string;
  /** “不收费”, “100元/件” */
  rate: string;
}

/** The first `count` bands of a schedule, in order. */
export function scheduleBands(schedule: Schedule, count: number): Band[] {
  const bands: Band[] = [];
  let n = 1;
  while (bands.length < count) {
    const band = schedule.bandAt(n);
    bands.push(band);
    if (band.to === null) break;
    n = band.to + 1;
  }
  return bands;
}

function rangeText(band: Band, unit: string, first: boolean): string {
  if (first) return `${band.to}${unit}以下（含${band.to}${unit}）`;
  if (band.to === null) return `${band.from}${unit}以上的部分`;
  return `${band.from}—${band.to}${unit}（含${band.to}${unit}）的部分`;
}

function rows(method: FeeMethod, schedule: Schedule, count: number): FeeTableRow[] {
  return scheduleBands(schedule, count).map((band, i) => ({
    method,
    methodLabel: FEE_METHOD_LABELS[method],
    range: rangeText(band, schedule.unit, i === 0),
    rate: band.rate === 0 ? '不收费' : `${band.rate}元/${schedule.unit}`,
  }));
}

/**
 * The table: 按件计收 (per applicant per natural month) to `pieceBands` bands, 按量计收 (per
 * application) in full. The step after the last piece band shown: `pieceStep` (+100 元 per 10 件).
 */
export function feeTable(pieceBands = 4): { rows: FeeTableRow[]; pieceStep: string } {
  const [a, b] = scheduleBands(PER_PIECE, pieceBands).slice(-2);
  const width = (b.to ?? b.from) - b.from + 1;
  const step = b.rate - a.rate;
  return {
    rows: [...rows('per_piece', PER_PIECE, pieceBands), ...rows('per_page', PER_PAGE, 10)],
    pieceStep: `以此类推，每增加${width}${PER_PIECE.unit}，收费标准提高${step}元/${PER_PIECE.unit}`,
  };
}
