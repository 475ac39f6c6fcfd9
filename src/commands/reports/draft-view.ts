import { buildReport, generatedDraft } from '../../domain/report/build.ts';
import { NARRATIVE_KEYS, type NarrativeKey } from '../../domain/report/edit.ts';
import type { FormatId } from '../../domain/report/format.ts';
import { formatById } from '../../domain/report/formats/registry.ts';
import { REPORT_SECTIONS, sectionTexts } from '../../domain/report/sections.ts';
import type { AnnualReport, Cells, Paragraph, Violation } from '../../domain/report/types.ts';
import type { ReportInputs } from './report-inputs.ts';

/** One narrative section in the editor: what staff stored, the generated draft, and the result. */
export interface DraftSection {
  heading: string;
  /** the stored paragraphs (null: nothing saved yet, the draft is used as is) */
  stored: Paragraph[] | null;
  /** the draft generated from the data now */
  generated: Paragraph[];
  /** the stored text with the draft's sentences merged in: what the report prints */
  merged: Paragraph[];
  /** the printed paragraphs (“1.主动公开。…”) */
  printed: string[];
}

/** The report draft as the editor reads it. */
export interface DraftView {
  agency: string;
  year: number;
  /** the draft's version, to send back as expectedVersion (0: never saved) */
  version: number;
  /** the latest published version (0: not published) */
  publishedVersion: number;
  publishedOn: string | null;
  /** the format the tables are in */
  format: FormatId;
  /** read-only: computed from the records (and the yearly figures) */
  cells: Cells;
  sections: Record<NarrativeKey, DraftSection>;
  violations: Violation[];
}

const headingOf = (key: NarrativeKey): string => REPORT_SECTIONS.find((s) => s.key === key)?.heading ?? key;

/** The editor's view of a report built from its inputs (the report passed in, or built here). */
export function draftView(inputs: ReportInputs, today?: string, built?: AnnualReport): DraftView {
  const report = built ?? buildReport(inputs.facts, inputs.stored, { today });
  const generated = generatedDraft(inputs.facts, inputs.stored, formatById(report.format));
  const stored = inputs.stored.narrative;
  const sections = Object.fromEntries(
    NARRATIVE_KEYS.map((key) => [
      key,
      {
        heading: headingOf(key),
        stored: stored ? stored[key] : null,
        generated: generated[key],
        merged: report.narrative[key],
        printed: sectionTexts(report.narrative[key]),
      },
    ]),
  ) as Record<NarrativeKey, DraftSection>;
  return {
    agency: report.agency.code,
    year: report.year,
    version: inputs.draftVersion,
    publishedVersion: inputs.publishedVersion,
    publishedOn: report.publishedOn,
    format: report.format,
    cells: report.cells,
    sections,
    violations: report.violations,
  };
}
