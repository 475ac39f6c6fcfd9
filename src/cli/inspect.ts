/**
 * `gongkai inspect --agency CODE | --all [--today D] [--format json|text]`: the day's self-inspection
 * (网站自查, issue 15, docs/inspection.md) of one agency or of every agency — each indicator with its
 * value, threshold and state — stored as the day's results (a re-run replaces them; an event
 * `inspection.run` each), run as the machine's operator (`cli:$USER`), as `gongkai calendar`.
 * Exit 1 when any 单项否决 indicator tripped (for `--all`: in any agency), else 0.
 */
import { runInspection } from '../commands/inspection/run-inspection.ts';
import type { Inspection } from '../contract/inspection.ts';
import type { Db } from '../db/connection.ts';
import { isIsoDate } from '../domain/dates.ts';
import { COLUMN_CLASS_LABELS } from '../domain/inspection/column-classes.ts';
import { inspectionJson } from '../server/presenters/inspection.ts';
import { cliActor } from './calendar.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, flags, printJson, UsageError } from './io.ts';

/** Agencies inspected side by side on PostgreSQL (its pool holds 10 connections; the machine has few cores). */
const INSPECTIONS_AT_ONCE = 4;

const USAGE = 'gongkai inspect --agency CODE | --all [--today YYYY-MM-DD] [--format json|text]';

/** A value with its unit, or 无 when there is none (no item ever published, no policy this year). */
function valueText(i: Inspection['indicators'][number]): string {
  return i.value === null ? '无' : `${i.value}${i.unit}`;
}

/** One finding line under an indicator, in Chinese. */
function findingLines(i: Inspection['indicators'][number]): string[] {
  const { details } = i;
  const lines: string[] = [];
  if (details.lastPublishedOn !== undefined)
    lines.push(details.lastPublishedOn ? `最近一次发布：${details.lastPublishedOn}` : '尚未发布任何信息');
  for (const c of details.columns ?? []) {
    const label = `${c.name}（${COLUMN_CLASS_LABELS[c.columnClass]}）`;
    if (c.freshUntil === null || c.daysLeft === null) lines.push(`${label}：无信息，也没有备注说明`);
    else if (c.daysLeft < 0)
      lines.push(
        `${label}：最近更新 ${c.lastPublishedOn}，应于 ${c.freshUntil} 前更新，已超期 ${-c.daysLeft} 天`,
      );
    else
      lines.push(
        `${label}：最近更新 ${c.lastPublishedOn}，须于 ${c.freshUntil} 前更新（还有 ${c.daysLeft} 天）`,
      );
  }
  for (const item of details.items ?? []) lines.push(`${item.title}（信息 ${item.id}）`);
  for (const y of details.years ?? [])
    lines.push(
      `${y.year}年：规范性文件 ${y.policies} 件，已解读 ${y.interpreted} 件${y.ratio === null ? '' : `（${y.ratio}%）`}`,
    );
  return lines;
}

function printText(io: CliIo, agencyName: string, inspection: Inspection): void {
  const vetoes = inspection.indicators.filter((i) => i.veto && i.state === 'failed').length;
  const verdict = inspection.vetoed ? `不合格（单项否决 ${vetoes} 项）` : '未触发单项否决';
  io.stdout.write(`${agencyName} 网站自查 ${inspection.day}：${verdict}\n`);
  for (const i of inspection.indicators) {
    const veto = i.veto ? '（单项否决）' : '';
    io.stdout.write(`[${i.stateLabel}] ${i.name}${veto}：${valueText(i)}；阈值：${i.thresholdLabel}\n`);
    for (const line of findingLines(i)) io.stdout.write(`    · ${line}\n`);
  }
}

export async function inspectCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, {
    agency: { type: 'string' },
    all: { type: 'boolean' },
    today: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length > 0 || Boolean(values.agency) === Boolean(values.all))
    throw new UsageError(`用法：${USAGE}（--agency 与 --all 二选一）`);
  const format = values.format ?? 'text';
  if (format !== 'json' && format !== 'text')
    throw new UsageError(`--format 应为 json 或 text，收到“${format}”`);
  if (values.today !== undefined && !isIsoDate(values.today))
    throw new UsageError(`--today 应为日期 YYYY-MM-DD，收到“${values.today}”`);
  let query = db.kysely.selectFrom('agencies').select(['id', 'code', 'name']).orderBy('code');
  if (values.agency) query = query.where('code', '=', values.agency);
  const agencies = await query.execute();
  if (agencies.length === 0 && values.agency)
    throw new UsageError(`未找到机关代码为 ${values.agency} 的机关`);
  const ctx = cliContext(db, cliActor(io));
  const runs: Array<{ agency: string; name: string } & Inspection> = new Array(agencies.length);
  // each agency its own transaction; on PostgreSQL a few side by side (within the pool), SQLite one at a time
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < agencies.length; i = next++) {
      const agency = agencies[i] as (typeof agencies)[number];
      const run = await runInspection(ctx, { agencyId: agency.id, day: values.today });
      runs[i] = { agency: agency.code, name: agency.name, ...inspectionJson({ ...run, stored: true }) };
    }
  };
  await Promise.all(Array.from({ length: db.dialect === 'postgres' ? INSPECTIONS_AT_ONCE : 1 }, worker));
  if (format === 'json') printJson(io, values.all ? runs : runs[0]);
  else
    for (const run of runs) {
      const { agency: _, name, ...inspection } = run;
      printText(io, name, inspection);
    }
  return runs.some((r) => r.vetoed) ? 1 : 0;
}
