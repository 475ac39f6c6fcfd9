import { describe, expect, it } from 'vitest';
import { createSignInThrottle, DEFAULT_SIGN_IN_LIMITS } from './sign-in-throttle.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 2, 0) + minutes * 60_000);

describe('the sign-in throttle', () => {
  it('locks a username at one address for 1, 2, 4 … minutes, at most the maximum', () => {
    const throttle = createSignInThrottle({ ...DEFAULT_SIGN_IN_LIMITS, maxDelayMinutes: 8 });
    const locks: number[] = [];
    let now = 0;
    for (let failure = 1; failure <= 9; failure++) {
      throttle.recordFailure('zhang', '198.51.100.7', at(now));
      // how long until the pair may try again
      let wait = 0;
      while (wait < 120) {
        try {
          throttle.check('zhang', '198.51.100.7', at(now + wait));
          break;
        } catch {
          wait++;
        }
      }
      locks.push(wait);
      now += wait;
    }
    expect(locks).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 8]);
  });

  it('never locks the same user at another address, and a success there makes it usual', () => {
    const throttle = createSignInThrottle({ ...DEFAULT_SIGN_IN_LIMITS, failuresPerUsername: 3 });
    throttle.recordSuccess('li', '203.0.113.1');
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
      throttle.recordFailure('li', address, at(0));
    expect(() => throttle.check('li', '192.0.2.9', at(1))).toThrow('多个网络地址');
    expect(() => throttle.check('li', '203.0.113.1', at(1))).not.toThrow();
    expect(() => throttle.check('LI ', '192.0.2.9', at(1))).toThrow();
    expect(() => throttle.check('wang', '192.0.2.9', at(1))).not.toThrow();
    // the window ends
    expect(() => throttle.check('li', '192.0.2.9', at(16))).not.toThrow();
  });

  it('an unlock ends every count of the user', () => {
    const throttle = createSignInThrottle({ ...DEFAULT_SIGN_IN_LIMITS, failuresBeforeDelay: 1 });
    throttle.recordFailure('zhao', '192.0.2.1', at(0));
    expect(() => throttle.check('zhao', '192.0.2.1', at(0))).toThrow();
    throttle.unlock('Zhao');
    expect(() => throttle.check('zhao', '192.0.2.1', at(0))).not.toThrow();
  });
});
