/**
 * 条例第四十四条: two applicants asked for the same information and one was answered 予以公开; the
 * operator finds the proposal from the request queue, opens the draft item (纳入主动公开), sees it
 * linked both ways, and records another applicant's suggestion to publish on a case.
 */
import { expect, it } from 'vitest';
import { cliAgencyContext } from '../../src/cli/command-context.ts';
import { applyCaseAction } from '../../src/commands/requests/apply-case-action.ts';
import { registerRequest } from '../../src/commands/requests/register-request.ts';
import { todayInChina } from '../../src/domain/dates.ts';
import { choose, go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const INFORMATION = [
  '临港区东港路拓宽工程房屋征收补偿方案',
  '申请公开临港区东港路拓宽工程的房屋征收补偿方案及补偿标准',
];

describeJourney(
  'journey: 条例第四十四条 — requests for the same information become a draft item',
  'publication-proposals',
  (use) => {
    const ids: number[] = [];

    it('条例第四十四条: the operator opens a draft item from the queue’s proposals', async () => {
      const { page, server, shot } = use();
      const { agencyId, ctx } = await cliAgencyContext(server.db, 'lingang', 'lingang-operator');
      const today = todayInChina(new Date());
      for (const [i, information] of INFORMATION.entries()) {
        const registered = await registerRequest(ctx, {
          agencyId,
          channel: 'letter',
          receivedOn: today,
          applicantType: 'natural_person',
          applicant: {
            ...{ name: ['周明', '吴芳'][i], idType: 'passport', idNumber: `E1234567${i}` },
            ...{ address: '山东省威海市环翠区海滨路1号', information, form: 'paper', delivery: 'post' },
          },
        });
        ids.push(registered.requestId);
      }
      await applyCaseAction(ctx, {
        agencyId,
        requestId: ids[0],
        expectedVersion: 1,
        action: 'decide',
        payload: {
          outcome: 'granted',
          basis: 'a36.2',
          reasons: '属于公开范围',
          fields: { delivery: '随本答复书邮寄' },
        },
      });
      await signIn(page, server.baseUrl, 'lingang-operator');
      await go(page, server.baseUrl, '/requests');
      await page.getByRole('button', { name: '纳入主动公开建议' }).click();
      const card = page.locator('.ant-card').filter({ hasText: '临港区东港路拓宽工程房屋征收补偿方案' });
      await card.getByText('2 个申请人申请相同信息').waitFor();
      await shot(page, 'proposals');
      await card.getByRole('button', { name: '纳入主动公开' }).click();
      const dialog = page.getByRole('dialog', { name: '纳入主动公开：起草信息' });
      await dialog.waitFor();
      expect(await dialog.getByLabel('标题').inputValue()).toBe('临港区东港路拓宽工程房屋征收补偿方案');
      await choose(page, '法定类别', /（十）/);
      await shot(page, 'include');
      await dialog.getByRole('button', { name: /起\s*草/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await card.getByText('已起草信息').waitFor();
      await shot(page, 'included');
      await card.getByRole('link', { name: '临港区东港路拓宽工程房屋征收补偿方案' }).click();
      const from = page.locator('.ant-card').filter({ hasText: '来源申请' });
      await from.waitFor();
      expect(await from.getByRole('link').count()).toBe(2);
      await shot(page, 'item');
    });

    it('条例第四十四条第二款: the operator records an applicant’s suggestion on the case', async () => {
      const { page, server, shot } = use();
      await page.goto(`${server.baseUrl}/console/requests/${ids[1]}`);
      await page.getByRole('button', { name: '登记申请人建议' }).click();
      const dialog = page.getByRole('dialog', { name: '登记申请人建议纳入主动公开' });
      await dialog.getByRole('checkbox', { name: '需要公众参与决策' }).check();
      await dialog.getByLabel('建议说明').fill('征收补偿关系沿线住户');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('需要公众参与决策（征收补偿关系沿线住户）').waitFor();
      await shot(page, 'suggestion');
    });
  },
);
