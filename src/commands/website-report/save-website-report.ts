/**
 * Saves the manual rows of an agency's 政府网站工作年度报表 for a year (docs/website-report.md): the
 * rows the platform cannot know (访问量, ICP备案编号, 安全防护 …). Its 机关管理员; the values are checked
 * all together (domain/website-report/fill.ts) and nothing is written when one is wrong; the rows given
 * replace theirs, the others stay; one event `website_report.saved` with each row changed (before →
 * after), none when nothing changed.
 */
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { can, roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import { checkManualValues, type RowValue } from '../../domain/website-report/fill.ts';
import { WEBSITE_REPORT_POLICY } from '../../domain/website-report/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export async function saveWebsiteReport(
  ctx: CommandContext,
  input: { agencyId: number; year: number; fields: Readonly<Record<string, unknown>> },
): Promise<{ changed: string[] }> {
  if (!can(WEBSITE_REPORT_POLICY, ctx.actor, 'edit'))
    throw new AppError(
      'forbidden',
      roleRefusal('填写网站工作年度报表', rolesNeeded(WEBSITE_REPORT_POLICY, 'edit')),
    );
  const { values, problems } = checkManualValues(input.fields);
  if (problems.length > 0)
    throw new AppError('validation', `输入有误：${problems.map((p) => p.message).join('；')}`, problems);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const stored = await trx
      .selectFrom('website_reports')
      .select('fields')
      .where('agency_id', '=', input.agencyId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    const before = stored ? (JSON.parse(stored.fields) as Record<string, RowValue>) : {};
    const changes: Record<string, { before: RowValue; after: RowValue }> = {};
    for (const [code, after] of Object.entries(values))
      if ((before[code] ?? null) !== after) changes[code] = { before: before[code] ?? null, after };
    const changed = Object.keys(changes);
    if (changed.length === 0) return { changed };
    const fields = JSON.stringify({ ...before, ...values });
    const row = { fields, updated_at: now.toISOString(), updated_by: ctx.actor.username };
    if (stored)
      await trx
        .updateTable('website_reports')
        .set(row)
        .where('agency_id', '=', input.agencyId)
        .where('year', '=', input.year)
        .execute();
    else
      await trx
        .insertInto('website_reports')
        .values({ agency_id: input.agencyId, year: input.year, ...row })
        .execute();
    await appendEvent(trx, {
      name: 'website_report.saved',
      subject: { type: 'website_report', id: String(input.year) },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: { year: input.year, changes },
    });
    return { changed };
  });
}
