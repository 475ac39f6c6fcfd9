/**
 * Which reverse proxies may say who the client is (X-Forwarded-For, X-Forwarded-Proto). Only a
 * list of addresses or networks: trusting every sender would let anyone forge X-Forwarded-For and
 * get past the per-address limits (sign-in, filing requests). `GONGKAI_TRUST_PROXY` holds the list,
 * comma-separated (`127.0.0.1,10.0.0.0/8,::1`); empty or `0` trusts none.
 */
import { isIP } from 'node:net';

export class TrustProxyError extends Error {}

/** The proxies of a GONGKAI_TRUST_PROXY value: false for none, else the checked list. */
export function parseTrustProxy(value: string | undefined): false | string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === '0') return false;
  if (/^(1|true|yes|\*)$/i.test(text))
    throw new TrustProxyError(
      `GONGKAI_TRUST_PROXY 应列出反向代理的地址或网段（如 127.0.0.1 或 10.0.0.0/8，逗号分隔），不再接受“${text}”：信任任何来源会让任何人伪造 X-Forwarded-For，绕过按地址的限制。`,
    );
  const entries = text.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const max = family === 4 ? 32 : 128;
    const badBits = bits !== undefined && (!/^\d{1,3}$/.test(bits) || Number(bits) > max);
    if (!family || badBits || extra !== undefined)
      throw new TrustProxyError(
        `GONGKAI_TRUST_PROXY 中的“${entry}”不是 IP 地址或网段（如 127.0.0.1、10.0.0.0/8、::1），请改正。`,
      );
  }
  return entries;
}
