import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trust-proxy.ts';

describe('GONGKAI_TRUST_PROXY: a list of proxies, never everyone', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['127.0.0.1', ['127.0.0.1']],
    ['127.0.0.1, 10.0.0.0/8,::1', ['127.0.0.1', '10.0.0.0/8', '::1']],
    ['fd00::/8', ['fd00::/8']],
  ])('%j → %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(['1', 'true', '*'])('refuses %j (anyone could forge X-Forwarded-For)', (value) => {
    expect(() => parseTrustProxy(value)).toThrow('不再接受');
  });

  it.each(['localhost', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1', '127.0.0.1,'])(
    'refuses %j, naming it',
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow('不是 IP 地址或网段');
    },
  );
});
