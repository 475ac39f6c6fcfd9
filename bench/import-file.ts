/**
 * Writes a synthetic `gongkai import` file (bench/synthetic.ts): one agency, its normative
 * documents and figures, then publications and requests, then ~50 review cases. Used by
 * `npm run bench:submit` (the import running while citizens file) and by test/import-busy.test.ts.
 *
 *   npx tsx bench/import-file.ts FILE [LINES]   (default 1,000,000 lines: 90% publications)
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syntheticLines } from './synthetic.ts';

/** Writes about `lines` lines for agency `agency` to `file`; resolves with the exact count. */
export async function writeImportFile(file: string, lines: number, agency = 'synth'): Promise<number> {
  const publications = Math.round(lines * 0.9);
  const requests = Math.max(lines - publications - 100, 1);
  const out = createWriteStream(file);
  let count = 0;
  for (const line of syntheticLines({ agency, year: 2021, publications, requests, seed: 7 })) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    count++;
  }
  out.end();
  await once(out, 'finish');
  return count;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, lines] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/import-file.ts FILE [LINES]');
  console.log(await writeImportFile(file, Number(lines ?? 1_000_000)));
}
