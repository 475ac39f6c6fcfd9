/**
 * Visiting console pages for console-pages-*.test.ts (issue 13): a context of its own per role,
 * signed in once, every route at both widths, then what each click opens at 390 px; the checks
 * are console-page-facts.ts. A failing page leaves its screenshot under /tmp/gongkai-console-pages/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, vi } from 'vitest';
import { createReportCheckBatch } from '../../src/commands/report-checks/create-report-check-batch.ts';
import { testContext } from '../../src/commands/testing-context.ts';
import { go, signIn } from './console.ts';
import {
  COUNT_FETCHES,
  DIALOG,
  type Expect,
  PAGE,
  PHONE,
  problems,
  ROLE_CODES,
  readFacts,
  settled,
  USERNAMES,
  WIDE,
} from './console-page-facts.ts';
import type { Journey } from './journey.ts';

const SHOTS_DIR = '/tmp/gongkai-console-pages';

/**
 * Gives the file's server a backup folder: the backup's confirmation opens only where backups are
 * written (read when the server starts, so called at a test file's top level).
 */
export function withBackupDir(): void {
  vi.stubEnv('GONGKAI_BACKUP_DIR', '/tmp/gongkai-console-pages/backups');
  afterAll(() => {
    vi.unstubAllEnvs();
  });
}

/** What a click shows on a page: its route, its name, the click, and what is checked then. */
export interface Click {
  route: string;
  what: string;
  click(page: Page): Promise<void>;
  want?: Expect;
}

/** The visits of a journey's tests (`use` of describeJourney). */
export function consolePages(use: () => Journey) {
  /** A fresh context counting the page's requests, signed in as `username` unless null. */
  async function open(username: string | null): Promise<Page> {
    const { browser, server } = use();
    await mkdir(SHOTS_DIR, { recursive: true });
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: WIDE,
    });
    context.setDefaultTimeout(15_000);
    await context.addInitScript(COUNT_FETCHES);
    const page = await context.newPage();
    if (username) await signIn(page, server.baseUrl, username);
    return page;
  }

  /**
   * Checks what the page shows now at each size in turn (`what` names it in the problems and the
   * screenshot's file); returns the problems found.
   */
  async function look(
    page: Page,
    what: string,
    sizes: { width: number; height: number }[],
    want: Expect,
    usersPage = false,
  ): Promise<string[]> {
    const found: string[] = [];
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.evaluate(() => {
        (window as unknown as { quietSince?: number }).quietSince = undefined;
      });
      try {
        await settled(page, size === PHONE, want);
      } catch {
        found.push(`${what} @${size.width}: did not settle (heading, loading, menu, dialog)`);
      }
      const facts = await readFacts(page, USERNAMES, ROLE_CODES, usersPage, want.dialog);
      const list = problems(facts, size.width, use().server.baseUrl, want);
      if (list.length === 0) continue;
      const name = `${what.replace(/[\s/：]+/g, '_')}-${size.width}.png`;
      await page.screenshot({ path: `${SHOTS_DIR}/${name}`, fullPage: true });
      found.push(...list.map((p) => `${what} @${size.width}: ${p}`));
    }
    return found;
  }

  /**
   * Opens each route at both widths in one signed-in context, then what each click shows (its
   * route opened unless already there) at 390 px — the words are the same at both widths, the fit
   * is the question — closing what opened (Escape); returns every problem found.
   */
  async function visit(username: string, routes: string[], clicks: Click[] = []): Promise<string[]> {
    const { server } = use();
    const page = await open(username);
    const found: string[] = [];
    // alternate the width each page opens at: one resize per page instead of two
    let sizes = [WIDE, PHONE];
    const heading = () => page.evaluate(() => document.querySelector('main h1, main h2')?.textContent ?? '');
    for (const route of routes) {
      const before = await heading();
      await go(page, server.baseUrl, route);
      // the router keeps the last page on screen while a page's chunk loads (a transition): wait
      // for the new page's heading, where it differs, so the old page is not read as the new one
      await page
        .waitForFunction(
          (old) => (document.querySelector('main h1, main h2')?.textContent ?? '') !== old,
          before,
          { timeout: 3_000, polling: 50 },
        )
        .catch(() => undefined);
      found.push(...(await look(page, `${username} ${route}`, sizes, PAGE, route.endsWith('/users'))));
      sizes = [...sizes].reverse();
    }
    // at phone width the menu button opens the menu over the page, and closes it again
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').first().waitFor();
    await page.getByRole('button', { name: '收起菜单' }).click();
    await page.getByRole('button', { name: '打开菜单' }).waitFor();
    let at = '';
    for (const { route, what, click, want = DIALOG } of clicks) {
      if (route !== at) {
        await go(page, server.baseUrl, route);
        await settled(page, true, PAGE);
        at = route;
      }
      await click(page);
      found.push(
        ...(await look(page, `${username} ${route} ${what}`, [PHONE], want, route.endsWith('/users'))),
      );
      if (!want.dialog) continue;
      await page.keyboard.press('Escape');
      await page.waitForFunction((selector) => document.querySelector(selector) === null, want.dialog);
    }
    await page.context().close();
    return found;
  }

  /** The demo's first open case, first decided case, first item and first normative document. */
  async function demoIds() {
    const { db } = use().server;
    const first = async (state: string) =>
      (
        await db.kysely
          .selectFrom('requests')
          .select('id')
          .where('state', '=', state)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id;
    return {
      openCase: await first('open'),
      closedCase: await first('decided'),
      item: (await db.kysely.selectFrom('items').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      document: (
        await db.kysely.selectFrom('normative_documents').select('id').orderBy('id').executeTakeFirstOrThrow()
      ).id,
    };
  }

  /** A 年报体检 batch of lingang: the seed report (no findings) and a broken copy (findings). */
  async function reportCheckBatch(): Promise<number> {
    const { db } = use().server;
    const agency = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    const seed = await readFile(
      new URL('../fixtures/lingang-2021-annual-report.txt', import.meta.url),
      'utf8',
    );
    const broken = seed.replace('（一）予以公开\n\t1\n', '（一）予以公开\n\t3\n');
    const ctx = testContext(db, { actor: { username: 'lingang-admin', roles: ['agency_admin' as const] } });
    const { batchId } = await createReportCheckBatch(ctx, {
      agencyId: agency.id,
      name: '2021年度报告抽查',
      files: [
        { fileName: 'lingang-2021.txt', bytes: Buffer.from(seed) },
        { fileName: 'broken-2021.txt', bytes: Buffer.from(broken) },
      ],
    });
    return batchId ?? 0;
  }

  return { open, look, visit, demoIds, reportCheckBatch };
}
