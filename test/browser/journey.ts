/**
 * `describeJourney`: one server and one browser shared by every test of a file, a fresh browser
 * context (cookies, downloads) per journey file, and the screenshots (browser.ts: of the key steps
 * with GONGKAI_SCREENSHOTS=1, of every open page when a test fails). Without Chromium the journey
 * fails with the installation hint (every test runs; none is skipped).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, inject, it } from 'vitest';
import { ChromiumMissingError, chromiumPath } from '../../src/render/pdf.ts';
import { chromiumInstalled, connectChromium, type Screenshots, type Shoot, screenshots } from './browser.ts';
import { startDemoServer, type TestServer } from './server.ts';

export interface Journey {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** a key step: its full-page screenshot as the journey's next artifact with GONGKAI_SCREENSHOTS=1 */
  shot: Shoot;
  /** an absolute URL on the test server */
  url: (path: string) => string;
}

/**
 * Declares a browser journey: `suite` gets `use()`, valid inside its tests. `name` names the
 * artifacts folder.
 */
export function describeJourney(title: string, name: string, suite: (use: () => Journey) => void): void {
  if (!chromiumInstalled()) {
    const error = new ChromiumMissingError(chromiumPath());
    describe(title, () => {
      it('needs Chromium', () => {
        throw error;
      });
    });
    return;
  }
  describe(title, () => {
    let journey: Journey | undefined;
    let shots: Screenshots | undefined;
    beforeAll(async () => {
      shots = await screenshots(name);
      const shot = shots.shot;
      const server = await startDemoServer(inject('demoDatabase') || undefined);
      const browser = await connectChromium(inject('chromiumEndpoint')).catch(async (error: unknown) => {
        await server.close();
        throw error;
      });
      const context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      journey = { server, browser, context, page, shot, url: (path) => `${server.baseUrl}${path}` };
    });
    // a failing test leaves a picture of every page the journey has open
    beforeEach(({ onTestFailed }) => {
      onTestFailed(async () => {
        if (journey && shots) await shots.failed(journey.browser.contexts().flatMap((c) => c.pages()));
      });
    });
    afterAll(async () => {
      await journey?.browser.close();
      await journey?.server.close();
    });
    suite(() => {
      if (!journey) throw new Error('journey not started');
      return journey;
    });
  });
}
