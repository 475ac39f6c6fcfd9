/**
 * `gongkai request proposals|include|decline|suggest` (条例 第四十四条): the year's proposals to
 * publish proactively as text (or JSON), 纳入 (a draft item), 不纳入 with a reason, and an applicant's
 * suggestion recorded on a case — through the API's commands, so the CLI refuses as the API does.
 */

import type { CommandContext } from '../commands/context.ts';
import { declineProposal } from '../commands/requests/decline-proposal.ts';
import { includeProposal } from '../commands/requests/include-proposal.ts';
import { recordPublishSuggestion } from '../commands/requests/record-publish-suggestion.ts';
import { PROPOSAL_STATUSES } from '../contract/proposals.ts';
import type { Db } from '../db/connection.ts';
import { listProposals } from '../db/queries/publication-proposals.ts';
import { isStatutoryCategory, STATUTORY_CATEGORY_LABELS } from '../domain/items/categories.ts';
import { ITEM_STATE_LABELS, type ItemState } from '../domain/items/state-machine.ts';
import { OUTCOME_LABELS } from '../domain/report/vocabulary.ts';
import type { ProposalStatus } from '../domain/requests/proposals/proposals.ts';
import { UsageError } from './io.ts';

export const PROPOSAL_USAGE = `gongkai request proposals --agency CODE --user USER [--year YYYY] [--status open|included|not_included] [--format text|json]
gongkai request include --agency CODE --user USER --year YYYY --category a20.N [--title 标题] ID,ID,…
gongkai request decline --agency CODE --user USER --year YYYY --reason 理由 ID,ID,…
gongkai request suggest --agency CODE --user USER ID --reasons public_interest,wide_awareness,public_participation [--note 说明]`;

export interface ProposalFlags {
  year?: string;
  status?: string;
  format?: string;
  category?: string;
  title?: string;
  reason?: string;
  reasons?: string;
  note?: string;
}

const STATUS_LABELS: Record<ProposalStatus, string> = {
  open: '待审核',
  included: '已纳入',
  not_included: '不纳入',
};

function yearOf(flag: string | undefined, today: string): number {
  if (flag === undefined) return Number(today.slice(0, 4));
  if (!/^\d{4}$/.test(flag)) throw new UsageError('--year 应为四位数字的年份，如 2025');
  return Number(flag);
}

function idsOf(arg: string | undefined): number[] {
  if (!arg || !/^\d+(,\d+)*$/.test(arg))
    throw new UsageError(`缺少申请编号（以逗号分隔，如 3,7）。用法：\n${PROPOSAL_USAGE}`);
  return arg.split(',').map(Number);
}

type Listed = Awaited<ReturnType<typeof listProposals>>;

/** The proposals as lines a person reads. */
export function proposalsText(listed: Listed): string {
  const { year, proposals, counts } = listed;
  const lines = [
    `${year} 年纳入主动公开建议（条例第四十四条）：待审核 ${counts.open} 项，已纳入 ${counts.included} 项，不纳入 ${counts.notIncluded} 项`,
  ];
  for (const p of proposals) {
    const kind = p.kind === 'suggestion' ? '申请人建议' : `${p.applicants} 个申请人申请相同信息`;
    lines.push('', `【${STATUS_LABELS[p.status]}】${p.title}（${kind}；申请 ${p.key}）`);
    if (p.alreadyPublished) lines.push('  注意：其中有申请答复为“已主动公开”。');
    for (const r of p.requests) {
      // “（一）予以公开” → “予以公开”: the line puts it in brackets of its own
      const outcome = r.outcome
        ? (OUTCOME_LABELS[r.outcome as keyof typeof OUTCOME_LABELS] ?? r.outcome).replace(/^（[^）]*）/u, '')
        : '未办结';
      const suggestion = r.suggestion ? `；建议纳入主动公开：${r.suggestion.reasonLabels.join('、')}` : '';
      lines.push(
        `  ${r.id} ${r.registrationNo ?? ''} ${r.receivedOn} ${r.applicantName}：${r.information}（${outcome}${suggestion}）`,
      );
    }
    for (const item of p.items) {
      const state = ITEM_STATE_LABELS[item.status as ItemState] ?? item.status;
      lines.push(`  已起草信息 ${item.id}：${item.title}（${state}）`);
    }
    if (p.decision?.result === 'not_included')
      lines.push(`  不纳入理由：${p.decision.reason}（${p.decision.actorName}）`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs one of the proposal subcommands; returns what to print (text or a value for JSON). */
export async function proposalCommand(
  sub: string,
  db: Db,
  ctx: CommandContext,
  agencyId: number,
  values: ProposalFlags,
  positionals: string[],
): Promise<{ text: string } | { json: unknown }> {
  const today = ctx.clock.today();
  switch (sub) {
    case 'proposals': {
      const status = values.status;
      if (status !== undefined && !(PROPOSAL_STATUSES as readonly string[]).includes(status))
        throw new UsageError('--status 应为 open（待审核）、included（已纳入）或 not_included（不纳入）');
      const format = values.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError('--format 应为 text 或 json');
      const listed = await listProposals(
        db,
        agencyId,
        yearOf(values.year, today),
        status as ProposalStatus | undefined,
      );
      return format === 'json' ? { json: listed } : { text: proposalsText(listed) };
    }
    case 'include': {
      const category = values.category ?? '';
      if (!isStatutoryCategory(category)) {
        const list = Object.entries(STATUTORY_CATEGORY_LABELS).map(([code, label]) => `${code} ${label}`);
        throw new UsageError(`请用 --category 选择法定类别：\n${list.join('\n')}`);
      }
      const year = yearOf(values.year, today);
      return {
        json: await includeProposal(ctx, {
          agencyId,
          year,
          requestIds: idsOf(positionals[0]),
          category,
          title: values.title,
        }),
      };
    }
    case 'decline': {
      if (!values.reason?.trim()) throw new UsageError('请用 --reason 写明不纳入主动公开的理由');
      const year = yearOf(values.year, today);
      return {
        json: await declineProposal(ctx, {
          agencyId,
          year,
          requestIds: idsOf(positionals[0]),
          reason: values.reason,
        }),
      };
    }
    case 'suggest': {
      const [id] = idsOf(positionals[0]);
      const reasons = (values.reasons ?? '').split(',').filter(Boolean);
      return {
        json: await recordPublishSuggestion(ctx, { agencyId, requestId: id, reasons, note: values.note }),
      };
    }
    default:
      throw new UsageError(`用法：\n${PROPOSAL_USAGE}`);
  }
}
