/**
 * What the site's commands share (save-site-settings, upload-site-image): who may set a site's
 * settings, and the one write of them with its event, in the caller's transaction.
 */
import { appendEvent } from '../../db/events.ts';
import { siteScope } from '../../db/queries/site-settings.ts';
import { roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import { allows } from '../../domain/policies.ts';
import { SITE_POLICY } from '../../domain/site/policy.ts';
import type { SiteSettings } from '../../domain/site/settings.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, Trx } from '../context.ts';

/** Throws 403 unless the actor sets this site: the installation's a platform administrator, an agency's its 机关管理员. */
export function refuseSiteEditor(ctx: CommandContext, agencyId: number | null): void {
  if (agencyId === null) {
    if (!ctx.actor.platformAdmin) throw new AppError('forbidden', '只有平台管理员可以设置全平台的网站信息。');
    return;
  }
  if (!allows(ctx.actor, 'site/edit'))
    throw new AppError('forbidden', roleRefusal('设置本机关的网站信息', rolesNeeded(SITE_POLICY, 'edit')));
}

/** Writes the site's settings and the event of the change. */
export async function writeSiteSettings(
  trx: Trx,
  ctx: CommandContext,
  agencyId: number | null,
  settings: SiteSettings,
  event: { name: string; data: Record<string, unknown> },
): Promise<void> {
  const at = ctx.clock.now();
  const scope = siteScope(agencyId);
  const row = { agency_id: agencyId, data: JSON.stringify(settings), updated_at: at.toISOString() };
  await trx
    .insertInto('site_settings')
    .values({ scope, ...row })
    .onConflict((oc) => oc.column('scope').doUpdateSet(row))
    .execute();
  await appendEvent(trx, {
    name: event.name,
    subject: { type: 'site_settings', id: scope },
    agency: agencyId,
    actor: ctx.actor.username,
    at,
    data: event.data,
  });
}
