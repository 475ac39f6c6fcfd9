/**
 * The publication channel an account posts through (agency_channels, docs/new-media.md): postings
 * are publications rows on that channel, so the annual report's channel counts and the account's
 * counts are the same rows. The first account of a platform takes the agency's channel of the
 * platform's code (微信 `wechat`, 微博 `weibo`, 抖音 `douyin`, the defaults of a new agency) when no
 * other account holds it, with the postings already recorded there; another account of the same
 * platform gets a channel of its own (`wechat-2`, …).
 */
import type { NewMediaPlatform } from './accounts.ts';

/** The code a platform's first channel has (其他 is the agency's catch-all channel: never taken). */
export function platformChannelBase(platform: NewMediaPlatform): string {
  return platform === 'other' ? 'media-other' : platform;
}

/**
 * The channel for a new account: `link` an existing channel no account holds, or `create` a new one.
 * `existing`: the agency's channel codes; `held`: those an account already posts through.
 */
export function channelForAccount(
  platform: NewMediaPlatform,
  existing: ReadonlySet<string>,
  held: ReadonlySet<string>,
): { code: string; create: boolean } {
  const base = platformChannelBase(platform);
  if (!held.has(base)) return { code: base, create: !existing.has(base) };
  for (let n = 2; ; n++) {
    const code = `${base}-${n}`;
    if (!existing.has(code)) return { code, create: true };
    if (!held.has(code)) return { code, create: false };
  }
}
