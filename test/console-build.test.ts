import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/server/app.ts';
import { buildConsole, consoleBuildIsStale } from '../src/server/console/build.ts';
import { FIRST_LOAD_BUDGET, measureFirstLoad } from '../src/server/console/size.ts';

// The one test that builds the console (Vite), into a scratch folder.
describe('the console build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-console-build-'));
    await buildConsole(dir);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads at most 1 MB of gzipped JavaScript on the first page', () => {
    const load = measureFirstLoad(dir);
    expect(load.files.some((f) => f.file.startsWith('DashboardPage-'))).toBe(true);
    expect(load.files.some((f) => f.file.startsWith('index-'))).toBe(true);
    expect(load.gzipBytes).toBeGreaterThan(50_000);
    expect(load.gzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  it('splits the pages into their own chunks (the case page is not in the first load)', () => {
    const load = measureFirstLoad(dir);
    expect(load.files.some((f) => f.file.startsWith('CasePage-'))).toBe(false);
    expect(load.files.some((f) => f.file.startsWith('ReportEditorPage-'))).toBe(false);
  });

  it('is a production build even under the test runner (no development JSX runtime, no test ids)', () => {
    const assets = join(dir, 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = readFileSync(join(assets, file), 'utf8');
      expect(code, file).not.toContain('jsxDEV');
      expect(code, file).not.toContain('jsx-dev-runtime');
    }
  });

  it('is not stale right after building; a folder without a build is', () => {
    expect(consoleBuildIsStale(dir)).toBe(false);
    expect(consoleBuildIsStale(join(dir, 'nothing-here'))).toBe(true);
  });

  it('is served at /console with its entry script and assets', async () => {
    const db = openDb('sqlite::memory:');
    await migrateToLatest(db);
    const app = await buildServer({ db, consoleDir: dir });
    try {
      const page = await app.inject('/console/requests/1');
      expect(page.statusCode).toBe(200);
      const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
      expect(script).toBeDefined();
      const asset = await app.inject(script ?? '');
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
    } finally {
      await app.close();
      await db.close();
    }
  });
});
