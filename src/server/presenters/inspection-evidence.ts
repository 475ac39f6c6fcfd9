/**
 * The 网站自查 evidence pack as a file (docs/inspection.md “Evidence pack”): the stored results of
 * one agency, or of a subtree, over a period, as XLSX or as a PDF printed from its HTML. The same
 * for the API and `gongkai inspect --evidence`.
 */
import type { Db } from '../../db/connection.ts';
import { evidenceRows } from '../../db/queries/inspection-evidence.ts';
import { chinaTime } from '../../domain/events/summary.ts';
import { type EvidencePack, evidencePack } from '../../domain/inspection/evidence.ts';
import { evidenceHtml } from '../../render/evidence/html.ts';
import { type EvidenceHeading, evidenceXlsx } from '../../render/evidence/xlsx.ts';
import { renderReportPdf } from '../../render/pdf.ts';

export const EVIDENCE_FORMATS = ['xlsx', 'pdf'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

export const EVIDENCE_CONTENT_TYPES: Record<EvidenceFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface EvidenceFile {
  pack: EvidencePack;
  body: Buffer;
  contentType: string;
  fileName: string;
  asciiFileName: string;
}

/**
 * The pack of the agencies (the first is the subject: the agency, or the subtree's root) in
 * [from, to], rendered. `print` prints HTML to PDF (the server's limited Chromium; the CLI's own).
 */
export async function evidenceFile(
  db: Db,
  input: {
    agencies: ReadonlyArray<{ id: number; code: string; name: string }>;
    subtree: boolean;
    from: string;
    to: string;
    format: EvidenceFormat;
    now: Date;
    print?: (html: string) => Promise<Buffer>;
  },
): Promise<EvidenceFile> {
  const root = input.agencies[0];
  const rows = await evidenceRows(db, input.agencies, input.from, input.to);
  const pack = evidencePack({
    from: input.from,
    to: input.to,
    agencies: input.agencies.map((a) => ({ code: a.code, name: a.name })),
    rows,
  });
  const heading: EvidenceHeading = {
    title: '网站自查佐证材料',
    subject: input.subtree ? `${root.name}及下级机关（${input.agencies.length} 个）` : root.name,
    generatedAt: chinaTime(input.now.toISOString()),
  };
  const print = input.print ?? ((html: string) => renderReportPdf(html));
  const body =
    input.format === 'xlsx' ? await evidenceXlsx(pack, heading) : await print(evidenceHtml(pack, heading));
  const scope = input.subtree ? '及下级机关' : '';
  return {
    pack,
    body,
    contentType: EVIDENCE_CONTENT_TYPES[input.format],
    fileName: `${root.name}${scope}网站自查佐证材料（${input.from}至${input.to}）.${input.format}`,
    asciiFileName: `${root.code}${input.subtree ? '-subtree' : ''}-inspection-evidence-${input.from}-${input.to}.${input.format}`,
  };
}
