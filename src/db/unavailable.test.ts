import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each<[string, unknown, boolean]>([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5441', 'ECONNREFUSED'), true],
    ['reset', withCode('read ECONNRESET', 'ECONNRESET'), true],
    ['admin shutdown', withCode('terminating connection due to administrator command', '57P01'), true],
    ['starting up', withCode('the database system is starting up', '57P03'), true],
    ['connection exception class 08', withCode('connection failure', '08006'), true],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly'), true],
    ['several addresses refused', new AggregateError([withCode('x', 'ECONNREFUSED')], ''), true],
    ['unique violation', withCode('duplicate key', '23505'), false],
    ['read-only transaction', withCode('cannot execute INSERT in a read-only transaction', '25006'), false],
    ['SQLite busy', withCode('database is locked', 'SQLITE_BUSY'), false],
    ['a plain error', new Error('boom'), false],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
