/**
 * Issue 13 in the browser. (a) The agency administrator fills the console's 网站信息 card (网站名称,
 * 主办单位, ICP备案号, 公安机关备案号), uploads the 党政机关网站 mark (an SVG is refused beside the
 * field), saves: the portal's <meta name="SiteName">, footer and mark show them; 清除 and save take
 * the mark away. (b) The portal search with facets: each facet's count is what its link finds,
 * sort=date orders by date, a misspelt query offers 您是不是要找 and its link finds. Every page
 * also at 390 px: never wider than the window.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const SITE_NAME = '临港区政府信息公开专栏';
const SPONSOR = '威海临港经济技术开发区管委会办公室';
const ICP = '鲁ICP备20210001号-2';
const PSB = '鲁公网安备 37100202000456号';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

/** A 110 × 128 PNG drawn by the browser: the mark to upload. */
async function drawMark(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 110;
    canvas.height = 128;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.fillStyle = '#c8161d';
    g.fillRect(0, 0, 110, 128);
    g.fillStyle = '#fff';
    g.font = 'bold 24px sans-serif';
    g.fillText('党政机关', 7, 70);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** Whether the document is no wider than the window (no horizontal scroll). */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The number in the search's status line (共找到N条信息). */
async function foundCount(page: Page): Promise<number> {
  const status = await page.getByRole('status').textContent();
  const match = /共找到(\d+)条/.exec(status ?? '');
  if (!match) throw new Error(`no count in “${status}”`);
  return Number(match[1]);
}

describeJourney(
  'journey: 网站信息 and the mark on the portal; search with facets',
  'site-and-search',
  (use) => {
    let phone: BrowserContext;
    let phonePage: Page;

    beforeAll(async () => {
      const { browser, page } = use();
      await page.setViewportSize({ width: 1366, height: 900 });
      phone = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      phonePage = await phone.newPage();
    });
    afterAll(() => phone.close());

    /** Opens a portal page at 390 px, checks it fits, and saves a screenshot. */
    async function atPhoneWidth(path: string, name: string): Promise<Page> {
      const { url, shot } = use();
      await phonePage.goto(url(path));
      expect(await fitsWidth(phonePage), `${path} at 390 px`).toBe(true);
      await shot(phonePage, name);
      return phonePage;
    }

    it('the agency admin sets 网站信息 and uploads the mark; the portal shows them', async () => {
      const { page, server, url, shot } = use();
      await signIn(page, server.baseUrl, 'lingang-admin');
      await page.getByRole('navigation', { name: '主菜单' }).getByText('机关设置').click();
      const card = page.locator('.ant-card').filter({ hasText: '机关设置：网站信息' });
      await card.getByLabel('网站名称', { exact: true }).fill(SITE_NAME);
      await card.getByLabel('主办单位', { exact: true }).fill(SPONSOR);
      await card.getByLabel('ICP备案号', { exact: true }).fill(ICP);
      await card.getByLabel('公安机关备案号', { exact: true }).fill(PSB);

      const markInput = card.locator('input[type=file][accept*=".jpg"]');
      await markInput.setInputFiles({
        name: 'mark.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from(SVG),
      });
      await card.getByText('党政机关网站标识图片不接受 SVG 图片').waitFor();
      await markInput.setInputFiles({
        name: '党政机关标识.png',
        mimeType: 'image/png',
        buffer: await drawMark(page),
      });
      await card.getByRole('img', { name: '党政机关网站标识图片预览' }).waitFor();
      expect(await card.getByText('党政机关网站标识图片不接受 SVG 图片').count()).toBe(0);
      await card.getByRole('button', { name: '保存网站信息' }).click();
      await page.getByText('网站信息已保存').waitFor();
      await shot(page, 'console-site-settings');

      await page.goto(url('/agencies/lingang/gongkai'));
      expect(await page.locator('meta[name="SiteName"]').getAttribute('content')).toBe(SITE_NAME);
      const footer = page.locator('footer');
      expect(await footer.textContent()).toContain(`主办单位：${SPONSOR}`);
      expect(await footer.getByRole('link', { name: ICP }).getAttribute('href')).toBe(
        'https://beian.miit.gov.cn/',
      );
      expect(await footer.getByRole('link', { name: PSB }).getAttribute('href')).toContain(
        'code=37100202000456',
      );
      const mark = footer.getByRole('img', { name: '党政机关网站标识' });
      expect(await mark.getAttribute('src')).toMatch(/^\/site-files\/[0-9a-f]{64}\.png$/);
      expect(await mark.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(110);
      await shot(page, 'portal-footer-with-mark');

      const phoneView = await atPhoneWidth('/agencies/lingang/gongkai', 'portal-footer-with-mark-390');
      expect(
        await phoneView.locator('footer').getByRole('img', { name: '党政机关网站标识' }).isVisible(),
      ).toBe(true);
    });

    it('clears the mark: saved, the portal shows none', async () => {
      const { page, url, shot } = use();
      await page.goto(url('/console/settings'));
      const card = page.locator('.ant-card').filter({ hasText: '机关设置：网站信息' });
      await card.getByRole('img', { name: '党政机关网站标识图片预览' }).waitFor();
      await card.getByRole('button', { name: /清\s*除/ }).click();
      expect(await card.getByLabel('党政机关网站标识图片', { exact: true }).inputValue()).toBe('');
      await card.getByRole('button', { name: '保存网站信息' }).click();
      await page.getByText('网站信息已保存').waitFor();

      // the browser keeps the page a minute (public, max-age=60): another address of it
      await page.goto(url('/agencies/lingang/gongkai?cleared'));
      expect(await page.locator('footer img').count()).toBe(0);
      expect(await page.locator('footer').textContent()).toContain(`主办单位：${SPONSOR}`);
      await shot(page, 'portal-footer-without-mark');
    });

    it('the console card fits 390 px', async () => {
      const { context, url, shot } = use();
      await phone.addCookies(await context.cookies()); // signed in as the agency admin
      await phonePage.goto(url('/console/settings'));
      await phonePage.getByRole('button', { name: '保存网站信息' }).waitFor();
      expect(await fitsWidth(phonePage)).toBe(true);
      await shot(phonePage, 'console-site-settings-390');
    });

    it('search facets: each count is what its link finds', async () => {
      const { page, url, shot } = use();
      await page.goto(url('/search?q=通知'));
      const total = await foundCount(page);
      const facets = page.getByRole('complementary', { name: '筛选' });
      for (const title of ['文件类型', '公开类别', '发布年份']) {
        await page.goto(url('/search?q=通知'));
        const link = facets.locator('section.facet').filter({ hasText: title }).getByRole('link').first();
        const label = (await link.evaluate((a) => a.firstChild?.textContent ?? '')).trim();
        const count = Number(await link.locator('.count').textContent());
        expect(count, title).toBeGreaterThan(0);
        expect(count, title).toBeLessThanOrEqual(total);
        await link.click();
        await page.waitForURL(/[?&](type|category|year)=/);
        expect(await foundCount(page), `${title} ${label}`).toBe(count);
        expect(await facets.locator('strong[aria-current="true"]').first().textContent()).toContain(label);
      }
      await shot(page, 'search-facet-chosen');
      await atPhoneWidth(page.url().replace(url(''), ''), 'search-facet-chosen-390');
    });

    it('search sorted by date, newest first', async () => {
      const { page, url, shot } = use();
      await page.goto(url('/search?q=通知'));
      await page.getByLabel('排序').selectOption('date');
      await page.getByRole('button', { name: '检索' }).click();
      await page.waitForURL(/sort=date/);
      expect(await page.getByRole('status').textContent()).toContain('按发布日期排序');
      const dates = (await page.locator('article.hit p.muted').allTextContents()).map(
        (t) => /发布日期：(\d{4}-\d{2}-\d{2})/.exec(t)?.[1] ?? '',
      );
      expect(dates.length).toBeGreaterThan(1);
      expect(dates).toEqual([...dates].sort().reverse());
      await shot(page, 'search-by-date');
    });

    it('a misspelt query offers 您是不是要找, and its link finds', async () => {
      const { page, url, shot } = use();
      await page.goto(url('/search?q=底保'));
      const suggestion = page.locator('p.suggestion');
      expect(await suggestion.textContent()).toBe('您是不是要找：低保');
      await shot(page, 'search-suggestion');
      await suggestion.getByRole('link', { name: '低保' }).click();
      await page.waitForURL(/q=%E4%BD%8E%E4%BF%9D/);
      expect(await foundCount(page)).toBeGreaterThan(0);
      expect(await page.getByLabel('检索词').inputValue()).toBe('低保');
      await atPhoneWidth('/search?q=底保', 'search-suggestion-390');
    });
  },
);
