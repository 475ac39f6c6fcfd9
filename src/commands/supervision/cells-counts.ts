/**
 * The report tables' cells of a year per agency — what a region's consolidated statistics add up
 * (server/routes/supervision/statistics.ts) — as a kind kept ahead (kept-counts.ts): building one
 * agency's tables reads its records of two years, so a province's statistics built them all when
 * asked (105 s at 1M publications); kept, only the agencies changed since are built again.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { loadReportFactsWithId } from '../../db/queries/report-facts.ts';
import { formatForYear } from '../../domain/report/formats/registry.ts';
import type { Cells } from '../../domain/report/types.ts';
import type { KeptKind } from './kept-counts.ts';

export const CELLS_KIND = 'cells';

/** An agency's cells of the year and of the year before (null when it has no records of it). */
export interface YearCells {
  current: Cells;
  previous: Cells | null;
}

const cells = z.record(z.string(), z.union([z.number(), z.string()]));
const keptCells = z.object({ current: cells, previous: cells.nullable() });

/** The year's cells per agency, in the year's report format. */
export function reportCells(db: Db): KeptKind<YearCells> {
  return {
    kind: CELLS_KIND,
    async count(ids, year) {
      const format = formatForYear(year);
      const agencies = await db.kysely
        .selectFrom('agencies')
        .select(['id', 'code'])
        .where('id', 'in', ids)
        .execute();
      const out = new Map<number, YearCells>();
      for (const agency of agencies) {
        const loaded = await loadReportFactsWithId(db, agency.code, year);
        if (!loaded) continue;
        out.set(Number(agency.id), {
          current: format.computeCells(loaded.facts.current),
          previous: loaded.facts.previous ? format.computeCells(loaded.facts.previous) : null,
        });
      }
      return out;
    },
    encode: (value) => JSON.stringify(value),
    decode: (data) => keptCells.parse(JSON.parse(data)),
  };
}
