import { describe, expect, it } from 'vitest';
import { actorLabel } from './actor-name.ts';

describe('actorLabel', () => {
  it.each<[string, string, string | undefined, string]>([
    ['a user by their name', 'lingang-operator', '王经办', '王经办'],
    ['the command line', 'cli:root', undefined, '命令行操作'],
    ['the demo loaded at first start', 'first start', undefined, '系统'],
    ['the server sealing ID numbers', 'server start', undefined, '系统'],
    ['a citizen filing online', 'public', undefined, '申请人（网上申请）'],
    ['an actor no longer a user keeps the recorded name', 'old-clerk', undefined, 'old-clerk'],
  ])('%s', (_situation, username, displayName, shown) => {
    expect(actorLabel(username, displayName)).toBe(shown);
  });
});
