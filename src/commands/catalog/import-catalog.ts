/**
 * 导入标准目录 from XLSX (docs/catalog.md): the sheet read (domain/catalog/sheet.ts), every bad row
 * refused at once naming its row and column (nothing written), then — unless it is a preview — the
 * 领域 the file holds replaced by its entries, in one transaction with one event `catalog.imported`.
 * An entry of the same 领域, 一级事项 and 二级事项 as one it replaces keeps that one's columns, so a
 * catalogue re-imported after an edit in Excel keeps its mapping. Other 领域 are left alone.
 */
import type { CatalogImport } from '../../contract/catalog.ts';
import { listCatalogEntries } from '../../db/queries/catalog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { checkable, describeDeadline, parseDeadline } from '../../domain/catalog/deadline.ts';
import {
  AUDIENCE_LABELS,
  type CatalogEntryFields,
  entryKey,
  entryTitle,
  MANNER_LABELS,
} from '../../domain/catalog/entry.ts';
import { readCatalogSheet, sheetProblemText } from '../../domain/catalog/sheet.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx } from '../context.ts';
import {
  appendCatalogEvent,
  conflictOr,
  entryRow,
  knownColumnKeys,
  requireManager,
} from './catalog-store.ts';
import { readCatalogGrid } from './catalog-xlsx.ts';

/** The most problems listed in the message (all are in the details). */
const LISTED = 10;

export async function importCatalog(
  ctx: CommandContext,
  input: { agencyId: number; content: Buffer; fileName?: string; domain?: string; dryRun: boolean },
): Promise<CatalogImport> {
  requireManager(ctx.actor);
  const { agencyId } = input;
  const grid = await readCatalogGrid(input.content);
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const known = await knownColumnKeys(trx, agencyId);
      const sheet = readCatalogSheet(grid, known);
      if (sheet.problems.length > 0) {
        const texts = sheet.problems.map(sheetProblemText);
        const more = texts.length > LISTED ? `等 ${texts.length} 处` : '';
        throw new AppError(
          'validation',
          `标准目录有误，未导入任何事项：${texts.slice(0, LISTED).join('；')}${more}。请在表格中改正后重新导入。`,
          sheet.problems.map((p) => ({
            field: p.row > 0 ? `第${p.row}行·${p.column || '表头'}` : 'file',
            message: sheetProblemText(p),
          })),
        );
      }
      const override = input.domain?.trim();
      const entries: Array<{ row: number; fields: CatalogEntryFields }> = sheet.entries.map((e) => ({
        row: e.row,
        fields: override ? { ...e.fields, domain: override } : e.fields,
      }));
      const domains = [...new Set(entries.map((e) => e.fields.domain))];
      const before = (await listCatalogEntries(trx, agencyId)).filter((e) => domains.includes(e.domain));
      const columnsOf = new Map(before.map((e) => [entryKey(e), e.columns.filter((c) => known.has(c))]));
      let kept = 0;
      for (const e of entries) {
        const columns = columnsOf.get(entryKey(e.fields));
        if (columns && columns.length > 0) {
          e.fields.columns = columns;
          kept += 1;
        }
      }
      const preview: CatalogImport = {
        dryRun: input.dryRun,
        domains,
        headerRow: sheet.headerRow,
        entries: entries.map(({ row, fields }) => {
          const rule = parseDeadline(fields.deadline);
          return {
            row,
            seq: fields.seq,
            domain: fields.domain,
            title: entryTitle(fields),
            deadline: fields.deadline,
            ruleLabel: describeDeadline(rule),
            checkable: checkable(rule),
            audienceLabel: fields.audience.map((a) => AUDIENCE_LABELS[a]).join('、'),
            mannerLabel: fields.manner.map((m) => MANNER_LABELS[m]).join('、'),
            levels: fields.levels,
            columns: fields.columns,
          };
        }),
        skipped: sheet.skipped,
        replaced: before.length,
        mappingsKept: kept,
      };
      if (input.dryRun) return preview;
      if (before.length > 0)
        await trx
          .deleteFrom('catalog_entries')
          .where('agency_id', '=', agencyId)
          .where(
            'id',
            'in',
            before.map((e) => e.id),
          )
          .execute();
      const last = await trx
        .selectFrom('catalog_entries')
        .select((eb) => eb.fn.max('sort').as('sort'))
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      const base = Number(last?.sort ?? 0);
      const at = ctx.clock.now().toISOString();
      const rows = entries.map((e, i) => ({
        ...entryRow(e.fields, known),
        agency_id: agencyId,
        sort: base + i + 1,
        version: 1,
        created_at: at,
        updated_at: at,
        updated_by: ctx.actor.username,
      }));
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('catalog_entries')
          .values(rows.slice(i, i + 200))
          .execute();
      await appendCatalogEvent(inTrx(ctx, trx), {
        agencyId,
        subject: { type: 'catalog', id: agencyId },
        name: 'catalog.imported',
        data: {
          fileName: input.fileName ?? null,
          domains,
          entries: rows.length,
          replaced: before.length,
          mappingsKept: kept,
          skippedRows: sheet.skipped.map((s) => s.row),
        },
      });
      return preview;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    return conflictOr(error);
  }
}
