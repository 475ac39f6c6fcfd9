/**
 * `npm run bench:check` (issue 14): how fast and how well 年报体检 reads reports, per input type.
 *
 * A corpus is generated: random reports that add up (src/domain/report/reading/generate.ts), in
 * both formats, written out by our own renderers — HTML (renderReportHtml), DOCX (renderReportDocx),
 * PDF printed by Chromium from the HTML and PDF converted from the DOCX by LibreOffice (as agencies
 * export from Word/WPS) — and as text and Markdown conversions, the HTML, text and Markdown ones
 * degraded as real files are (labels split over lines, typos in labels, full-width digits,
 * thousands separators, page numbers inside tables, tables cut by a page break). Then every file is
 * read and checked in this process (readReportBytes + checkReport), timed per type against a
 * baseline measured in the same run: the bare text extraction of the same files (pdfjs text items,
 * the DOCX's document.xml parsed, the HTML parsed, the text decoded). Then the whole corpus again
 * as `gongkai check DIR` reads it, on a pool of one thread per core (pool.ts). Printed: reports/s
 * per type, one thread and pooled, the ratio to the baseline, the share of cells read right, peak
 * RSS. Targets: ≥ 8.5 reports/s mixed with the pool (5,000 reports in < 10 minutes), ≥ 99.9% of
 * cells right, peak RSS < 1 GiB.
 *
 * Flags: --reports N (per type, default 40), --seed N, --keep (keep the corpus folder).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import { prng } from '../src/demo/lingang.ts';
import { FORMAT_IDS, type FormatId } from '../src/domain/report/format.ts';
import { formatById } from '../src/domain/report/formats/registry.ts';
import { checkReport } from '../src/domain/report/reading/check.ts';
import { type Degradation, degrade } from '../src/domain/report/reading/degrade.ts';
import { documentOfReport } from '../src/domain/report/reading/from-report.ts';
import {
  documentHtml,
  documentMarkdown,
  documentText,
  randomCells,
} from '../src/domain/report/reading/generate.ts';
import type { AnnualReport } from '../src/domain/report/types.ts';
import { renderReportDocx } from '../src/render/docx.ts';
import { renderReportHtml } from '../src/render/html.ts';
import { closePdfBrowser, renderReportPdf } from '../src/render/pdf.ts';
import { readReportBytes } from '../src/report-check/check-file.ts';
import { seedReport } from '../test/fixtures/seed-report.ts';

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '40' },
    seed: { type: 'string', default: '14' },
    keep: { type: 'boolean', default: false },
  },
});
const PER_TYPE = Number(args.reports);
const random = prng(Number(args.seed));
const TYPES = ['pdf-chromium', 'pdf-libreoffice', 'docx', 'html', 'text', 'markdown'] as const;
type InputType = (typeof TYPES)[number];
const DAMAGE: readonly Degradation[] = [
  'split_labels',
  'label_typos',
  'full_width',
  'thousands',
  'page_numbers',
  'page_break_in_table',
];
const AGENCIES = [
  '某某市生态环境局',
  '某某县人民政府',
  '某某区某某街道办事处',
  '某某省交通运输厅',
  '某某市某某区教育局',
  '某某镇人民政府',
  '某某经济技术开发区管理委员会',
];

const template = seedReport();
function generatedReport(i: number): AnnualReport {
  const format: FormatId = random() < 0.7 ? '2021' : '2019';
  const year = format === '2021' ? 2021 + Math.floor(random() * 4) : 2019 + Math.floor(random() * 2);
  const name = AGENCIES[i % AGENCIES.length] as string;
  return {
    ...template,
    format,
    year,
    cells: randomCells(format, random),
    previousCells: null,
    agency: { ...template.agency, name },
    violations: [],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
interface CorpusFile {
  type: InputType;
  path: string;
  report: AnnualReport;
  /** cells printed blank (none here: every generated cell is printed) */
}
const corpus: CorpusFile[] = [];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);

console.log(`bench:check — generating ${PER_TYPE} reports per type (${TYPES.join(', ')}) in ${dir}`);
const t0 = performance.now();
const docxForLibreOffice: string[] = [];
for (const type of TYPES) {
  for (let i = 0; i < PER_TYPE; i++) {
    const report = generatedReport(i);
    const base = join(dir, `${type}-${i}`);
    let doc = documentOfReport(report);
    const damaged = () => {
      for (const how of DAMAGE) if (random() < 0.35) doc = degrade(doc, how).doc;
      return doc;
    };
    let path: string;
    switch (type) {
      case 'pdf-chromium':
        path = `${base}.pdf`;
        writeFileSync(path, await renderReportPdf(renderReportHtml(report)));
        break;
      case 'pdf-libreoffice':
        path = `${base}.pdf`;
        writeFileSync(`${base}.docx`, await renderReportDocx(report));
        docxForLibreOffice.push(`${base}.docx`);
        break;
      case 'docx':
        path = `${base}.docx`;
        writeFileSync(path, await renderReportDocx(report));
        break;
      case 'html':
        path = `${base}.html`;
        writeFileSync(
          path,
          documentHtml(damaged(), `${report.agency.name}${report.year}年政府信息公开工作年度报告`),
        );
        break;
      case 'text':
        path = `${base}.txt`;
        writeFileSync(path, documentText(damaged()));
        break;
      case 'markdown':
        path = `${base}.md`;
        writeFileSync(path, documentMarkdown(damaged()));
        break;
    }
    corpus.push({ type, path, report });
  }
}
await closePdfBrowser();
if (docxForLibreOffice.length > 0) {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...docxForLibreOffice], {
    stdio: 'ignore',
    timeout: 600_000,
  });
  for (const f of docxForLibreOffice) rmSync(f);
}
console.log(`  corpus written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

/** The bare text of a file: what any tool must do before reading a table (the baseline). */
async function bareText(path: string, type: InputType): Promise<number> {
  const bytes = readFileSync(path);
  if (type.startsWith('pdf')) {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      useSystemFonts: false,
      isEvalSupported: false,
    }).promise;
    let n = 0;
    for (let p = 1; p <= pdf.numPages; p++) n += (await (await pdf.getPage(p)).getTextContent()).items.length;
    await pdf.destroy();
    return n;
  }
  if (type === 'docx')
    return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string'))?.length ?? 0;
  if (type === 'html') return parseDocument(bytes.toString('utf8')).children.length;
  return new TextDecoder().decode(bytes).length;
}

interface Figures {
  reports: number;
  seconds: number;
  baseline: number;
  cells: number;
  right: number;
  wrong: string[];
}
const figures = new Map<InputType, Figures>();
for (const type of TYPES)
  figures.set(type, { reports: 0, seconds: 0, baseline: 0, cells: 0, right: 0, wrong: [] });

// warm-up: one of each type (module loading, JIT), not timed
for (const type of TYPES) {
  const f = corpus.find((c) => c.type === type);
  if (f) {
    await bareText(f.path, type);
    await readReportBytes(readFileSync(f.path), f.path);
  }
}
for (const file of corpus) {
  const fig = figures.get(file.type) as Figures;
  const b0 = performance.now();
  await bareText(file.path, file.type);
  fig.baseline += (performance.now() - b0) / 1000;
  const c0 = performance.now();
  const read = await readReportBytes(readFileSync(file.path), file.path);
  checkReport(read);
  fig.seconds += (performance.now() - c0) / 1000;
  fig.reports++;
  const codes = formatById(file.report.format).cellCodes;
  for (const code of codes) {
    fig.cells++;
    if (String(read.cells[code]) === String(file.report.cells[code])) fig.right++;
    else if (fig.wrong.length < 5)
      fig.wrong.push(
        `${file.path.split('/').pop()} ${code}: ${file.report.cells[code]} → ${read.cells[code]} (${read.unreadable[code] ?? ''})`,
      );
  }
  if (read.format !== file.report.format)
    fig.wrong.push(`${file.path}: format ${read.format} ≠ ${file.report.format}`);
  sample();
}
// the batch as a province runs it: `gongkai check` in its own process (a pool of one thread per
// core), on the corpus read over and over to at least 600 reads so the start (the process, each
// thread loading the code and pdfjs) weighs as it would in 5,000; wall time and peak RSS (GNU time)
const repeat = Math.max(1, Math.ceil(600 / corpus.length));
const reads = Array.from({ length: repeat }, () => corpus.map((f) => f.path)).flat();
const gongkai = (files: string[]) => {
  const t = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, 'bin/gongkai.js', 'check', ...files],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`gongkai check failed: ${run.stderr}`);
  return { seconds: (performance.now() - t) / 1000, rssKiB: Number(run.stderr.trim().split('\n').pop()) };
};
const firstPdf = corpus.find((f) => f.type === 'pdf-libreoffice') ?? corpus[0];
const startup = gongkai([firstPdf?.path ?? '']);
const pool = gongkai(reads);
const poolSeconds = pool.seconds;
const batchRssKiB = pool.rssKiB;
clearInterval(sampler);

const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `\n${pad('type', 17)}${pad('reports', 9)}${pad('reports/s', 11)}${pad('baseline/s', 12)}${pad('÷ baseline', 12)}cells right`,
);
let totalReports = 0;
let totalSeconds = 0;
let totalCells = 0;
let totalRight = 0;
for (const [type, f] of figures) {
  totalReports += f.reports;
  totalSeconds += f.seconds;
  totalCells += f.cells;
  totalRight += f.right;
  console.log(
    `${pad(type, 17)}${pad(String(f.reports), 9)}${pad((f.reports / f.seconds).toFixed(1), 11)}${pad((f.reports / f.baseline).toFixed(1), 12)}${pad(`${((f.baseline / f.seconds) * 100).toFixed(1)}%`, 12)}${((f.right / f.cells) * 100).toFixed(3)}% (${f.right}/${f.cells})`,
  );
  for (const w of f.wrong) console.log(`    ${w}`);
}
const oneThread = totalReports / totalSeconds;
const mixed = reads.length / poolSeconds;
const steady = reads.length / Math.max(0.001, poolSeconds - startup.seconds);
const province = startup.seconds + 5000 / steady;
const accuracy = totalRight / totalCells;
console.log(
  `\nmixed, one thread in this process: ${oneThread.toFixed(1)} reports/s; gongkai check (${availableParallelism()} threads), ${reads.length} reads: ${mixed.toFixed(1)} reports/s with its start (${startup.seconds.toFixed(1)} s for one PDF), ${steady.toFixed(1)} reports/s after it → 5,000 reports in ${(province / 60).toFixed(1)} min`,
);
console.log(
  `cells read right ${(accuracy * 100).toFixed(3)}%; peak RSS of gongkai check ${mb(batchRssKiB * 1024)} (this bench process ${mb(peakRss)})`,
);
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
console.log(
  `targets: 5,000 reports in < 10 min (≥ 8.5 reports/s) ${pass(province < 600)}; ≥ 99.9% cells ${pass(accuracy >= 0.999)}; peak RSS < 1 GiB ${pass(batchRssKiB * 1024 < 1024 ** 3)}`,
);
void FORMAT_IDS;
if (!args.keep) rmSync(dir, { recursive: true, force: true });
else console.log(`corpus kept in ${dir}`);
