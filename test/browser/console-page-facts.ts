/**
 * What console-pages-*.test.ts check on a console page (issue 13), read in one evaluation of the
 * page: English beyond an allowlist (visible text, aria-label, title, placeholder), role codes,
 * usernames where a person is meant, and at 390 px sideways scroll, the folded menu and its 44 px
 * button, the heading in view, an open dialog within the screen; and when a page has settled.
 */
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/lingang-users.ts';
import { displayTrackingCode, isTrackingCode } from '../../src/domain/requests/identifiers.ts';

export const WIDE = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

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
export const ROLE_CODES = [
  'operator',
  'approver',
  'reviewer',
  'agency_admin',
  'platform_admin',
  'supervisor',
];

/**
 * Every demo username, and the actor the browser tests' demo database is loaded by
 * (createDemoDatabase): shown only in a 用户名/登录名 column or field.
 */
export const USERNAMES = [...DEMO_USERS.map((u) => u.username), 'browser test'];

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
export const OPEN_DIALOG =
  '.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open .ant-drawer-content-wrapper, .ant-popover:not(.ant-popover-hidden)';

/** What a page is checked for besides its words: a signed-in page's menu, its heading, an open dialog (its selector). */
export interface Expect {
  menu: boolean;
  heading: boolean;
  dialog: string | null;
}

export const PAGE: Expect = { menu: true, heading: true, dialog: null };
export const DIALOG: Expect = { menu: true, heading: false, dialog: OPEN_DIALOG };
export const SIGNED_OUT: Expect = { menu: false, heading: true, dialog: null };

/** Reads what the checks need in one evaluation of the page. */
export async function readFacts(
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
  // a request's tracking code (查询码) as shown, `CPRT-YNPC-WZSQ`: random, with no digit one time in ~90
  if (isTrackingCode(word) && displayTrackingCode(word) === word) return true;
  return false;
}

/** The problems of one page at one width, in words a failing test prints. */
export function problems(facts: Facts, width: number, baseUrl: string, want: Expect): string[] {
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
export async function settled(page: Page, phone: boolean, want: Expect): Promise<void> {
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
export const COUNT_FETCHES = `
  window.pendingFetches = 0;
  const fetchOf = window.fetch.bind(window);
  window.fetch = (...args) => {
    window.pendingFetches += 1;
    return fetchOf(...args).finally(() => { window.pendingFetches -= 1; });
  };
`;
