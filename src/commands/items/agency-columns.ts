/**
 * The agency's own sub-columns of its 法定主动公开目录 (e.g. under 第二十条（七）: 部门预算, 部门决算,
 * 三公经费): added, renamed, reordered and removed by an agency administrator; each change is an
 * event of the agency's audit trail.
 */
import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isStatutoryCategory } from '../../domain/items/categories.ts';
import { catalogueRefusal } from '../../domain/items/policy.ts';
import { AppError } from '../../errors.ts';
import type { Actor, CommandContext, Trx } from '../context.ts';

export interface AgencyColumnInput {
  agencyId: number;
  /** a short code, e.g. `budget` */
  code: string;
  name: string;
  category: string;
  sort: number;
}

export interface AgencyColumn {
  code: string;
  name: string;
  category: string;
  sort: number;
}

/** Agency administrators configure the catalogue; anyone else is refused. */
export function requireAgencyAdmin(actor: Actor, what: string): void {
  const refusal = catalogueRefusal(actor, what);
  if (refusal) throw new AppError('forbidden', refusal);
}

/** Maps a write conflict (two administrators at once; a deadlock or serialization failure) to 409. */
export function settingsConflict(error: unknown): never {
  return rethrowConflict(error, '本机关的设置刚被其他人修改，请刷新后重试。');
}

/** Appends an event of the agency's settings (`settings.<type>`) to the event log. */
export async function auditEvent(
  trx: Trx,
  entry: { agencyId: number; subjectType: string; subjectId: string; type: string; actor: string; now: Date },
  data: Record<string, unknown>,
): Promise<void> {
  await appendEvent(trx, {
    name: `settings.${entry.type}`,
    subject: { type: entry.subjectType, id: entry.subjectId },
    agency: entry.agencyId,
    actor: entry.actor,
    at: entry.now,
    data,
  });
}

/** Adds a column or changes one (name, category, order); the change is recorded before → after. */
export async function saveAgencyColumn(ctx: CommandContext, input: AgencyColumnInput): Promise<AgencyColumn> {
  requireAgencyAdmin(ctx.actor, '设置公开目录栏目');
  const name = input.name.trim();
  if (!/^[a-z0-9][a-z0-9_-]{0,31}$/.test(input.code)) {
    throw new AppError('validation', '栏目代码只能包含小写字母、数字、- 和 _，最长 32 个字符。');
  }
  if (!name) throw new AppError('validation', '请填写栏目名称。');
  if (!isStatutoryCategory(input.category)) {
    throw new AppError('validation', '栏目所属法定类别应为 a20.1–a20.15 或 other。');
  }
  const column = { code: input.code, name, category: input.category, sort: input.sort };
  return inTransaction(ctx.db, async (trx) => {
    const before = await findColumn(trx, input.agencyId, input.code);
    if (before && before.category !== column.category) await refuseIfUsed(trx, input.agencyId, input.code);
    if (before) {
      await trx
        .updateTable('agency_columns')
        .set({ name, category: column.category, sort: column.sort })
        .where('agency_id', '=', input.agencyId)
        .where('code', '=', input.code)
        .execute();
    } else {
      await trx
        .insertInto('agency_columns')
        .values({ agency_id: input.agencyId, ...column })
        .execute();
    }
    const entry = { agencyId: input.agencyId, subjectType: 'agency_column', subjectId: input.code };
    await auditEvent(
      trx,
      {
        ...entry,
        type: before ? 'column_changed' : 'column_added',
        actor: ctx.actor.username,
        now: ctx.clock.now(),
      },
      { before: before ?? null, after: column },
    );
    return column;
  }).catch(settingsConflict);
}

/** A column of the agency's catalogue as stored, or undefined. */
function findColumn(trx: Trx, agencyId: number, code: string) {
  return trx
    .selectFrom('agency_columns')
    .select(['code', 'name', 'category', 'sort'])
    .where('agency_id', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Removes a column no item is filed under. */
export async function deleteAgencyColumn(
  ctx: CommandContext,
  input: { agencyId: number; code: string },
): Promise<void> {
  requireAgencyAdmin(ctx.actor, '删除公开目录栏目');
  await inTransaction(ctx.db, async (trx) => {
    const before = await findColumn(trx, input.agencyId, input.code);
    if (!before) throw new AppError('not_found', `未找到栏目“${input.code}”。`);
    await refuseIfUsed(trx, input.agencyId, input.code);
    await trx
      .deleteFrom('agency_columns')
      .where('agency_id', '=', input.agencyId)
      .where('code', '=', input.code)
      .execute();
    const entry = { agencyId: input.agencyId, subjectType: 'agency_column', subjectId: input.code };
    await auditEvent(
      trx,
      { ...entry, type: 'column_removed', actor: ctx.actor.username, now: ctx.clock.now() },
      { before, after: null },
    );
  }).catch(settingsConflict);
}

async function refuseIfUsed(trx: Trx, agencyId: number, code: string): Promise<void> {
  const used = await trx
    .selectFrom('items')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('column_code', '=', code)
    .executeTakeFirst();
  if (used) {
    throw new AppError('validation', `栏目“${code}”下已有信息，请先将这些信息移到其他栏目。`);
  }
}
