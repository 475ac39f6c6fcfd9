/**
 * `npm run bench:sanitize`: CPU per item body of what every saved or imported item goes through —
 * sanitizeBody then bodyText (src/domain/items/sanitize-body.ts) — against the reference it replaced
 * (sanitize-reference.ts: sanitize-html's postcss styles and a second sanitize-html pass for the
 * text), in the same run, on three bodies: the items bench's one-paragraph body, an editor's notice
 * (paragraphs indented, a table), and a notice pasted from Word (spans, fonts, mso styles).
 * Bodies are built from the search bench's corpus (bench/search-corpus.ts), so the text is a real
 * notice's length. Flags: --rounds N (default 3,000 per body and way).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { bodyText, sanitizeBody } from '../src/domain/items/sanitize-body.ts';
import { sanitizeBefore, textBefore } from '../src/domain/items/sanitize-reference.ts';
import { corpus } from './search-corpus.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string' } }, strict: true });
const rounds = Number(values.rounds ?? 3000);

const lines = [...corpus(40, 7)].flatMap((item) => item.bodyText.split('\n')).slice(0, 24);
const cells = (row: string[]) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const table = `<table>${cells(['项目', '金额（万元）', '备注'])}${cells(['一般公共预算', '1,234.5', '—'])}</table>`;
const BODIES: Record<string, string> = {
  'one paragraph (bench:import)': '<p>内容12345</p>',
  "editor's notice": `${lines.map((l) => `<p style="text-indent:2em">${l}</p>`).join('')}${table}`,
  'pasted from Word': lines
    .map(
      (l) =>
        `<p class="MsoNormal" style="text-indent:32pt;line-height:28pt;mso-line-height-rule:exactly"><span style="font-family:仿宋_GB2312;font-size:16pt;color:black">${l}</span><o:p></o:p></p>`,
    )
    .join(''),
};

function cpuPerBody(work: (html: string) => string, html: string): number {
  for (let i = 0; i < 200; i++) work(html);
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) work(html);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / rounds;
}

const now = (html: string) => bodyText(sanitizeBody(html));
const before = (html: string) => textBefore(sanitizeBefore(html));

console.log(`bench:sanitize — ${rounds} rounds per body and way; load ${loadavg()[0].toFixed(2)}`);
console.log('body                            chars   before µs   now µs   before/now');
for (const [name, html] of Object.entries(BODIES)) {
  if (sanitizeBody(html) !== sanitizeBefore(html)) throw new Error(`${name}: the sanitized bodies differ`);
  const old = cpuPerBody(before, html);
  const fresh = cpuPerBody(now, html);
  console.log(
    `${name.padEnd(30)} ${String(html.length).padStart(6)} ${old.toFixed(1).padStart(11)} ${fresh.toFixed(1).padStart(8)} ${(old / fresh).toFixed(2).padStart(12)}×`,
  );
}
