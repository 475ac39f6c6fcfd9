/**
 * `npm run bench:read`: how long the report readers (src/report-check/) take on the demo report in
 * each file type — HTML, DOCX, the PDF Chromium prints, the PDF LibreOffice converts from the DOCX,
 * and the seed text. The files are made once by our own renderers (test/fixtures/report-files.ts,
 * in a temporary folder). Prints, per type, the first read (which loads the parser: pdfjs for PDFs)
 * and the median and minimum of the timed runs after it, in ms.
 *
 * Flags: --runs N (timed repetitions, default 10).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closePdfBrowser } from '../src/render/pdf.ts';
import { readReportFile } from '../src/report-check/read-file.ts';
import { type ReportFileKind, reportFile } from '../test/fixtures/report-files.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);

const inputs: Array<[string, () => Promise<Uint8Array>, string]> = [
  ...(['html', 'docx', 'chromium.pdf', 'libreoffice.pdf'] as ReportFileKind[]).map(
    (kind): [string, () => Promise<Uint8Array>, string] => [kind, () => reportFile(kind), `report.${kind}`],
  ),
  [
    'seed text',
    async () => readFileSync(new URL('../test/fixtures/lingang-2021-annual-report.txt', import.meta.url)),
    'seed.txt',
  ],
];

console.log(`type              first ms  median ms  min ms  (runs: ${runs})`);
for (const [name, bytesOf, fileName] of inputs) {
  const bytes = await bytesOf();
  const time = async () => {
    const started = performance.now();
    await readReportFile(bytes, fileName);
    return performance.now() - started;
  };
  const first = await time();
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) timings.push(await time());
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)];
  console.log(
    `${name.padEnd(17)} ${first.toFixed(0).padStart(8)} ${median.toFixed(1).padStart(10)} ${timings[0].toFixed(1).padStart(7)}`,
  );
}
await closePdfBrowser();
