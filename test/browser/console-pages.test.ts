/**
 * Issue 13 on every console page: signed in as the agency administrator, the operator and the
 * platform administrator, each route is opened at 1366 px and at 390 px and must show no English
 * (visible text, aria-label, title, placeholder) beyond a short allowlist, no role codes and no
 * usernames where a person is meant (only in a 用户名 column of the users pages), and at 390 px
 * no page-wide horizontal scroll, the menu folded behind a 44 px menu button, the heading in view.
 * A failing page leaves its screenshot under /tmp/gongkai-console-pages/.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/lingang-users.ts';
import { signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const SHOTS_DIR = '/tmp/gongkai-console-pages';
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Latin words that are Chinese usage in this domain (file formats, identifiers, protocols). */
const LATIN_ALLOWED = new Set([
  'PDF',
  'DOCX',
  // the image types and sizes of the 网站信息 uploads
  'PNG',
  'JPEG',
  'GIF',
  'SVG',
  'ICO',
  'KB',
  'MB',
  'XLSX',
  'CSV',
  'JSON',
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
}

/** Reads what the checks need in one evaluation of the page. */
async function readFacts(
  page: Page,
  usernames: string[],
  roleCodes: string[],
  usersPage: boolean,
): Promise<Facts> {
  return page.evaluate(
    ({ usernames, roleCodes, usersPage }) => {
      const token = /[A-Za-z0-9][A-Za-z0-9@._:/-]*[A-Za-z0-9]|[A-Za-z]/g;
      // the text a user sees (innerText: not what is hidden), web addresses taken out (allowed as they are)
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
      let text = document.body.innerText.replace(/https?:\/\/[^\s，。；、）)]*/g, ' ');
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
      };
    },
    { usernames, roleCodes, usersPage },
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
function problems(facts: Facts, width: number, baseUrl: string): string[] {
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
  if (!facts.headingVisible) found.push('main heading not visible');
  if (width === PHONE.width) {
    if (facts.scrollWidth > PHONE.width) found.push(`page scrolls sideways: ${facts.scrollWidth} px`);
    if (facts.siderWidth > 0) found.push(`menu not folded: ${facts.siderWidth} px`);
    if (!facts.menuButton || facts.menuButton.width < 44 || facts.menuButton.height < 44)
      found.push(`menu button: ${JSON.stringify(facts.menuButton)}`);
  }
  return found;
}

/**
 * Waits until, for 150 ms on end, no request of the page is in flight (COUNT_FETCHES), its heading
 * is there, nothing in it is loading and (at phone width) the menu has folded away behind its
 * button — long enough for a request a page starts after its first render to be seen.
 */
async function settled(page: Page, phone: boolean): Promise<void> {
  await page.waitForFunction(
    (phone) => {
      const state = window as unknown as { pendingFetches: number; quietSince?: number };
      const quiet =
        state.pendingFetches === 0 &&
        document.querySelector('main h1, main h2') !== null &&
        document.querySelector('main .ant-spin-spinning, main .ant-skeleton-active') === null &&
        (!phone ||
          (document.querySelector('.gk-sider')?.getBoundingClientRect().width === 0 &&
            document.querySelector('button[aria-label="打开菜单"]') !== null));
      if (!quiet) {
        state.quietSince = undefined;
        return false;
      }
      state.quietSince ??= Date.now();
      return Date.now() - state.quietSince >= 150;
    },
    phone,
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
  /** Opens each route at both widths in one signed-in context; returns every problem found. */
  async function visit(username: string, routes: string[]): Promise<string[]> {
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
    await signIn(page, server.baseUrl, username);
    const found: string[] = [];
    // alternate the width each page opens at: one resize per page instead of two
    let sizes = [WIDE, PHONE];
    for (const route of routes) {
      await page.goto(`${server.baseUrl}/console${route}`);
      for (const size of sizes) {
        await page.setViewportSize(size);
        await page.evaluate(() => {
          (window as unknown as { quietSince?: number }).quietSince = undefined;
        });
        try {
          await settled(page, size === PHONE);
        } catch {
          found.push(`${username} ${route} @${size.width}: did not settle (heading, loading, menu)`);
        }
        const facts = await readFacts(page, USERNAMES, ROLE_CODES, route.endsWith('/users'));
        const list = problems(facts, size.width, server.baseUrl);
        if (list.length === 0) continue;
        const name = `${username}${route.replaceAll('/', '_')}-${size.width}.png`;
        await page.screenshot({ path: `${SHOTS_DIR}/${name}`, fullPage: true });
        found.push(...list.map((p) => `${username} ${route} @${size.width}: ${p}`));
      }
      sizes = [...sizes].reverse();
    }
    // at phone width the menu button opens the menu over the page, and closes it again
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').first().waitFor();
    await page.getByRole('button', { name: '收起菜单' }).click();
    await page.getByRole('button', { name: '打开菜单' }).waitFor();
    await context.close();
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

  it('shows the agency administrator every agency page in Chinese, at both widths', async () => {
    const ids = await demoIds();
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
      '/reports',
      '/reports/2021',
      '/reports/2021/figures',
      '/calendar',
      '/users',
      '/settings',
      '/guide',
      '/events',
    ];
    expect(await visit('lingang-admin', routes)).toEqual([]);
  }, 180_000);

  it('shows the operator their pages in Chinese, at both widths', async () => {
    const ids = await demoIds();
    const routes = [
      '/',
      '/requests',
      '/requests/new',
      `/requests/${ids.openCase}`,
      '/items',
      `/items/${ids.item}`,
    ];
    expect(await visit('lingang-operator', routes)).toEqual([]);
  }, 180_000);

  it('shows the platform administrator the platform pages in Chinese, at both widths', async () => {
    const routes = [
      '/platform/users',
      '/calendar',
      '/platform/backups',
      '/platform/site',
      '/platform/agencies/lingang/users',
    ];
    expect(await visit('platform-admin', routes)).toEqual([]);
  }, 180_000);
});
