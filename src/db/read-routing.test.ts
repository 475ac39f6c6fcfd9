import { describe, expect, it } from 'vitest';
import {
  chooseReadTarget,
  type Fence,
  formatLsn,
  parseLsn,
  type ReadRequest,
  type ReadTarget,
  type ReplicaState,
} from './read-routing.ts';

describe('parseLsn / formatLsn', () => {
  it.each([
    ['0/0', 0n],
    ['0/16B3748', 0x16b3748n],
    ['1/0', 1n << 32n],
    ['A/FFFFFFFF', (10n << 32n) + 0xffffffffn],
  ])('%s is %s', (text, value) => {
    expect(parseLsn(text)).toBe(value);
    expect(formatLsn(value)).toBe(text);
  });
  it.each(['', '0', '0/', 'x/1', '1/2/3', '123456789/0'])('%j is not an LSN', (text) => {
    expect(parseLsn(text)).toBeNull();
  });
  it('orders 1/0 after 0/FFFFFFFF (not as text)', () => {
    expect((parseLsn('1/0') ?? 0n) > (parseLsn('0/FFFFFFFF') ?? 0n)).toBe(true);
  });
});

const get: ReadRequest = { method: 'GET', session: false, ownWrite: null };
const upToDate: ReplicaState = { healthy: true, replayed: 100n };
const noFence: Fence = { lsn: 0n, pending: 0 };

describe('chooseReadTarget', () => {
  it.each<[string, ReadRequest, ReplicaState, Fence, ReadTarget]>([
    ['an anonymous GET, standby caught up', get, upToDate, noFence, 'replica'],
    ['an anonymous HEAD', { ...get, method: 'HEAD' }, upToDate, noFence, 'replica'],
    ['a POST', { ...get, method: 'POST' }, upToDate, noFence, 'primary'],
    ['a DELETE', { ...get, method: 'DELETE' }, upToDate, noFence, 'primary'],
    ['a GET with a session (staff)', { ...get, session: true }, upToDate, noFence, 'primary'],
    ['the standby down', get, { healthy: false, replayed: 100n }, noFence, 'primary'],
    ['the standby never seen', get, { healthy: true, replayed: null }, noFence, 'primary'],
    ['own write not replayed yet', { ...get, ownWrite: 101n }, upToDate, noFence, 'primary-first'],
    ['own write replayed', { ...get, ownWrite: 100n }, upToDate, noFence, 'replica'],
    ['a change to cached pages not replayed', get, upToDate, { lsn: 150n, pending: 0 }, 'primary-first'],
    ['a change to cached pages replayed', get, upToDate, { lsn: 90n, pending: 0 }, 'replica'],
    ['a change whose LSN is not known yet', get, upToDate, { lsn: 0n, pending: 1 }, 'primary-first'],
    [
      'own write replayed, fence not',
      { ...get, ownWrite: 50n },
      upToDate,
      { lsn: 120n, pending: 0 },
      'primary-first',
    ],
    [
      'a POST while a fence is up',
      { ...get, method: 'POST' },
      upToDate,
      { lsn: 150n, pending: 1 },
      'primary',
    ],
    ['staff while a fence is up', { ...get, session: true }, upToDate, { lsn: 150n, pending: 0 }, 'primary'],
  ])('%s → %s', (_name, request, replica, fence, expected) => {
    expect(chooseReadTarget(request, replica, fence)).toBe(expected);
  });
});
