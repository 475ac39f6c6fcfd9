/**
 * The reads of the 网站自查 evidence pack (docs/inspection.md “Evidence pack”): the stored daily
 * results of agencies over a period, as the domain's EvidenceRow (domain/inspection/evidence.ts).
 */
import type { EvidenceAgency, EvidenceRow } from '../../domain/inspection/evidence.ts';
import type { IndicatorState } from '../../domain/inspection/indicators.ts';
import type { Db } from '../connection.ts';

/** The stored results of the agencies in [from, to]. */
export async function evidenceRows(
  db: Db,
  agencies: ReadonlyArray<EvidenceAgency & { id: number }>,
  from: string,
  to: string,
): Promise<EvidenceRow[]> {
  if (agencies.length === 0) return [];
  const codeOf = new Map(agencies.map((a) => [a.id, a.code]));
  const rows: EvidenceRow[] = [];
  // in slices, so a province's subtree stays under the databases' bound-parameter limits
  for (let i = 0; i < agencies.length; i += 500) {
    const ids = agencies.slice(i, i + 500).map((a) => a.id);
    const found = await db.kysely
      .selectFrom('inspection_results')
      .select(['agency_id', 'day', 'indicator', 'value', 'threshold', 'state', 'details'])
      .where('agency_id', 'in', ids)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
    for (const r of found)
      rows.push({
        agency: codeOf.get(r.agency_id) ?? String(r.agency_id),
        day: r.day,
        indicator: r.indicator,
        value: r.value === null ? null : Number(r.value),
        threshold: Number(r.threshold),
        state: r.state as IndicatorState,
        details: JSON.parse(r.details) as Record<string, unknown>,
      });
  }
  return rows;
}
