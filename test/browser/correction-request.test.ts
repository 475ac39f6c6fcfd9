/**
 * 条例 第四十一条 in the console: staff register a request to correct a record about the applicant
 * (the kind choice, the record, what is inaccurate, the evidence), see it tagged in the queue, answer
 * it with 答复更正申请 (不予更正 needs its reason) and get the 更正申请答复书.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { choose, go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

/** The text of the case page's description item `label`. */
async function caseField(page: Page, label: string): Promise<string> {
  const cell = page.locator('.ant-descriptions-item').filter({ has: page.getByText(label, { exact: true }) });
  return ((await cell.locator('.ant-descriptions-item-content').textContent()) ?? '').trim();
}

describeJourney(
  'journey: staff register and answer a correction request (条例第四十一条)',
  'correction-request',
  (use) => {
    it('条例第四十一条: registers a correction request with its record, inaccuracy and evidence', async () => {
      const { page, server, shot } = use();
      await signIn(page, server.baseUrl, 'lingang-operator');
      await go(page, server.baseUrl, '/requests/new');
      await page.getByText('更正申请（条例第四十一条）', { exact: true }).click();
      await page.getByLabel('要求更正的政府信息记录').waitFor();
      expect(await page.getByLabel('所需信息的名称或描述').count()).toBe(0);
      await choose(page, '收到方式', '当面');
      await choose(page, '申请人类型', '自然人');
      await page.getByLabel('姓名或名称').fill('李华');
      await choose(page, '证件类型', '护照');
      await page.getByLabel('证件号码').fill('E98765432');
      await page.getByLabel('联系电话').fill('13800000000');
      await page
        .getByLabel('要求更正的政府信息记录')
        .fill('2025年度临港区城乡低保对象名单中李华的家庭人口数');
      await page.getByLabel('不准确的内容').fill('名单记载家庭人口为4人，实际为3人');
      await page.getByLabel('提供的证据').fill('户口簿复印件、派出所出具的户籍证明');
      await shot(page, 'register-filled');
      await page.getByRole('button', { name: /登\s*记/ }).click();
      await page.getByText(/^已登记：/).waitFor();
      await page.getByText(/参考答复期限（条例未规定更正申请的期限）/).waitFor();
      await shot(page, 'registered');
      await page.getByRole('button', { name: '打开该申请' }).click();
      await page.getByRole('region', { name: '可办理的操作' }).waitFor();
      expect(await caseField(page, '要求更正的记录')).toBe(
        '2025年度临港区城乡低保对象名单中李华的家庭人口数',
      );
      expect(await caseField(page, '提供的证据')).toBe('户口簿复印件、派出所出具的户籍证明');
      const actions = page.getByRole('region', { name: '可办理的操作' }).getByRole('button');
      expect(await actions.allTextContents()).toEqual(['答复更正申请（第四十一条）']);
      await shot(page, 'case');
    });

    it('条例第四十一条: a refusal asks for its reason, then the 更正申请答复书 is issued', async () => {
      const { page, shot } = use();
      await page
        .getByRole('region', { name: '可办理的操作' })
        .getByRole('button', { name: '答复更正申请（第四十一条）' })
        .click();
      const dialog = page.getByRole('dialog', { name: '答复更正申请（第四十一条）' });
      await dialog.waitFor();
      await dialog.getByText('不予更正', { exact: true }).click();
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.getByText('请填写“不予更正的理由”').waitFor();
      await shot(page, 'refusal-needs-reason');
      await dialog.getByRole('radio', { name: /（证据不足）/ }).check();
      await dialog
        .getByLabel('不予更正的理由')
        .fill('您提供的户籍证明开具于2026年，不能证明名单制作时的家庭人口。');
      await shot(page, 'decide-dialog');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('link', { name: /^下载 更正申请答复书/ }).waitFor();
      expect(await caseField(page, '处理结果')).toBe('不予更正');
      expect(await caseField(page, '状态')).toContain('办结');
      await shot(page, 'decided');
    });

    it('条例第四十一条: the queue tags it 更正申请', async () => {
      const { page, server, shot } = use();
      await page.goto(`${server.baseUrl}/console/requests?filter=all&q=${encodeURIComponent('李华')}`);
      const row = page.getByRole('row').filter({ hasText: '更正申请' });
      await row.first().waitFor();
      expect(await row.count()).toBeGreaterThan(0);
      await shot(page, 'queue');
    });
  },
);
