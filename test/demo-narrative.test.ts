/**
 * The demo's published 2021 report keeps every fact of the seed's 一、总体情况
 * (test/fixtures/lingang-2021-annual-report.txt, a copy of the agency's own report), sentence by
 * sentence: each number with its unit and each named thing of a seed sentence is in the published
 * narrative; a seed sentence without either is there word for word (punctuation aside).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { findVersion } from '../src/db/queries/report-versions.ts';
import { sectionTexts } from '../src/domain/report/sections.ts';
import { thawReport } from '../src/domain/report/snapshot.ts';
import { describeEachWithDemo } from './databases.ts';
import { factsOf, seedSection, sentencesOf } from './fixtures/seed-facts.ts';

const SEED = readFileSync(new URL('./fixtures/lingang-2021-annual-report.txt', import.meta.url), 'utf8');
const SENTENCES = sentencesOf(seedSection(SEED, '一、总体情况', /^\s*(2、|二、)/m));
const bare = (text: string) => text.replace(/[\s，。；、：“”（）《》]/g, '');

it('finds the sentences of the seed’s 一、总体情况 and their facts', () => {
  expect(SENTENCES.length).toBeGreaterThan(15);
  const facts = SENTENCES.flatMap(factsOf);
  for (const fact of ['信息9182条', '工委（扩大）会议', '文件25件', '截至2021年12月31日', '掌上临港'])
    expect(facts).toContain(fact);
});

describeEachWithDemo('the demo’s published 2021 narrative keeps the seed’s 一、总体情况', (use) => {
  const overview = async () => {
    const agency = await use()
      .kysely.selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    const version = await findVersion(use(), agency.id, 2021, 1);
    if (!version) throw new Error('the demo publishes 2021 as version 1');
    return sectionTexts(thawReport(version.snapshot).report.narrative.overview).join('\n');
  };

  it.each(SENTENCES.map((s) => [s.slice(0, 24), s]))('keeps “%s…”', async (_start, sentence) => {
    const text = await overview();
    const facts = factsOf(sentence);
    if (facts.length === 0) expect(bare(text)).toContain(bare(sentence));
    else for (const fact of facts) expect(text, `${fact} of “${sentence}”`).toContain(fact);
  });
});
