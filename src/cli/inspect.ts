/**
 * `gongkai inspect --agency CODE | --all [--today D] [--links [--external]] [--format json|text]`: the day's self-inspection
 * (网站自查, issue 15, docs/inspection.md) of one agency or of every agency — each indicator with its
 * value, threshold and state — stored as the day's results (a re-run replaces them; an event
 * `inspection.run` each), run as the machine's operator (`cli:$USER`), as `gongkai calendar`.
 * With `--links`, each agency's links are checked first (死链: its portal crawled in-process, a
 * server built here; external links too with `--external` or GONGKAI_LINKS_EXTERNAL=1), so the day's
 * `links.dead` is today's. Exit 1 when any 单项否决 indicator tripped (for `--all`: in any agency), else 0.
 *
 * `gongkai inspect --evidence --agency CODE --from D --to D --out F.pdf|F.xlsx`: the evidence pack of
 * the stored results over the period (docs/inspection.md “Evidence pack”); prints its digest; exit 0.
 */
import { writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { checkLinks } from '../commands/inspection/check-links.ts';
import { activeAgencies } from '../commands/inspection/daily-inspection.ts';
import { forEachAgency } from '../commands/inspection/each-agency.ts';
import { runInspection } from '../commands/inspection/run-inspection.ts';
import type { Inspection } from '../contract/inspection.ts';
import type { Db } from '../db/connection.ts';
import { isIsoDate } from '../domain/dates.ts';
import { COLUMN_CLASS_LABELS } from '../domain/inspection/column-classes.ts';
import { periodRefusal } from '../domain/inspection/evidence.ts';
import { fileStoreFromEnv } from '../files/files-config.ts';
import { portalRequester } from '../links/portal-request.ts';
import { linkCheckSettings } from '../links/settings.ts';
import { closePdfBrowser } from '../render/pdf.ts';
import { buildServer } from '../server/app.ts';
import { inspectionJson } from '../server/presenters/inspection.ts';
import { evidenceFile } from '../server/presenters/inspection-evidence.ts';
import { cliActor } from './calendar.ts';
import { cliAgency, cliContext } from './command-context.ts';
import { type CliIo, flags, printJson, UsageError } from './io.ts';

const USAGE =
  'gongkai inspect --agency CODE | --all [--today YYYY-MM-DD] [--links [--external]] [--format json|text]';
const EVIDENCE_USAGE =
  'gongkai inspect --evidence --agency CODE --from YYYY-MM-DD --to YYYY-MM-DD --out 文件.pdf|文件.xlsx';

/** `--evidence`: the pack of the agency's stored results over the period, written to --out. */
async function evidenceCommand(
  io: CliIo,
  db: Db,
  values: { agency?: string; from?: string; to?: string; out?: string },
): Promise<number> {
  const { agency: code, from, to, out } = values;
  if (!code || !from || !to || !out) throw new UsageError(`用法：${EVIDENCE_USAGE}`);
  for (const [flag, value] of [
    ['--from', from],
    ['--to', to],
  ] as const)
    if (!isIsoDate(value)) throw new UsageError(`${flag} 应为日期 YYYY-MM-DD，收到“${value}”`);
  const refusal = periodRefusal(from, to);
  if (refusal) throw new UsageError(`--${refusal.field}：${refusal.message}`);
  const format = out.toLowerCase().endsWith('.pdf')
    ? 'pdf'
    : out.toLowerCase().endsWith('.xlsx')
      ? 'xlsx'
      : null;
  if (!format) throw new UsageError(`--out 应以 .pdf 或 .xlsx 结尾，收到“${out}”`);
  const agency = await cliAgency(db, code, EVIDENCE_USAGE);
  try {
    const file = await evidenceFile(db, {
      agencies: [agency],
      subtree: false,
      from,
      to,
      format,
      now: cliContext(db, cliActor(io)).clock.now(),
    });
    writeFileSync(out, file.body);
    io.stdout.write(
      `已写入 ${out}：${agency.name} ${from} 至 ${to}，${file.pack.rows.length} 条自查结果；数据摘要（SHA-256）${file.pack.digest}\n`,
    );
    return 0;
  } finally {
    await closePdfBrowser();
  }
}

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
  for (const a of details.accounts ?? [])
    lines.push(
      `${a.platformLabel}“${a.name}”：${a.lastPostedOn ? `最近发布 ${a.lastPostedOn}` : '开设以来尚未发布'}，已 ${a.days} 天未更新${a.daysToVeto > 0 ? `（${a.daysToVeto} 天后单项否决）` : ''}`,
    );
  if (details.checkedOn !== undefined)
    lines.push(
      details.checkedOn ? `链接检查日期：${details.checkedOn}` : '尚未检查链接（gongkai inspect --links）',
    );
  for (const link of details.links ?? [])
    lines.push(
      `${link.url}：${link.reason}；所在页面：${link.pages.join('、') || '（起始页）'}；首次发现 ${link.firstSeen}`,
    );
  for (const e of details.entries ?? []) {
    const when =
      e.daysLeft === null || e.dueOn === null
        ? ''
        : e.daysLeft < 0
          ? `应于 ${e.dueOn} 前公开，已超期 ${-e.daysLeft} 天`
          : `须于 ${e.dueOn} 前公开（还有 ${e.daysLeft} 天）`;
    const last = e.lastPublishedOn ? `，对应栏目最近发布 ${e.lastPublishedOn}` : '，对应栏目本期未发布';
    lines.push(`${e.title}（公开时限：${e.deadline}）：${when}${last}`);
  }
  if (details.catalog)
    lines.push(
      `标准目录共 ${details.catalog.entries} 项，其中不按日期检查 ${details.catalog.unchecked} 项、未对应栏目 ${details.catalog.unmapped} 项`,
    );
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

/** Today's link check of one agency, through `server`'s portal in-process. */
async function checkAgencyLinks(
  ctx: Parameters<typeof checkLinks>[0],
  server: FastifyInstance,
  db: Db,
  agency: { id: number; code: string },
  external: boolean,
): Promise<void> {
  const settings = linkCheckSettings(process.env);
  await checkLinks(ctx, {
    agencyId: agency.id,
    agencyCode: agency.code,
    portal: portalRequester(server),
    files: fileStoreFromEnv(process.env, db),
    settings: { ...settings, external: settings.external || external },
  });
}

export async function inspectCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, {
    agency: { type: 'string' },
    all: { type: 'boolean' },
    today: { type: 'string' },
    format: { type: 'string' },
    links: { type: 'boolean' },
    external: { type: 'boolean' },
    evidence: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.evidence && positionals.length === 0 && !values.all) return evidenceCommand(io, db, values);
  if (values.evidence) throw new UsageError(`用法：${EVIDENCE_USAGE}`);
  if (positionals.length > 0 || Boolean(values.agency) === Boolean(values.all))
    throw new UsageError(`用法：${USAGE}（--agency 与 --all 二选一）`);
  const format = values.format ?? 'text';
  if (format !== 'json' && format !== 'text')
    throw new UsageError(`--format 应为 json 或 text，收到“${format}”`);
  if (values.today !== undefined && !isIsoDate(values.today))
    throw new UsageError(`--today 应为日期 YYYY-MM-DD，收到“${values.today}”`);
  // --all: every agency not retired, as the server's daily run (commands/inspection/daily-inspection.ts)
  const agencies = values.agency ? [await cliAgency(db, values.agency, USAGE)] : await activeAgencies({ db });
  if (values.external && !values.links) throw new UsageError('--external 须与 --links 同用');
  if (values.links && values.today !== undefined)
    throw new UsageError('--links 检查的是今天的链接，不能与 --today 同用');
  const ctx = cliContext(db, cliActor(io));
  const server: FastifyInstance | null = values.links ? await buildServer({ db }) : null;
  let runs: Array<{ agency: string; name: string } & Inspection>;
  try {
    // each agency its own transaction; a few side by side on PostgreSQL (commands/inspection/each-agency.ts)
    runs = await forEachAgency(db, agencies, async (agency) => {
      if (server) await checkAgencyLinks(ctx, server, db, agency, values.external === true);
      const run = await runInspection(ctx, { agencyId: agency.id, day: values.today });
      return { agency: agency.code, name: agency.name, ...inspectionJson({ ...run, stored: true }) };
    });
  } finally {
    await server?.close();
  }
  if (format === 'json') printJson(io, values.all ? runs : runs[0]);
  else
    for (const run of runs) {
      const { agency: _, name, ...inspection } = run;
      printText(io, name, inspection);
    }
  return runs.some((r) => r.vetoed) ? 1 : 0;
}
