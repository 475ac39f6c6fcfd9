/**
 * Uploads a site's image (issue 13): the 党政机关网站 mark (`markImage`) or the icon (`favicon`) of
 * the installation (a platform administrator) or of an agency (its 机关管理员). The type is read
 * from the content (PNG, JPEG, GIF; ICO for the icon; never SVG) and the size limited
 * (domain/site/images.ts); the bytes go to the attachments' store, a `site_files` row makes them
 * servable at `/site-files/<sha256>.<ext>`, and the setting points there — one transaction, one
 * event `settings.site_image_set`. A refused upload writes nothing; a failed transaction leaves no
 * stray file.
 */
import { siteSettings } from '../../db/queries/site-settings.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  SITE_IMAGE_TYPES,
  type SiteImageField,
  type SiteImageKind,
  siteFileUrl,
  siteImageRefusal,
} from '../../domain/site/images.ts';
import type { SiteSettings } from '../../domain/site/settings.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import { cleanFileName } from '../../files/detect-type.ts';
import type { FileStore } from '../../files/file-store.ts';
import { readSiteImage } from '../../files/site-image.ts';
import { isUsed } from '../attachments.ts';
import type { CommandContext } from '../context.ts';
import { siteSettingsChanged } from './site-changes.ts';
import { refuseSiteEditor, writeSiteSettings } from './site-settings-store.ts';

export interface UploadSiteImageInput {
  /** null: the installation's */
  agencyId: number | null;
  field: SiteImageField;
  /** the name the uploader gave (kept for the record) */
  fileName: string;
  bytes: Uint8Array;
}

const STATUS: Record<'empty' | 'too_large' | 'wrong_type', ErrorCode> = {
  empty: 'validation',
  too_large: 'payload_too_large',
  wrong_type: 'unsupported_media_type',
};

/** The kind of an image a field takes; an AppError naming the field (400, 413, 415) when it does not. */
export async function checkSiteImage(field: SiteImageField, bytes: Uint8Array): Promise<SiteImageKind> {
  const { kind, looksLikeSvg } = await readSiteImage(bytes);
  const refused = siteImageRefusal(field, { size: bytes.byteLength, kind, looksLikeSvg });
  if (refused)
    throw new AppError(STATUS[refused.problem], refused.message, [{ field, message: refused.message }]);
  // a kind the field takes: siteImageRefusal checked it
  return kind as SiteImageKind;
}

/** Checks, stores and sets the image; returns the site's settings as stored. */
export async function uploadSiteImage(
  ctx: CommandContext,
  store: FileStore,
  input: UploadSiteImageInput,
): Promise<SiteSettings> {
  refuseSiteEditor(ctx, input.agencyId);
  const kind = await checkSiteImage(input.field, input.bytes);
  const type = SITE_IMAGE_TYPES[kind];
  const fileName = cleanFileName(input.fileName) || `image.${type.extension}`;
  const stored = await store.put(input.bytes);
  const url = siteFileUrl(stored.sha256, kind);
  try {
    const saved = await inTransaction(ctx.db, async (trx) => {
      const at = ctx.clock.now().toISOString();
      await trx
        .insertInto('site_files')
        .values({
          sha256: stored.sha256,
          storage_key: stored.key,
          media_type: type.mediaType,
          extension: type.extension,
          size: stored.size,
          file_name: fileName,
          created_at: at,
          created_by: ctx.actor.username,
        })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      const before = await siteSettings(trx, input.agencyId);
      const after: SiteSettings = { ...before, [input.field]: url };
      await writeSiteSettings(trx, ctx, input.agencyId, after, {
        name: 'settings.site_image_set',
        data: {
          field: input.field,
          fileName,
          mediaType: type.mediaType,
          size: stored.size,
          sha256: stored.sha256,
          before: before[input.field],
          after: url,
        },
      });
      return after;
    });
    siteSettingsChanged(ctx.db);
    return saved;
  } catch (error) {
    if (stored.created && !(await isUsed(ctx.db, stored.key))) await store.remove(stored.key);
    throw error;
  }
}
