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

  it('keeps a value that is read, dropping the one least recently used', async () => {
    const cache = ttlCache<string>(2, 1000, () => 0);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('a', async () => 'a2');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a3')).toBe('a1');
    expect(await cache.get('b', async () => 'b2')).toBe('b2');
  });

  it('keeps null (an item that is not there)', async () => {
    const cache = ttlCache<string | null>(10, 1000, () => 0);
    expect(await cache.get('gone', async () => null)).toBeNull();
    expect(await cache.get('gone', async () => 'back')).toBeNull();
  });

  it('computes once for callers asking at the same time', async () => {
    const cache = ttlCache<number>(10, 1000, () => 0);
    let computed = 0;
    const compute = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return ++computed;
    };
    expect(await Promise.all([cache.get('k', compute), cache.get('k', compute)])).toEqual([1, 1]);
  });

  it('forgets on clear, and does not keep a value computed across the clear', async () => {
    const cache = ttlCache<string>(10, 1000, () => 0);
    await cache.get('k', async () => 'old');
    cache.clear();
    let release = () => {};
    const pending = cache.get(
      'k',
      () => new Promise<string>((resolve) => (release = () => resolve('during'))),
    );
    cache.clear();
    release();
    expect(await pending).toBe('during');
    expect(await cache.get('k', async () => 'after')).toBe('after');
  });
});
