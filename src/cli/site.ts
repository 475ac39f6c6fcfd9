/**
 * `gongkai site show|set [--agency CODE] [--user USER]`: a site's settings (issue 13, docs/portal.md)
 * — the installation's, or an agency's with `--agency`. `show` prints them by their Chinese names;
 * `set` takes each field by its Chinese name (`--主办单位 临港区人民政府办公室`, '' clears one) and
 * `--mark FILE` / `--favicon FILE` upload the 党政机关网站 mark and the icon: the same commands as
 * the console (save-site-settings, upload-site-image), all in one transaction. An agency's settings
 * are set by its 机关管理员 (`--user`); the installation's by a platform administrator (`--user`, or
 * the machine's operator `cli:$USER` when none is named, as `gongkai calendar`).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadActor, loadAgency } from '../accounts/load-actor.ts';
import type { CommandContext } from '../commands/context.ts';
import { saveSiteSettings } from '../commands/site/save-site-settings.ts';
import { checkSiteImage, uploadSiteImage } from '../commands/site/upload-site-image.ts';
import type { Db } from '../db/connection.ts';
import { siteSettings } from '../db/queries/site-settings.ts';
import { inTransaction, withinTransaction } from '../db/transaction.ts';
import { actorIn, installationActor } from '../domain/accounts/actor.ts';
import type { SiteImageField } from '../domain/site/images.ts';
import { SITE_FIELD_LABELS, SITE_FIELDS, type SiteSettings } from '../domain/site/settings.ts';
import { AppError } from '../errors.ts';
import { fileStoreFromEnv } from '../files/files-config.ts';
import { cliActor } from './calendar.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, printJson, UsageError } from './io.ts';

const FIELD_FLAGS = SITE_FIELDS.map((f) => `--${SITE_FIELD_LABELS[f]}`).join(' ');
const USAGE = `用法：gongkai site show [--agency CODE]
       gongkai site set [--agency CODE] [--user USER] [--字段 值 …] [--mark 图片文件] [--favicon 图标文件]
  不带 --agency 为全平台的网站信息（平台管理员），带上为该机关的（机关管理员，须 --user）。
  字段：${FIELD_FLAGS}（值为空字符串即清除）
  --mark 上传党政机关网站标识图片（PNG、JPEG 或 GIF，不超过 200 KB）；--favicon 上传网站图标（ICO、PNG 或 GIF，不超过 100 KB）`;

const COMMON = { agency: { type: 'string' }, user: { type: 'string' } } as const;
const IMAGES = { mark: 'markImage', favicon: 'favicon' } as const satisfies Record<string, SiteImageField>;
const BY_LABEL = new Map(SITE_FIELDS.map((f) => [SITE_FIELD_LABELS[f], f]));

/** Settings by their Chinese names, as `show` and `set` print them. */
function labelled(settings: SiteSettings): Record<string, string> {
  return Object.fromEntries(SITE_FIELDS.map((f) => [SITE_FIELD_LABELS[f], settings[f]]));
}

/** The flags of a `set`: the fields given by Chinese name, the image files; unknown names refused. */
function parseSet(args: string[]) {
  const options = {
    ...COMMON,
    mark: { type: 'string' },
    favicon: { type: 'string' },
    ...Object.fromEntries([...BY_LABEL.keys()].map((label) => [label, { type: 'string' as const }])),
  } as const;
  const { values, tokens } = parseArgs({ args, options, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') throw new UsageError(`多余的参数：${token.value}。${USAGE}`);
    if (token.kind !== 'option') continue;
    if (!(token.name in options))
      throw new UsageError(
        `没有这个字段：--${token.name}。可以设置的字段：${FIELD_FLAGS}；上传图片用 --mark、--favicon。`,
      );
    if (typeof values[token.name] !== 'string') throw new UsageError(`--${token.name} 后面缺少值。`);
  }
  const fields: Partial<SiteSettings> = {};
  for (const [label, field] of BY_LABEL) if (typeof values[label] === 'string') fields[field] = values[label];
  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  return { agency: str('agency'), user: str('user'), fields, mark: str('mark'), favicon: str('favicon') };
}

/** Who acts and on which site: an agency's admin, or the installation's administrator. */
async function siteContext(
  io: CliIo,
  db: Db,
  agencyCode: string | undefined,
  username: string | undefined,
): Promise<{ agencyId: number | null; ctx: CommandContext }> {
  if (agencyCode) {
    if (!username)
      throw new UsageError('缺少 --user：设置机关的网站信息须写机关管理员的用户名，如 --user lingang-admin');
    const agency = await loadAgency(db, agencyCode);
    return { agencyId: agency.id, ctx: cliContext(db, actorIn(await loadActor(db, username), agency)) };
  }
  const actor = username ? installationActor(await loadActor(db, username)) : cliActor(io);
  return { agencyId: null, ctx: cliContext(db, actor) };
}

async function readImage(field: SiteImageField, path: string): Promise<{ fileName: string; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(`读不到${SITE_FIELD_LABELS[field]}文件：${path}`);
  }
  await checkSiteImage(field, bytes);
  return { fileName: path.split(/[\\/]/).pop() ?? path, bytes };
}

async function set(io: CliIo, db: Db, args: string[]): Promise<void> {
  const given = parseSet(args);
  const images = (Object.keys(IMAGES) as Array<keyof typeof IMAGES>).filter(
    (flag) => given[flag] !== undefined,
  );
  if (Object.keys(given.fields).length === 0 && images.length === 0)
    throw new UsageError(`没有要设置的字段。${USAGE}`);
  const { agencyId, ctx } = await siteContext(io, db, given.agency, given.user);
  // every image checked before anything is written
  const uploads: Array<{ field: SiteImageField; fileName: string; bytes: Buffer }> = [];
  for (const flag of images)
    uploads.push({ field: IMAGES[flag], ...(await readImage(IMAGES[flag], given[flag] ?? '')) });
  const store = uploads.length > 0 ? fileStoreFromEnv(io.env, db) : null;
  const saved = await inTransaction(db, async (trx) => {
    const step = { ...ctx, db: withinTransaction(db, trx) };
    let settings = await siteSettings(trx, agencyId);
    if (Object.keys(given.fields).length > 0)
      settings = await saveSiteSettings(step, { agencyId, settings: { ...settings, ...given.fields } });
    if (store)
      for (const upload of uploads) settings = await uploadSiteImage(step, store, { agencyId, ...upload });
    return settings;
  });
  printJson(io, labelled(saved));
}

/** Runs one `gongkai site` subcommand; 0 on success (a refused input is a UsageError). */
export async function siteCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'show') {
      const { values } = parseArgs({ args: rest, options: COMMON, strict: true });
      const agencyId = values.agency ? (await loadAgency(db, values.agency)).id : null;
      printJson(io, labelled(await siteSettings(db.kysely, agencyId)));
      return 0;
    }
    if (sub === 'set') {
      await set(io, db, rest);
      return 0;
    }
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
      throw new UsageError(`参数有误：${error.message}。${USAGE}`);
    throw error;
  }
  throw new UsageError(USAGE);
}
