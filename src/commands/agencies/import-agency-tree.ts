/**
 * Imports a whole agency tree from JSON Lines (platform administrator; docs/agencies.md): a line of
 * a new code creates the agency (with the default publication channels), a line of an existing
 * code changes its name, parent, kind, level and the contact fields it gives. Parents may come
 * later in the file or exist already. Every line is read and the tree planned
 * (domain/agencies/tree-import.ts) before anything is written: a file with any problem writes
 * nothing, and the refusal names each line and field. One transaction, one `agencies.tree_imported`
 * event (the codes created and changed; the installation's, subject the tree).
 */
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { planTreeImport } from '../../domain/agencies/tree-import.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { assertTreeAdmin, lockedTree, type TreeActor } from './agency-tree-kit.ts';
import { insertDefaultChannels } from './default-channels.ts';
import { readTreeLine, type TreeFileLine } from './tree-lines.ts';

/** A file's problems past this many are counted, not listed. */
const SHOWN_PROBLEMS = 50;

type Line = TreeFileLine & { line: number; parent: string | null };

/** The refusal of a file: every problem with its line and field, the first few in the message. */
function fileRefusal(problems: Array<{ line: number; field: string; message: string }>): AppError {
  const details = problems.slice(0, SHOWN_PROBLEMS).map((p) => ({
    field: `第${p.line}行.${p.field}`,
    message: `第 ${p.line} 行，字段 ${p.field}：${p.message}`,
  }));
  const more = problems.length > SHOWN_PROBLEMS ? `（只列出前 ${SHOWN_PROBLEMS} 处）` : '';
  const first = details
    .slice(0, 3)
    .map((d) => d.message)
    .join('；');
  return new AppError(
    'validation',
    `机关树文件有 ${problems.length} 处错误，未导入任何机关${more}：${first}${problems.length > 3 ? '……' : ''}`,
    details,
  );
}

/** Reads every line of the text; the lines, or the refusal of the file. */
function readLines(content: string): Line[] {
  const lines: Line[] = [];
  const problems: Array<{ line: number; field: string; message: string }> = [];
  content.split(/\r?\n/).forEach((text, index) => {
    if (text.trim() === '') return;
    const read = readTreeLine(text);
    if (read.ok) lines.push({ ...read.value, line: index + 1, parent: read.value.parent ?? null });
    else for (const issue of read.issues) problems.push({ line: index + 1, ...issue });
  });
  if (problems.length > 0) throw fileRefusal(problems);
  if (lines.length === 0)
    throw new AppError('validation', '文件里没有机关：每行写一个机关', [
      { field: 'content', message: '文件里没有机关：每行写一个机关' },
    ]);
  return lines;
}

/** Imports the tree; how many agencies were created and changed. */
export async function importAgencyTree(
  ctx: CommandContext<TreeActor>,
  input: { content: string; source?: string },
): Promise<{ created: number; changed: number }> {
  assertTreeAdmin(ctx.actor);
  const lines = readLines(input.content);
  const at = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const rows = await lockedTree(trx, ctx.db.dialect);
    const plan = planTreeImport(rows, lines);
    if (!plan.ok) throw fileRefusal(plan.problems);
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    const created: string[] = [];
    const changed: string[] = [];
    for (const line of plan.order) {
      const parentId = line.parent === null ? null : (ids.get(line.parent) ?? null);
      const contact = {
        ...(line.address === undefined ? {} : { address: line.address }),
        ...(line.postcode === undefined ? {} : { postcode: line.postcode }),
        ...(line.phone === undefined ? {} : { phone: line.phone }),
        ...(line.website === undefined ? {} : { website: line.website }),
        ...(line.office === undefined ? {} : { office: line.office }),
      };
      const existing = rows.find((r) => r.code === line.code);
      if (existing) {
        await trx
          .updateTable('agencies')
          .set({
            ...{ name: line.name, short_name: line.shortName || line.name, parent_id: parentId },
            ...(line.kind === undefined ? {} : { kind: line.kind }),
            ...(line.level === undefined ? {} : { level: line.level }),
            ...contact,
          })
          .where('id', '=', existing.id)
          .execute();
        changed.push(line.code);
        continue;
      }
      const { id } = await trx
        .insertInto('agencies')
        .values({
          ...{
            code: line.code,
            name: line.name,
            short_name: line.shortName || line.name,
            parent_id: parentId,
          },
          ...{
            kind: line.kind ?? 'department',
            level: line.level ?? '',
            address: '',
            postcode: '',
            phone: '',
          },
          ...{ website: '', website_name: '', office: '', created_at: at.toISOString() },
          ...contact,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(line.code, id);
      await insertDefaultChannels(trx, id);
      created.push(line.code);
    }
    await appendEvent(trx, {
      name: 'agencies.tree_imported',
      subject: { type: 'agency_tree', id: 'installation' },
      agency: null,
      actor: ctx.actor.username,
      at,
      data: { source: input.source ?? null, lines: lines.length, created, changed },
    });
    return { created: created.length, changed: changed.length };
  });
}
