/**
 * A day's self-inspection as one JSON shape (contract/inspection.ts), the API's and `gongkai inspect
 * --format json`'s: each indicator with its name, the rule, value, threshold and state in Chinese.
 */
import type { Inspection } from '../../contract/inspection.ts';
import type { ColumnClass } from '../../domain/inspection/column-classes.ts';
import { CLASS_PERIODS, COLUMN_CLASS_LABELS, periodLabel } from '../../domain/inspection/column-classes.ts';
import { INDICATOR_STATE_LABELS, INDICATORS, thresholdLabel } from '../../domain/inspection/indicators.ts';
import type { IndicatorResult } from '../../domain/inspection/inspect.ts';

export function inspectionJson(run: {
  day: string;
  stored: boolean;
  runAt: string | null;
  results: ReadonlyArray<Omit<IndicatorResult, 'veto'>>;
}): Inspection {
  const indicators = run.results.map((r) => {
    const definition = INDICATORS[r.indicator];
    return {
      indicator: r.indicator,
      name: definition.name,
      rule: definition.rule,
      value: r.value,
      threshold: r.threshold,
      thresholdLabel: thresholdLabel(definition),
      unit: definition.unit,
      veto: definition.veto,
      state: r.state,
      stateLabel: INDICATOR_STATE_LABELS[r.state],
      details: r.details,
    };
  });
  return {
    day: run.day,
    stored: run.stored,
    runAt: run.runAt,
    vetoed: indicators.some((i) => i.veto && i.state === 'failed'),
    indicators,
  };
}

/** A column's class and period in words: 动态要闻类（2周内更新）… 其他（每30天）, 其他（不检查）. */
export function classPeriodLabel(columnClass: ColumnClass, frequencyDays: number | null): string {
  const period = CLASS_PERIODS[columnClass] ?? (frequencyDays ? { days: frequencyDays } : null);
  return `${COLUMN_CLASS_LABELS[columnClass]}（${period ? `${periodLabel(period)}内更新` : '不检查更新'}）`;
}
