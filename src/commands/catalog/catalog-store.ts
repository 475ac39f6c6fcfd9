/** What the 标准目录 commands share: who may, the field checks, a row's values, the event. */
import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent } from '../../db/events.ts';
import { catalogColumnChoices } from '../../db/queries/catalog.ts';
import { can, roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import { parseDeadline } from '../../domain/catalog/deadline.ts';
import { type CatalogEntryFields, entryProblems, type FieldProblem } from '../../domain/catalog/entry.ts';
import { CATALOG_POLICY } from '../../domain/catalog/policy.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Reader, TrxContext } from '../context.ts';

/** The agency's 机关管理员 keeps the catalogue (and the machine's operator, through `gongkai catalog`). */
export function requireManager(actor: Pick<Actor, 'roles'> & { platformAdmin?: boolean }): void {
  if (actor.platformAdmin || can(CATALOG_POLICY, actor, 'manage')) return;
  throw new AppError('forbidden', roleRefusal('维护公开事项标准目录', rolesNeeded(CATALOG_POLICY, 'manage')));
}

/** The keys of the columns an entry of the agency may map to. */
export async function knownColumnKeys(db: Reader, agencyId: number): Promise<Set<string>> {
  return new Set((await catalogColumnChoices(db, agencyId)).map((c) => c.key));
}

/** Refuses with every problem, each on its field; nothing is written. */
export function refuseProblems(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError(
    'validation',
    `输入有误（${problems.map((p) => p.message).join('；')}），请修改后重试。`,
    [...problems],
  );
}

/** The checked fields → the row's columns (the 公开时限 parsed into its rule). */
export function entryRow(fields: CatalogEntryFields, knownColumns: ReadonlySet<string>) {
  const clean: CatalogEntryFields = {
    ...fields,
    levels: [...new Set(fields.levels.map((l) => l.trim()))],
    audience: [...new Set(fields.audience)],
    manner: [...new Set(fields.manner)],
    columns: [...new Set(fields.columns)],
  };
  refuseProblems(entryProblems(clean, knownColumns));
  return {
    seq: clean.seq,
    domain: clean.domain,
    level1: clean.level1,
    level2: clean.level2,
    content: clean.content,
    basis: clean.basis,
    deadline: clean.deadline,
    deadline_rule: JSON.stringify(parseDeadline(clean.deadline)),
    subject: clean.subject,
    channels: clean.channels,
    audience: JSON.stringify(clean.audience),
    manner: JSON.stringify(clean.manner),
    levels: JSON.stringify(clean.levels),
    columns: JSON.stringify(clean.columns),
  };
}

/** Appends a catalogue event (who, when, what) to the event log. */
export async function appendCatalogEvent(
  ctx: TrxContext<Pick<Actor, 'username'>>,
  event: {
    agencyId: number;
    subject: { type: 'catalog_entry' | 'catalog'; id: number | string };
    name: string;
    data: Record<string, unknown>;
  },
): Promise<number> {
  return appendEvent(ctx.trx, {
    name: event.name,
    subject: event.subject,
    agency: event.agencyId,
    actor: ctx.actor.username,
    at: ctx.clock.now(),
    data: event.data,
  });
}

/** Maps a write conflict to this store's 409; rethrows anything else. */
export function conflictOr(error: unknown): never {
  return rethrowConflict(error, '标准目录刚被其他人变更，请刷新后重试。');
}
