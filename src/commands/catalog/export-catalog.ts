/** 导出标准目录: the agency's catalogue as XLSX (a read: no event), in the layout the import reads back. */
import type { Db } from '../../db/connection.ts';
import { catalogColumnChoices, listCatalogEntries } from '../../db/queries/catalog.ts';
import { describeDeadline } from '../../domain/catalog/deadline.ts';
import { catalogWorkbook } from './catalog-xlsx.ts';

export async function exportCatalog(
  db: Db,
  agency: { id: number; name: string },
  at: Date,
): Promise<{ content: Buffer; entries: number }> {
  const [entries, columns] = await Promise.all([
    listCatalogEntries(db.kysely, agency.id),
    catalogColumnChoices(db.kysely, agency.id),
  ]);
  const names = new Map(columns.map((c) => [c.key, c.name]));
  const content = await catalogWorkbook(
    `${agency.name}政务公开事项标准目录`,
    entries,
    (key) => names.get(key) ?? key,
    (e) => describeDeadline(e.rule),
    at,
  );
  return { content, entries: entries.length };
}
