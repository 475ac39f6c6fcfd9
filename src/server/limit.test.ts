import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { createLimiter } from './limit.ts';

const deferred = () => {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('createLimiter', () => {
  it('runs at most `max` tasks at once and the waiting ones in order', async () => {
    const limiter = createLimiter(1, 5);
    const gate = deferred();
    const order: string[] = [];
    const first = limiter.run(async () => {
      order.push('first');
      await gate.promise;
    });
    const second = limiter.run(async () => {
      order.push('second');
    });
    await Promise.resolve();
    expect(order).toEqual(['first']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });

  it('refuses at once with unavailable when the queue is full', async () => {
    const limiter = createLimiter(1, 0);
    const gate = deferred();
    const running = limiter.run(() => gate.promise);
    await expect(limiter.run(async () => 1)).rejects.toMatchObject({ code: 'unavailable' });
    await expect(limiter.run(async () => 1)).rejects.toBeInstanceOf(AppError);
    gate.resolve();
    await running;
    await expect(limiter.run(async () => 2)).resolves.toBe(2);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createLimiter(1, 0);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'ok')).resolves.toBe('ok');
  });
});
