/**
 * On an item's page staff manage its attachments (upload, a refused file with the server's
 * message, download, remove) and the link between an interpretation (解读材料) and its policy
 * document (政策文件): unlink, link again by searching the agency's policy documents, and see the
 * interpretation listed on the policy's page.
 */

import { expect, it } from 'vitest';
import { pdfBytes } from '../../src/files/testing.ts';
import { downloadedBytes } from './browser.ts';
import { go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

interface Listed {
  id: number;
  title: string;
  status: string;
}

describeJourney(
  'journey: an item’s attachments and its policy ↔ interpretation link',
  'item-links',
  (use) => {
    let interpretation: Listed = { id: 0, title: '', status: '' };
    let policyTitle = '';

    it('opens a published interpretation and sees its policy document', async () => {
      const { page, server, shot } = use();
      await signIn(page, server.baseUrl, 'lingang-operator');
      const res = await page.request.get(
        `${server.baseUrl}/api/v1/agencies/lingang/items?q=${encodeURIComponent('政策解读')}&status=published&limit=1`,
      );
      interpretation = ((await res.json()) as { items: Listed[] }).items[0];
      // the demo names an interpretation 《policy title》政策解读
      policyTitle = interpretation.title.replace(/^《(.*)》政策解读$/, '$1');
      await go(page, server.baseUrl, `/items/${interpretation.id}`);
      const card = page.locator('.ant-card').filter({ hasText: '解读的政策文件' });
      await card.getByRole('link', { name: policyTitle }).waitFor();
      await shot(page, 'interpretation');
    });

    it('unlinks the policy and links it again, picked by searching its title', async () => {
      const { page, shot } = use();
      const card = page.locator('.ant-card').filter({ hasText: '解读的政策文件' });
      await card.getByRole('button', { name: '取消关联' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: '取消关联' }).click();
      await card.getByText('尚未关联政策文件。').waitFor();
      await shot(page, 'unlinked');
      await card.getByRole('button', { name: '关联政策文件' }).click();
      const picker = card.getByLabel('选择政策文件');
      await picker.click();
      await picker.fill(policyTitle.slice(0, 8));
      const option = page.locator('.ant-select-item-option').filter({ hasText: policyTitle }).first();
      await option.waitFor();
      await shot(page, 'picking-policy');
      await option.click();
      await card.getByRole('link', { name: policyTitle }).waitFor();
      await shot(page, 'linked');
    });

    it('lists the interpretation on the policy document’s page', async () => {
      const { page, shot } = use();
      await page
        .locator('.ant-card')
        .filter({ hasText: '解读的政策文件' })
        .getByRole('link', { name: policyTitle })
        .click();
      await page.getByRole('heading', { name: policyTitle }).waitFor();
      const card = page.locator('.ant-card').filter({ hasText: '解读材料' });
      await card.getByRole('link', { name: interpretation.title }).waitFor();
      await shot(page, 'policy-with-interpretations');
    });

    it('uploads, downloads and removes an attachment; a file of another type is refused in Chinese', async () => {
      const { page, server, shot } = use();
      await page.goto(`${server.baseUrl}/console/items/${interpretation.id}`);
      const card = page.locator('.ant-card').filter({ has: page.getByText('附件', { exact: true }) });
      const input = card.locator('input[type=file]');
      await input.setInputFiles({
        name: '解读图表.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('不是 PDF 文件'),
      });
      await card
        .getByRole('alert')
        .getByText(/只能上传PDF、Word（DOCX）、Excel（XLSX）及 PNG、JPEG、GIF、WebP 图片/)
        .waitFor();
      await shot(page, 'upload-refused');
      await input.setInputFiles({ name: '解读图表.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
      const link = card.getByRole('link', { name: '解读图表.pdf' });
      await link.waitFor();
      await shot(page, 'uploaded');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect((await downloadedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await card.getByRole('button', { name: /删\s*除/ }).click();
      await page
        .getByRole('tooltip')
        .getByRole('button', { name: /删\s*除/ })
        .click();
      await card.getByText('暂无附件').waitFor();
      await shot(page, 'removed');
    });
  },
);
