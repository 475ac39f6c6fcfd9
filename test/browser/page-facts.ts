/** Reading what a page states in its `<dl>` lists: term → definition text. */
import type { Page } from 'playwright-core';

/** Every `<dt>`/`<dd>` pair of the page's description lists (the first definition of each term). */
export async function pageFacts(page: Page): Promise<Record<string, string>> {
  return page.$$eval('dl dt', (terms) =>
    Object.fromEntries(
      terms.map((dt) => {
        let next = dt.nextElementSibling;
        while (next && next.tagName !== 'DD') next = next.nextElementSibling;
        return [dt.textContent?.trim() ?? '', next?.textContent?.trim() ?? ''];
      }),
    ),
  );
}
