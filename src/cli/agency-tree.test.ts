import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../test/cli-run.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { agencyCommand } from './agency.ts';

const db = openDb('sqlite::memory:');
const run = (args: string[], stdin?: string) =>
  runCaptured((io) => agencyCommand(io, db, args), { stdin, env: { USER: 'ops' } });

beforeAll(() => migrateToLatest(db));
afterAll(() => db.close());

describe('gongkai agency tree commands (as the platform administrator)', () => {
  it('imports a tree from standard input, children before parents, then prints it indented', async () => {
    const file = [
      '{"code":"weihai-edu","name":"威海市教育局","parent":"weihai","level":"department"}',
      '{"code":"shandong","name":"山东省人民政府","level":"province","kind":"government"}',
      '{"code":"weihai","name":"威海市人民政府","parent":"shandong","level":"city","kind":"government"}',
    ].join('\n');
    expect(JSON.parse((await run(['import-tree', '-'], file)).stdout)).toEqual({ created: 3, changed: 0 });
    const { stdout } = await run(['tree']);
    expect(stdout).toBe(
      [
        'shandong\t山东省人民政府\t省',
        '  weihai\t威海市人民政府\t市',
        '    weihai-edu\t威海市教育局\t部门',
        '',
      ].join('\n'),
    );
    const event = await db.kysely
      .selectFrom('events')
      .select(['name', 'actor'])
      .where('name', '=', 'agencies.tree_imported')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ name: 'agencies.tree_imported', actor: 'cli:ops' });
  });

  it('adds, renames, moves, retires and reactivates, each printing the agency', async () => {
    const added = await run([
      'add',
      'huancui',
      '--name',
      '环翠区人民政府',
      '--parent',
      'weihai',
      '--level',
      'county',
    ]);
    expect(JSON.parse(added.stdout)).toMatchObject({
      code: 'huancui',
      parentCode: 'weihai',
      level: 'county',
    });
    const renamed = await run(['rename', 'huancui', '--short', '环翠区']);
    expect(JSON.parse(renamed.stdout)).toMatchObject({ name: '环翠区人民政府', shortName: '环翠区' });
    expect(JSON.parse((await run(['move', 'weihai-edu', '--parent', 'huancui'])).stdout).parentCode).toBe(
      'huancui',
    );
    expect(JSON.parse((await run(['move', 'weihai-edu', '--top'])).stdout).parentCode).toBe(null);
    expect(JSON.parse((await run(['retire', 'huancui'])).stdout).retiredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.parse((await run(['reactivate', 'huancui'])).stdout).retiredOn).toBe(null);
    const names = await db.kysely
      .selectFrom('events')
      .select('name')
      .where('subject_type', '=', 'agency')
      .where('subject_id', '=', 'huancui')
      .orderBy('seq')
      .execute();
    expect(names.map((n) => n.name)).toEqual([
      'agencies.created',
      'agencies.renamed',
      'agencies.retired',
      'agencies.reactivated',
    ]);
  });

  it.each([
    ['a loop', ['move', 'shandong', '--parent', 'weihai'], '会形成循环'],
    ['retiring a parent of active agencies', ['retire', 'shandong'], '在用的下级机关'],
    ['an unknown level', ['add', 'x', '--name', '某机关', '--level', 'village'], '层级应为'],
    ['move without a parent', ['move', 'weihai'], '--parent'],
    ['a file with a bad line', ['import-tree', '-'], '第 1 行，字段 name'],
    ['an unknown subcommand', ['demolish', 'weihai'], '用法'],
  ])('refuses %s in Chinese (exit 2)', async (_situation, args, message) => {
    await expect(run(args, '{"code":"y"}')).rejects.toThrow(message);
  });
});
