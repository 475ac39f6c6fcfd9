/**
 * `gongkai request withheld-review` (a year's list of information withheld under 条例 第十六条, with
 * its decisions and summary) and `gongkai request withheld-decide` (a decision: 继续不予公开 or 转为公开),
 * through the same commands as the API. 条例 第十八条：“行政机关应当建立健全政府信息管理动态调整机制，
 * 对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开。”
 */

import type { CommandContext } from '../commands/context.ts';
import { readWithheldReview } from '../commands/requests/read-withheld-review.ts';
import { reviewWithheld } from '../commands/requests/review-withheld.ts';
import type { WithheldReviewEntryView, WithheldReviewList } from '../contract/withheld-reviews.ts';
import type { Db } from '../db/connection.ts';
import { todayInChina } from '../domain/dates.ts';
import { WITHHELD_REVIEW_DECISION_LABELS } from '../domain/requests/withheld-review.ts';
import { UsageError } from './io.ts';

/** The flags these subcommands read. */
export interface WithheldFlags {
  year?: string;
  part?: string;
  decision?: string;
  reason?: string;
  replaces?: string;
  category?: string;
  format?: string;
}

function year(flags: WithheldFlags): number {
  if (!flags.year || !/^\d{4}$/.test(flags.year))
    throw new UsageError('缺少 --year：请写审查年度（四位年份，如 2025）');
  return Number(flags.year);
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} 应为整数`);
  return Number(value);
}

/** The year's list: as text (a summary line, then each entry) or as the API's JSON. */
export async function withheldReviewList(db: Db, agencyId: number, flags: WithheldFlags): Promise<string> {
  const list = await readWithheldReview(db.kysely, agencyId, year(flags));
  if (flags.format === 'json') return `${JSON.stringify(list, null, 2)}\n`;
  if (flags.format !== undefined && flags.format !== 'text')
    throw new UsageError('--format 应为 text 或 json');
  return listText(list);
}

/** One decision; prints the entry as it stands after it. */
export async function withheldDecide(
  ctx: CommandContext,
  agencyId: number,
  requestId: string | undefined,
  flags: WithheldFlags,
): Promise<string> {
  const id = integer(requestId, '申请编号');
  if (id === undefined)
    throw new UsageError(
      '缺少申请编号：gongkai request withheld-decide … ID --decision kept|disclosed --reason …',
    );
  const entry = await reviewWithheld(ctx, {
    agencyId,
    year: year(flags),
    body: {
      requestId: id,
      part: integer(flags.part, '--part') ?? 0,
      decision: flags.decision,
      reason: flags.reason,
      replaces: integer(flags.replaces, '--replaces') ?? null,
      ...(flags.category ? { category: flags.category } : {}),
    },
  });
  const opened = entry.openedItem
    ? `已起草待公开信息 ${entry.openedItem.id}（${entry.openedItem.statusLabel}）：请在“主动公开”中补充正文，送保密审查后发布。\n`
    : '';
  return `${entryText(entry)}${opened}`;
}

function listText(list: WithheldReviewList): string {
  const s = list.summary;
  const head =
    `${list.year} 年度不予公开信息定期评估审查（条例第十八条）：共 ${s.total} 项，已审查 ${s.reviewed} 项` +
    `（继续不予公开 ${s.kept} 项，转为公开 ${s.disclosed} 项），待审查 ${s.pending} 项。\n`;
  if (list.entries.length === 0) return `${head}本年度没有依条例第十六条不予公开、需要审查的信息。\n`;
  return `${head}\n${list.entries.map(entryText).join('\n')}`;
}

function entryText(e: WithheldReviewEntryView): string {
  const part = e.part === 0 ? '' : `，逐项答复的第 ${e.part} 项（--part ${e.part}）`;
  const lines = [
    `[${e.statusLabel}] ${e.caseNo}（申请 ${e.requestId}${part}），${e.decidedOn} 答复`,
    `    信息：${e.description}`,
    ...(e.withheldPart ? [`    不予公开部分：${e.withheldPart}`] : []),
    `    依据：${e.basis}`,
    ...(e.previous
      ? [
          `    上一次审查（${e.previous.year} 年度）：${WITHHELD_REVIEW_DECISION_LABELS[e.previous.decision]}。${e.previous.reason}`,
        ]
      : []),
    ...e.history.map(
      (r) =>
        `    本年度决定 ${r.id}${r.seq > 1 ? '（更正）' : ''}：${WITHHELD_REVIEW_DECISION_LABELS[r.decision]}。${r.reason}` +
        `（${r.actorName}，${todayInChina(new Date(r.recordedAt))}${r.itemId ? `，待公开信息 ${r.itemId}` : ''}）`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
