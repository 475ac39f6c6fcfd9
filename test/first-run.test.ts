import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../bin/node-version.js';

const exec = promisify(execFile);
const BIN = resolve('bin/gongkai.js');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-first-run-'));

/** `node …/bin/gongkai.js …` started in a directory that is not the project's, without DATABASE_URL. */
async function elsewhere(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _, ...env } = process.env;
  try {
    const { stdout, stderr } = await exec('node', [BIN, ...args], { cwd: dir, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('a command run outside the project directory', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says on stderr, in Chinese, that it created a new empty database, where, and how to name another', async () => {
    const run = await elsewhere('search', '低保');
    expect(run.code).toBe(0);
    const file = join(dir, 'data', 'gongkai.db');
    expect(existsSync(file)).toBe(true);
    expect(run.stderr).toContain(`已在 ${file} 新建了一个空数据库`);
    expect(run.stderr).toContain('DATABASE_URL=sqlite:');
    expect(run.stderr).toContain('DATABASE_URL=postgres://');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('says nothing of the kind once the database exists', async () => {
    const run = await elsewhere('search', '低保');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('新建');
  });
});

describe('the Node.js version check of bin/gongkai.js', () => {
  it.each([
    ['20.19.0', true],
    ['20.20.2', true],
    ['22.12.0', true],
    ['24.1.0', true],
    ['20.18.3', false],
    ['18.20.4', false],
    ['21.7.3', false],
    ['22.11.0', false],
  ])('Node.js %s supported: %s', (version, supported) => {
    const message = unsupportedNodeMessage(version);
    if (supported) expect(message).toBeNull();
    else {
      expect(message).toContain(`当前为 ${version}`);
      expect(message).toContain('请升级 Node.js');
    }
  });

  it('states the range package.json declares', async () => {
    const { SUPPORTED_NODE } = await import('../bin/node-version.js');
    const { default: pkg } = await import('../package.json', { with: { type: 'json' } });
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
  });
});
