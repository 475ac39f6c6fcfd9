/**
 * Saves a site's settings (issue 13): the installation's (a platform administrator) or an agency's
 * (its 机关管理员). Every field is checked (contract/site-settings.ts) and the whole is replaced; the
 * change is one event `settings.site_set` (before → after). Nothing is written when a field is wrong.
 */
import { siteSettingsBody } from '../../contract/site-settings.ts';
import { appendEvent } from '../../db/events.ts';
import { siteScope, siteSettings } from '../../db/queries/site-settings.ts';
import { inTransaction } from '../../db/transaction.ts';
import { allows } from '../../domain/policies.ts';
import type { SiteSettings } from '../../domain/site/settings.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { siteSettingsChanged } from './site-changes.ts';

export interface SaveSiteSettingsInput {
  /** null: the installation's */
  agencyId: number | null;
  settings: unknown;
}

function refusal(ctx: CommandContext, agencyId: number | null): string | null {
  if (agencyId === null) return ctx.actor.platformAdmin ? null : '只有平台管理员可以设置全平台的网站信息。';
  return allows(ctx.actor, 'site/edit') ? null : '只有机关管理员可以设置本机关的网站信息。';
}

/** Replaces the site's settings; returns them as stored. */
export async function saveSiteSettings(
  ctx: CommandContext,
  input: SaveSiteSettingsInput,
): Promise<SiteSettings> {
  const refused = refusal(ctx, input.agencyId);
  if (refused) throw new AppError('forbidden', refused);
  const parsed = siteSettingsBody.safeParse(input.settings ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || 'body',
      message: i.message,
    }));
    throw new AppError(
      'validation',
      `网站信息有误：${details.map((d) => d.message).join('；')}。请修改后重新保存。`,
      details,
    );
  }
  const after: SiteSettings = parsed.data;
  const at = ctx.clock.now();
  const scope = siteScope(input.agencyId);
  const saved = await inTransaction(ctx.db, async (trx) => {
    const before = await siteSettings(trx, input.agencyId);
    const row = { agency_id: input.agencyId, data: JSON.stringify(after), updated_at: at.toISOString() };
    await trx
      .insertInto('site_settings')
      .values({ scope, ...row })
      .onConflict((oc) => oc.column('scope').doUpdateSet(row))
      .execute();
    await appendEvent(trx, {
      name: 'settings.site_set',
      subject: { type: 'site_settings', id: scope },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at,
      data: { before, after },
    });
    return after;
  });
  siteSettingsChanged();
  return saved;
}
