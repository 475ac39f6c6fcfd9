import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { memoryRateCounters } from './memory-rate-counters.ts';
import { createRateCounters } from './rate-counters.ts';
import { createSignInThrottle, DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './sign-in-throttle.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 2, 0) + minutes * 60_000);

// the counts in the database (PostgreSQL's servers share them) and in the process (SQLite's one server)
for (const [where, counters] of [
  ['counted in the database', createRateCounters],
  ['counted in the process', memoryRateCounters],
] as const)
  describeEachDatabase(`the sign-in throttle, ${where}`, (use) => {
    const throttle = (limits: Partial<SignInLimits>) =>
      createSignInThrottle(counters(use()), { ...DEFAULT_SIGN_IN_LIMITS, ...limits });

    it('locks a username at one address for 1, 2, 4 … minutes, at most the maximum', async () => {
      const guard = throttle({ maxDelayMinutes: 8 });
      const locks: number[] = [];
      let now = 0;
      for (let failure = 1; failure <= 9; failure++) {
        await guard.recordFailure('zhang', '198.51.100.7', at(now));
        // how long until the pair may try again
        let wait = 0;
        while (wait < 120) {
          try {
            await guard.check('zhang', '198.51.100.7', at(now + wait));
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

    it('never locks the same user at another address, and a success there makes it usual', async () => {
      const guard = throttle({ failuresPerUsername: 3 });
      await guard.recordSuccess('li', '203.0.113.1', at(0));
      for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
        await guard.recordFailure('li', address, at(0));
      await expect(guard.check('li', '192.0.2.9', at(1))).rejects.toThrow('多个网络地址');
      await expect(guard.check('li', '203.0.113.1', at(1))).resolves.toBeUndefined();
      await expect(guard.check('LI ', '192.0.2.9', at(1))).rejects.toThrow('多个网络地址');
      await expect(guard.check('wang', '192.0.2.9', at(1))).resolves.toBeUndefined();
      // the window ends
      await expect(guard.check('li', '192.0.2.9', at(16))).resolves.toBeUndefined();
    });

    it('an unlock ends every count of the user, and no one else’s', async () => {
      const guard = throttle({ failuresBeforeDelay: 1 });
      await guard.recordFailure('zhao', '192.0.2.1', at(0));
      await guard.recordFailure('zhao', '192.0.2.2', at(0));
      await guard.recordFailure('zhaoyun', '192.0.2.1', at(0));
      await expect(guard.check('zhao', '192.0.2.1', at(0))).rejects.toThrow('此网络地址');
      await guard.unlock('Zhao');
      await expect(guard.check('zhao', '192.0.2.1', at(0))).resolves.toBeUndefined();
      await expect(guard.check('zhao', '192.0.2.2', at(0))).resolves.toBeUndefined();
      await expect(guard.check('zhaoyun', '192.0.2.1', at(0))).rejects.toThrow('此网络地址');
    });

    it('two servers on one database count the same failures', async () => {
      const one = throttle({ failuresBeforeDelay: 2 });
      const two = throttle({ failuresBeforeDelay: 2 });
      await one.recordFailure('qian', '192.0.2.5', at(100));
      await expect(two.check('qian', '192.0.2.5', at(100))).resolves.toBeUndefined();
      await two.recordFailure('qian', '192.0.2.5', at(100));
      await expect(one.check('qian', '192.0.2.5', at(100))).rejects.toThrow('请 1 分钟后再试');
    });
  });
