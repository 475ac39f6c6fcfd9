/**
 * Issue 13 on every console page: signed in as the agency administrator, the operator and the
 * platform administrator, each route is opened at 1366 px and at 390 px and must show no English
 * (visible text, aria-label, title, placeholder) beyond a short allowlist, no role codes and no
 * usernames where a person is meant (only in a 用户名 column of the users pages), and at 390 px
 * no page-wide horizontal scroll, the menu folded behind a 44 px menu button, the heading in view.
 * What only a click shows is checked the same way at 390 px (the words are the same at 1366 px):
 * the dialogs, drawers and popconfirms of the main pages (a case's action forms, the report's cell
 * records, 新建用户 and 重置密码, the backup's confirmation, the calendar's form with its checks and
 * its date picker), each of which must also fit the screen; and so are the not-found page and the
 * sign-in page (with its refusal).
 * A failing page leaves its screenshot under /tmp/gongkai-console-pages/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, expect, it, vi } from 'vitest';
import { createReportCheckBatch } from '../../src/commands/report-checks/create-report-check-batch.ts';
import { testContext } from '../../src/commands/testing-context.ts';
import { DEMO_USERS } from '../../src/demo/lingang-users.ts';
import { go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const SHOTS_DIR = '/tmp/gongkai-console-pages';

// the backup's confirmation opens only where backups are written (read when the server starts)
vi.stubEnv('GONGKAI_BACKUP_DIR', '/tmp/gongkai-console-pages/backups');
afterAll(() => {
  vi.unstubAllEnvs();
});
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Latin words that are Chinese usage in this domain (file formats, identifiers, protocols). */
const LATIN_ALLOWED = new Set([
  'PDF',
  'DOCX',
  'XLSX',
  'CSV',
  'JSON',
  // image formats and sizes, as the upload fields name them (“PNG、JPEG 或 GIF 图片（不超过 200 KB）”)
  'PNG',
  'JPEG',
  'GIF',
  'SVG',
  'ICO',
  'KB',
  'MB',
  'ID',
  'URL',
  'ICP',
  'HTTP',
  'HTTPS',
  'SQLite',
  'PostgreSQL',
  // 'Word 文档': how Chinese offices name a DOCX file
  'Word',
]);

/** The role codes that must never be shown (their Chinese labels are). */
const ROLE_CODES = ['operator', 'approver', 'reviewer', 'agency_admin', 'platform_admin', 'supervisor'];

/**
 * Every demo username, and the actor the browser tests' demo database is loaded by
 * (createDemoDatabase): shown only in a 用户名/登录名 column or field.
 */
const USERNAMES = [...DEMO_USERS.map((u) => u.username), 'browser test'];

interface Facts {
  latin: string[];
  attributes: string[];
  usernames: string[];
  roleCodes: string[];
  scrollWidth: number;
  headingVisible: boolean;
  siderWidth: number;
  menuButton: { width: number; height: number } | null;
  /** the open dialog's (drawer's, popconfirm's) left and right edges, when one is asked for */
  dialog: { left: number; right: number } | null;
}

/** The open dialog, drawer or popconfirm (Ant Design's), the one a click shows. */
const OPEN_DIALOG =
  '.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open .ant-drawer-content-wrapper, .ant-popover:not(.ant-popover-hidden)';

/** What a page is checked for besides its words: a signed-in page's menu, its heading, an open dialog (its selector). */
interface Expect {
  menu: boolean;
  heading: boolean;
  dialog: string | null;
}

const PAGE: Expect = { menu: true, heading: true, dialog: null };
const DIALOG: Expect = { menu: true, heading: false, dialog: OPEN_DIALOG };
const SIGNED_OUT: Expect = { menu: false, heading: true, dialog: null };

/** Reads what the checks need in one evaluation of the page. */
async function readFacts(
  page: Page,
  usernames: string[],
  roleCodes: string[],
  usersPage: boolean,
  dialogSelector: string | null,
): Promise<Facts> {
  return page.evaluate(
    ({ usernames, roleCodes, usersPage, dialogSelector }) => {
      const token = /[A-Za-z0-9][A-Za-z0-9@._:/-]*[A-Za-z0-9]|[A-Za-z]/g;
      // the text a user sees (innerText: not what is hidden), web addresses taken out (allowed as they are)
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
      let text = document.body.innerText
        .replace(/https?:\/\/[^\s，。；、）)]*/g, ' ')
        // and a folder of the server (where backups are written): an absolute path
        .replace(/(^|[\s（“])\/[\w.-]+(\/[\w.-]+)+/g, ' ');
      // less, on a users page, the cells of a 用户名/登录名 column: the one place a username belongs
      for (const table of usersPage ? Array.from(document.querySelectorAll('table')) : []) {
        const heads = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent?.trim());
        heads.forEach((head, index) => {
          if (head !== '用户名' && head !== '登录名') return;
          for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
            const cell = row.children[index]?.textContent?.trim();
            if (cell) text = text.replace(cell, ' ');
          }
        });
      }
      // and identifiers a page shows as such (an agency's code on 机构管理: `data-identifier`)
      for (const el of Array.from(document.querySelectorAll('[data-identifier]')))
        if (el.textContent) text = text.replace(el.textContent, ' ');
      const latin = (text.match(token) ?? []).filter((word) => /[A-Za-z]/.test(word));
      const attributes: string[] = [];
      for (const el of Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]'))) {
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = el.getAttribute(name);
          if (value && /[A-Za-z]/.test(value)) attributes.push(value);
        }
      }
      const lower = text.toLowerCase();
      const heading = document.querySelector('main h1, main h2');
      const box = heading?.getBoundingClientRect();
      const sider = document.querySelector('.gk-sider');
      const button = document.querySelector('button[aria-label="打开菜单"], button[aria-label="收起菜单"]');
      const buttonBox = button?.getBoundingClientRect();
      const dialogBox = dialogSelector
        ? document.querySelector(dialogSelector)?.getBoundingClientRect()
        : null;
      return {
        latin,
        attributes,
        usernames: usernames.filter((u) => lower.includes(u)),
        roleCodes: roleCodes.filter((code) => new RegExp(`(^|[^a-z_-])${code}([^a-z_-]|$)`).test(lower)),
        scrollWidth: document.documentElement.scrollWidth,
        headingVisible: Boolean(
          box && box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
        ),
        siderWidth: sider ? sider.getBoundingClientRect().width : -1,
        menuButton: buttonBox ? { width: buttonBox.width, height: buttonBox.height } : null,
        dialog: dialogBox ? { left: dialogBox.left, right: dialogBox.right } : null,
      };
    },
    { usernames, roleCodes, usersPage, dialogSelector },
  );
}

/** A word with Latin letters in an attribute's value (the page's own tokenizer, in readFacts, is the same). */
const LATIN_WORD = /[A-Za-z0-9][A-Za-z0-9@._:/-]*[A-Za-z0-9]|[A-Za-z]/g;

/** Whether a Latin word is allowed: an acronym of the list, an e-mail, a URL, a file name, a code. */
function latinAllowed(word: string, baseUrl: string): boolean {
  if (LATIN_ALLOWED.has(word)) return true;
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(word)) return true; // e-mail address
  if (/^https?:\/\//.test(word) || word.startsWith(new URL(baseUrl).host)) return true;
  if (/\.(pdf|docx?|xlsx?|csv|json|png|jpe?g|ofd|zip|txt|db|sqlite|gz|tar)$/i.test(word)) return true;
  // 索引号, 文号, 统一社会信用代码, registration numbers: digits with capitals, dashes, slashes
  if (/\d/.test(word) && /^[A-Z0-9][A-Z0-9\-/._]*$/.test(word)) return true;
  return false;
}

/** The problems of one page at one width, in words a failing test prints. */
function problems(facts: Facts, width: number, baseUrl: string, want: Expect): string[] {
  const found: string[] = [];
  const english = (word: string) => !latinAllowed(word, baseUrl);
  const latin = [...new Set(facts.latin.filter(english))];
  if (latin.length > 0) found.push(`English in text: ${latin.join(', ')}`);
  const attributes = [...new Set(facts.attributes)].filter((value) =>
    (value.match(LATIN_WORD) ?? []).some(english),
  );
  if (attributes.length > 0)
    found.push(`English in attributes (${attributes.length}): ${attributes.slice(0, 5).join(' | ')}`);
  if (facts.roleCodes.length > 0) found.push(`role codes: ${facts.roleCodes.join(', ')}`);
  if (facts.usernames.length > 0) found.push(`usernames: ${facts.usernames.join(', ')}`);
  if (want.heading && !facts.headingVisible) found.push('main heading not visible');
  if (want.dialog && !facts.dialog) found.push('no dialog open');
  if (facts.dialog && (facts.dialog.left < -0.5 || facts.dialog.right > width + 0.5))
    found.push(
      `dialog beyond the screen: ${Math.round(facts.dialog.left)}–${Math.round(facts.dialog.right)} px`,
    );
  if (width === PHONE.width) {
    if (facts.scrollWidth > PHONE.width) found.push(`page scrolls sideways: ${facts.scrollWidth} px`);
    if (want.menu && facts.siderWidth > 0) found.push(`menu not folded: ${facts.siderWidth} px`);
    if (want.menu && (!facts.menuButton || facts.menuButton.width < 44 || facts.menuButton.height < 44))
      found.push(`menu button: ${JSON.stringify(facts.menuButton)}`);
  }
  return found;
}

/**
 * Waits until, for 150 ms on end, no request of the page is in flight (COUNT_FETCHES), its heading
 * is there, nothing in it is loading and (at phone width) the menu has folded away behind its
 * button — long enough for a request a page starts after its first render to be seen.
 */
async function settled(page: Page, phone: boolean, want: Expect): Promise<void> {
  await page.waitForFunction(
    ({ phone, want }) => {
      const state = window as unknown as { pendingFetches: number; quietSince?: number };
      const quiet =
        state.pendingFetches === 0 &&
        (!want.heading || document.querySelector('main h1, main h2') !== null) &&
        document.querySelector('main .ant-spin-spinning, main .ant-skeleton-active') === null &&
        (!want.dialog ||
          (document.querySelector(want.dialog) !== null &&
            document.querySelector(
              '.ant-spin-spinning, [class*="-appear-active"], [class*="-enter-active"]',
            ) === null)) &&
        (!phone ||
          !want.menu ||
          (document.querySelector('.gk-sider')?.getBoundingClientRect().width === 0 &&
            document.querySelector('button[aria-label="打开菜单"]') !== null));
      if (!quiet) {
        state.quietSince = undefined;
        return false;
      }
      state.quietSince ??= Date.now();
      return Date.now() - state.quietSince >= 150;
    },
    { phone, want },
    { timeout: 5_000, polling: 50 },
  );
}

/** Counts the page's requests in flight in `window.pendingFetches` (an init script of each context). */
const COUNT_FETCHES = `
  window.pendingFetches = 0;
  const fetchOf = window.fetch.bind(window);
  window.fetch = (...args) => {
    window.pendingFetches += 1;
    return fetchOf(...args).finally(() => { window.pendingFetches -= 1; });
  };
`;

describeJourney('console: every page in Chinese and usable at 390 px', 'console-pages', (use) => {
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

  /** What a click shows on a page: its route, its name, the click, and what is checked then. */
  interface Click {
    route: string;
    what: string;
    click(page: Page): Promise<void>;
    want?: Expect;
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

  it('shows the agency administrator every agency page in Chinese, at both widths, and what a click opens', async () => {
    const ids = await demoIds();
    const batch = await reportCheckBatch();
    const routes = [
      '/',
      '/requests',
      '/requests/new',
      '/requests/proposals',
      '/requests/withheld-reviews/2021',
      `/requests/${ids.openCase}`,
      `/requests/${ids.closedCase}`,
      '/items',
      '/items/new',
      `/items/${ids.item}`,
      `/items/${ids.item}/edit`,
      '/registry',
      `/registry/${ids.document}`,
      '/registry/reviews/2021',
      '/new-media',
      '/catalog',
      '/reports',
      '/reports/2021',
      '/reports/2021/figures',
      '/calendar',
      '/users',
      '/settings',
      '/guide',
      '/screening-words',
      '/events',
      '/report-checks',
      `/report-checks/${batch}`,
      '/inspection',
      '/website-report',
    ];
    const clicks: Click[] = [
      {
        route: `/report-checks/${batch}`,
        what: '展开问题',
        click: (page) => page.locator('.ant-table-row-expand-icon').nth(1).click(),
        want: PAGE,
      },
      {
        route: '/reports/2021',
        what: '来源记录',
        click: (page) => page.locator('button.gk-cell').first().click(),
      },
      {
        route: '/users',
        what: '新建用户',
        click: async (page) => {
          await page.getByRole('button', { name: '新建用户' }).click();
          await page.getByRole('button', { name: '收起' }).waitFor();
        },
        want: PAGE,
      },
      {
        route: '/users',
        what: '重置密码',
        click: (page) =>
          page
            .getByRole('button', { name: /^重置.+的密码$/ })
            .first()
            .click(),
      },
    ];
    expect(await visit('lingang-admin', routes, clicks)).toEqual([]);
  }, 180_000);

  it('shows the operator their pages, a case’s action forms and the not-found page in Chinese', async () => {
    const ids = await demoIds();
    const caseRoute = `/requests/${ids.openCase}`;
    const routes = [
      '/',
      '/requests',
      '/requests/new',
      caseRoute,
      '/items',
      `/items/${ids.item}`,
      '/inspection',
      '/catalog',
      '/no-such-page',
    ];
    const action = (name: string): Click => ({
      route: caseRoute,
      what: name,
      click: (page) =>
        page.getByRole('region', { name: '可办理的操作' }).getByRole('button', { name }).click(),
    });
    const clicks = [action('作出答复'), action('发出补正告知'), action('提请审批：延期答复')];
    expect(await visit('lingang-operator', routes, clicks)).toEqual([]);
  }, 180_000);

  it('shows the platform administrator the platform pages, the backup’s confirmation and the calendar’s form in Chinese', async () => {
    const routes = [
      '/platform/users',
      '/calendar',
      '/platform/backups',
      '/platform/site',
      '/platform/agencies/lingang/users',
      '/platform/agency-tree',
    ];
    const clicks: Click[] = [
      {
        route: '/platform/backups',
        what: '立即备份',
        click: (page) => page.getByRole('button', { name: '立即备份' }).click(),
      },
      {
        route: '/calendar',
        what: '添加本地调整',
        // sent empty: the form's own checks speak
        click: async (page) => {
          const form = page.getByRole('form', { name: '添加本地调整' });
          await form.getByRole('button', { name: /添\s*加/ }).click();
          await form.locator('.ant-form-item-explain-error').first().waitFor();
        },
        // the form is below the year's table: the page scrolled to it, past the heading
        want: { ...PAGE, heading: false },
      },
      {
        route: '/calendar',
        what: '选择日期',
        click: (page) => page.getByRole('form', { name: '添加本地调整' }).getByLabel('日期').click(),
        want: { ...DIALOG, dialog: '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)' },
      },
    ];
    expect(await visit('platform-admin', routes, clicks)).toEqual([]);
  }, 180_000);

  it('shows the sign-in page and its refusal in Chinese', async () => {
    const { server } = use();
    const page = await open(null);
    await page.goto(`${server.baseUrl}/console/login`);
    const found = await look(page, 'sign-in', [WIDE, PHONE], SIGNED_OUT);
    await page.getByLabel('用户名').fill('lingang-operator');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').waitFor();
    found.push(...(await look(page, 'sign-in refused', [PHONE], SIGNED_OUT)));
    await page.context().close();
    expect(found).toEqual([]);
  }, 30_000);
});
