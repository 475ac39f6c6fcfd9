/**
 * Every portal page type at phone width (390 px, touch) and at 1366 px: the document is never wider
 * than the window (`scrollWidth <= innerWidth`: wide tables scroll inside their own box), and every
 * link, button and field a finger must hit is at least 44 px high. The fair rule (docs/portal.md):
 * a link inside running text — a paragraph, a table cell, a definition, an item's body — is read
 * as part of its sentence and exempt (as WCAG 2.5.8's inline exception); a check box or radio
 * counts by its label; hidden fields do not count. Screenshots go to artifacts/browser/portal-phone/:
 * of a failing page, or of every page with GONGKAI_SCREENSHOTS=1.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALL_SHOTS, ARTIFACTS_DIR } from './browser.ts';
import { describeJourney } from './journey.ts';

const SHOTS = join(ARTIFACTS_DIR, 'portal-phone');

interface Problem {
  tag: string;
  text: string;
  height: number;
}

/** What a finger cannot hit: controls under 44 px high outside running text. */
async function smallTargets(page: Page): Promise<Problem[]> {
  return page.$$eval(
    'main a, main button, main input, main select, main textarea, main summary, footer a, .pager a',
    (nodes) => {
      const inline = (el: Element) =>
        Boolean(el.closest('p, td, th, dd, .doc-body, .snippet, figcaption, caption'));
      const found: Array<{ tag: string; text: string; height: number }> = [];
      for (const node of nodes) {
        const el = node as HTMLElement;
        if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
        if (el.tagName === 'A' && inline(el)) continue;
        let target: Element = el;
        if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
          target =
            el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null) ?? el;
        const box = target.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not displayed
        if (box.height < 43.5)
          found.push({
            tag: el.tagName.toLowerCase(),
            text: (el.textContent || el.getAttribute('name') || '').trim().slice(0, 30),
            height: Math.round(box.height),
          });
      }
      return found;
    },
  );
}

describeJourney(
  'the portal at phone width: every page type fits and can be touched',
  'portal-phone',
  (use) => {
    let phone: BrowserContext;
    let desk: BrowserContext;
    const pages: Array<[string, string]> = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      const { browser, url } = use();
      phone = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 1,
      });
      desk = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      const probe = await desk.newPage();
      await probe.goto(url('/agencies/lingang/gongkai/catalog?category=a20.1'));
      const item = await probe.locator('ul.list a').first().getAttribute('href');
      await probe.goto(url('/agencies/lingang/gongkai/reports'));
      const report = await probe.locator('main a[href*="/reports/"]').first().getAttribute('href');
      await probe.close();
      pages.push(
        ['home', '/'],
        ['gongkai', '/gongkai'],
        ['agencies', '/agencies'],
        ['agencies-found', `/agencies?q=${encodeURIComponent('临港')}`],
        ['section', '/agencies/lingang/gongkai'],
        ['guide', '/agencies/lingang/gongkai/guide'],
        ['rules', '/agencies/lingang/gongkai/rules'],
        ['catalog', '/agencies/lingang/gongkai/catalog'],
        ['catalog-filtered', '/agencies/lingang/gongkai/catalog?category=a20.1&page=2'],
        ['item', item ?? '/agencies/lingang/items/1'],
        ['normative', '/agencies/lingang/gongkai/normative'],
        ['on-request', '/agencies/lingang/gongkai/on-request'],
        ['reports', '/reports'],
        ['agency-reports', '/agencies/lingang/gongkai/reports'],
        ['report', report ?? '/agencies/lingang/reports/2021'],
        ['search', `/search?q=${encodeURIComponent('公开')}&category=a20.1&year=2021`],
        ['apply', '/agencies/lingang/apply'],
        ['track', '/track'],
        ['deadline', '/deadline'],
        ['check', '/check'],
        ['sitemap', '/sitemap'],
        ['error', '/agencies/lingang/no-such-page'],
      );
    });
    afterAll(async () => {
      await phone?.close();
      await desk?.close();
    });

    it('fits 390 px with touch targets of 44 px, and 1366 px, on every page type', async () => {
      const { url } = use();
      const failures: string[] = [];
      // one tab per width, going from page to page as a reader does (a new tab is a new renderer)
      const tabs = [
        [390, await phone.newPage()],
        [1366, await desk.newPage()],
      ] as const;
      for (const [name, path] of pages) {
        for (const [width, page] of tabs) {
          const before = failures.length;
          await page.goto(url(path));
          const { scroll, inner } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            inner: window.innerWidth,
          }));
          if (scroll > inner) failures.push(`${name} at ${width}: ${scroll} px wide in a ${inner} px window`);
          if (width === 390)
            for (const p of await smallTargets(page))
              failures.push(`${name}: <${p.tag}> “${p.text}” ${p.height} px high`);
          // every page's picture on request (they take as long as the checks); a failing page's always
          if (ALL_SHOTS || failures.length > before)
            await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    }, 600_000);

    it('shows a 年报体检 result (three tables, findings) within 390 px and 1366 px: the tables scroll in their box', async () => {
      const { url } = use();
      const seed = fileURLToPath(new URL('../fixtures/lingang-2021-annual-report.txt', import.meta.url));
      const failures: string[] = [];
      for (const [width, context] of [
        [390, phone],
        [1366, desk],
      ] as const) {
        const page = await context.newPage();
        await page.goto(url('/check'));
        await page.locator('#f-report').setInputFiles(seed);
        await page.getByRole('button', { name: '开始检查' }).first().click();
        await page.getByRole('heading', { name: '年报体检结果' }).waitFor();
        expect(await page.locator('table.gk-table').count()).toBe(3);
        const { scroll, inner } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        if (scroll > inner)
          failures.push(`check result at ${width}: ${scroll} px wide in a ${inner} px window`);
        if (ALL_SHOTS || failures.length > 0)
          await page.screenshot({ path: `${SHOTS}/check-result-${width}.png`, fullPage: true });
        await page.close();
      }
      expect(failures, failures.join('\n')).toEqual([]);
    }, 120_000);
  },
);
