/** A small concurrency gate, so a burst of PDF downloads cannot start a Chromium each. */
import { AppError } from './errors.ts';

/** Runs tasks with at most `max` at a time. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * At most `max` tasks run at once and at most `queue` wait; beyond that a task is refused at once
 * with an `unavailable` AppError, so the caller gets 503 instead of a request that hangs.
 */
export function createLimiter(max: number, queue: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= max) {
        if (waiting.length >= queue) throw new AppError('unavailable', '服务器正忙，请稍后再试。');
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      running++;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
