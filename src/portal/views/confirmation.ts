/** After the online form: the confirmation with the tracking code, and `/apply`'s choice of agency. */
import { html } from '../../render/escape.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import { applyPage } from './apply.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { urls } from './parts.ts';

export interface Confirmation {
  trackingCode: string;
  registrationNo: string;
  receivedOn: string;
  dueOn: string;
  provisional: boolean;
}

/** The confirmation: the tracking code (kept by the applicant), the registration number, the dates. */
export function renderConfirmation(
  agency: AgencyProfile,
  receipt: Confirmation,
  context: PageContext,
): string {
  const track = `/track?code=${encodeURIComponent(receipt.trackingCode)}`;
  const main = html`<h1>申请已提交</h1>${[
    html`<div class="ok" role="status"><p>${agency.name}已收到您的政府信息公开申请。</p></div>`,
    html`<dl class="facts">`,
    html`<dt>登记编号</dt><dd>${receipt.registrationNo}</dd>`,
    html`<dt>查询码</dt><dd><span class="code">${receipt.trackingCode}</span></dd>`,
    html`<dt>收到申请日期</dt><dd>${receipt.receivedOn}</dd>`,
    html`<dt>答复期限</dt><dd>${receipt.dueOn}${receipt.provisional ? '（暂定：跨越的年度尚未公布节假日安排）' : ''}</dd>`,
    html`</dl>`,
    html`<p class="notice">请妥善保存查询码：凭查询码可以查询办理进度、下载告知书。</p>`,
    html`<p><a class="button" href="${track}">查询办理进度</a></p>`,
  ]}`;
  return applyPage(agency, context, '申请已提交', main);
}

/** `/apply` on a platform of several agencies: choose the agency first. */
export function renderChooseAgency(
  agencies: Array<{ code: string; name: string }>,
  context: PageContext,
): string {
  const list = agencies.map((a) => html`<li><a href="${urls.apply(a.code)}">${a.name}</a></li>`);
  const main = html`<h1>在线申请</h1><p>请选择受理申请的机关：</p><ul class="list">${list}</ul>`;
  return renderPortalPage({
    title: '在线申请',
    context,
    nav: '/apply',
    crumbs: [{ label: '在线申请' }],
    main,
  });
}
