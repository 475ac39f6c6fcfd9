/**
 * The command context of a CLI run (commands/context.ts): the named user as the database holds
 * them (a disabled or unknown user, or one without a role in the agency, is refused), the machine's
 * clock, the installation's calendar and a silent log (the CLI prints its own results).
 */
import { loadActor, loadAgency } from '../accounts/load-actor.ts';
import { createCalendarService } from '../calendar/calendar-service.ts';
import type { CommandContext } from '../commands/context.ts';
import { silentLog, systemClock } from '../commands/context.ts';
import type { Db } from '../db/connection.ts';
import { type AgencyActor, actorIn, worksIn } from '../domain/accounts/actor.ts';
import { UsageError } from './io.ts';

/** A context with the system as actor (demo loading, imports run by the operator of the machine). */
export function cliContext<A>(db: Db, actor: A): CommandContext<A> {
  return { db, actor, clock: systemClock, calendar: createCalendarService(db), log: silentLog };
}

/**
 * The agency named by `--agency CODE`: refused in Chinese when the flag is missing (with the
 * command's usage) or no agency has that code.
 */
export async function cliAgency(
  db: Db,
  code: string | undefined,
  usage: string,
): Promise<{ id: number; code: string; name: string }> {
  if (!code) throw new UsageError(`缺少 --agency：请写机关代码。用法：${usage}`);
  const agency = await db.kysely
    .selectFrom('agencies')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!agency) throw new UsageError(`未找到机关代码为 ${code} 的机关`);
  return agency;
}

/** The agency of `--agency` and the context of `--user` working in it. */
export async function cliAgencyContext(
  db: Db,
  agencyCode: string,
  username: string | undefined,
): Promise<{ agencyId: number; ctx: CommandContext<AgencyActor> }> {
  if (!username) throw new UsageError('缺少 --user：请写办理人的用户名，如 --user lingang-operator');
  const agency = await loadAgency(db, agencyCode);
  const actor = await loadActor(db, username);
  if (!worksIn(actor, agency))
    throw new UsageError(`用户 ${username} 无权办理该机关的事务（不存在、已停用或在该机关没有角色）`);
  return { agencyId: agency.id, ctx: cliContext(db, actorIn(actor, agency)) };
}
