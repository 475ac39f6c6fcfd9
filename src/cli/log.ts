import type { Db } from '../db/connection.ts';
import { loadActorNames } from '../db/queries/actor-names.ts';
import { listEvents } from '../db/queries/events.ts';
import { isIsoDate } from '../domain/dates.ts';
import { chinaDayEnd, chinaDayStart, eventLine } from '../domain/events/summary.ts';
import { cliAgency } from './command-context.ts';
import { type CliIo, flags, UsageError } from './io.ts';

const USAGE =
  'gongkai log --agency CODE [--actor 用户名] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--name 类别或事件名] [--limit N]';

function dayOf(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} 应为日期 YYYY-MM-DD，收到“${value}”`);
  return value;
}

/**
 * `gongkai log --agency CODE [--actor U] [--since DATE] [--until DATE] [--name PREFIX] [--limit N]`:
 * who did what, when, in an agency — one line per event, newest first (time in China, actor, what,
 * of what, summary), tab-separated.
 */
export async function logCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, {
    agency: { type: 'string' },
    actor: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    name: { type: 'string' },
    limit: { type: 'string' },
  });
  if (positionals.length > 0 || !values.agency) throw new UsageError(`用法：${USAGE}`);
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new UsageError(`--limit 应为 1–10000 的整数，收到“${values.limit}”`);
  const agency = await cliAgency(db, values.agency, USAGE);
  const since = dayOf(values.since, '--since');
  const until = dayOf(values.until, '--until');
  const page = await listEvents(db, {
    agencyId: agency.id,
    actor: values.actor,
    name: values.name,
    from: since ? chinaDayStart(since) : undefined,
    to: until ? chinaDayEnd(until) : undefined,
    limit,
  });
  const names = await loadActorNames(
    db,
    page.events.map((e) => e.actor),
  );
  // who, by name (姓名); `--actor` still takes the username
  for (const event of page.events) io.stdout.write(`${eventLine({ ...event, actor: names(event.actor) })}\n`);
  return 0;
}
