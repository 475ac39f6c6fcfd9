/**
 * Saves a site's settings (issue 13): the installation's (a platform administrator) or an agency's
 * (its 机关管理员). Every field is checked (contract/site-settings.ts) and the whole is replaced; the
 * change is one event `settings.site_set` (before → after). Nothing is written when a field is wrong.
 */
import { siteSettingsBody } from '../../contract/site-settings.ts';
import { siteSettings } from '../../db/queries/site-settings.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { SiteSettings } from '../../domain/site/settings.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { siteSettingsChanged } from './site-changes.ts';
import { refuseSiteEditor, writeSiteSettings } from './site-settings-store.ts';

export interface SaveSiteSettingsInput {
  /** null: the installation's */
  agencyId: number | null;
  settings: unknown;
}

/** Replaces the site's settings; returns them as stored. */
export async function saveSiteSettings(
  ctx: CommandContext,
  input: SaveSiteSettingsInput,
): Promise<SiteSettings> {
  refuseSiteEditor(ctx, input.agencyId);
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
  const saved = await inTransaction(ctx.db, async (trx) => {
    const before = await siteSettings(trx, input.agencyId);
    await writeSiteSettings(trx, ctx, input.agencyId, after, {
      name: 'settings.site_set',
      data: { before, after },
    });
    return after;
  });
  siteSettingsChanged(ctx.db);
  return saved;
}
