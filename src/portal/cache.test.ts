import { describe, expect, it } from 'vitest';
import { ttlCache } from './cache.ts';

describe('ttlCache', () => {
  it('computes once within the time to live, again after it', async () => {
    let clock = 0;
    let computed = 0;
    const cache = ttlCache<number>(10, 1000, () => clock);
    const compute = async () => ++computed;
    expect(await cache.get('k', compute)).toBe(1);
    clock = 999;
    expect(await cache.get('k', compute)).toBe(1);
    clock = 1000;
    expect(await cache.get('k', compute)).toBe(2);
  });

  it('drops the oldest entry when full, and keeps nothing when computing fails', async () => {
    const cache = ttlCache<string>(2, 1000, () => 0);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
    expect(await cache.get('c', async () => 'c2')).toBe('c1');
    await expect(cache.get('x', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.get('x', async () => 'x1')).toBe('x1');
  });
});
