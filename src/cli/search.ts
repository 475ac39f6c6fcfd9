import type { Db } from '../db/connection.ts';
import { publicSearch } from '../search/public-search.ts';
import { type CliIo, flags, printJson, UsageError } from './io.ts';

/**
 * `gongkai search QUERY [--agency CODE] [--limit N]`: prints the hits as a JSON array of
 * `{ id, title, score, snippet }` (the snippet as the portal shows it: HTML-escaped, matches in
 * `<mark>`), searching the same index as the portal.
 */
export async function searchCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, {
    agency: { type: 'string' },
    limit: { type: 'string' },
  });
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError('缺少检索词：gongkai search 检索词 [--agency CODE] [--limit N]');
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError('--limit 应为 1 到 1000 之间的整数');
  }
  const result = await publicSearch(db, { text, agency: values.agency, limit, offset: 0 });
  if (!result) throw new UsageError(`未找到机关代码为 ${values.agency} 的机关`);
  const hits = result.hits.map((h) => ({ id: h.id, title: h.title, score: h.score, snippet: h.snippetHtml }));
  printJson(io, hits);
  return 0;
}
