/**
 * Request tracking: a GET form for the tracking code and, for a known code, the status, the
 * received and due dates, the working days left (provisional when the calendar is unconfirmed)
 * and the letters with their 送达 (day, method, the post's number) — nothing about the applicant.
 * An unknown code gets the same sentence as a malformed one.
 */

import type { Tracking } from '../../commands/requests/track-request.ts';
import { chineseDate } from '../../domain/letters/print.ts';
import { html, type SafeHtml } from '../../render/escape.ts';
import { type FieldErrors, textField } from './fields.ts';
import { type PageContext, renderPortalPage } from './layout.ts';

export interface TrackView {
  code: string;
  errors: FieldErrors;
  found: Tracking | null;
}

function renderFound(t: Tracking): SafeHtml {
  // 条例 第四十一条 sets a correction request no period: its date is the agency's guidance
  const correcting = t.kind === 'record_correction';
  const dueLabel = correcting ? '参考答复期限' : '答复期限';
  const left = t.decidedOn
    ? '已办结'
    : t.overdue
      ? `已超过${dueLabel}`
      : `${t.workingDaysLeft}个工作日${t.provisional ? '（暂定）' : ''}`;
  const letters = t.letters.map(
    (l) =>
      html`<tr><td>${l.title}</td><td>${chineseDate(l.issuedOn)}</td><td>${l.delivery?.sentence ?? '尚未登记送达'}</td><td><a href="${l.htmlUrl}">在线查看</a> <a href="${l.docxUrl}">下载DOCX</a></td></tr>`,
  );
  return html`<section aria-labelledby="status"><h2 id="status">办理情况</h2><dl class="facts">${[
    html`<dt>查询码</dt><dd><span class="code">${t.trackingCode}</span></dd>`,
    html`<dt>受理机关</dt><dd>${t.agency.name}</dd>`,
    html`<dt>登记编号</dt><dd>${t.registrationNo ?? '—'}</dd>`,
    correcting ? html`<dt>申请类型</dt><dd>更正申请（政府信息公开条例第四十一条）</dd>` : '',
    html`<dt>办理状态</dt><dd>${t.stateLabel}</dd>`,
    html`<dt>收到申请日期</dt><dd>${t.receivedOn}</dd>`,
    html`<dt>${dueLabel}</dt><dd>${t.dueOn}${correcting ? '（条例未规定更正申请的答复期限，本机关参照政府信息公开申请的期限办理）' : ''}</dd>`,
    t.decidedOn ? html`<dt>答复日期</dt><dd>${t.decidedOn}</dd>` : '',
    t.outcomeLabel ? html`<dt>答复结果</dt><dd>${t.outcomeLabel}</dd>` : '',
    html`<dt>剩余时间</dt><dd>${left}</dd></dl>`,
    t.provisional
      ? html`<p class="notice">${t.provisionalYears.join('、')}年的节假日安排尚未公布，答复期限和剩余工作日为暂定，公布后自动更正。</p>`
      : '',
    html`</section><section aria-labelledby="letters"><h2 id="letters">告知书</h2>`,
    letters.length > 0
      ? html`<table class="data"><thead><tr><th scope="col">文书</th><th scope="col">文书日期</th><th scope="col">送达</th><th scope="col">查看</th></tr></thead><tbody>${letters}</tbody></table>`
      : html`<p class="muted">暂无告知书。</p>`,
    html`</section>`,
  ]}`;
}

/** The tracking page. */
export function renderTrack(view: TrackView, context: PageContext): string {
  const form = html`<form class="inline" method="get" action="/track">${textField({
    name: 'code',
    label: '查询码',
    value: view.code,
    errors: view.errors,
    required: true,
    maxlength: 64,
    hint: '12位字母和数字，如 7KX4-9MPQ-2RTB，印在受理回执上；不区分大小写，可不输入短横线。',
    autocomplete: 'off',
  })}<button type="submit">查询</button></form>`;
  const main = html`<h1>申请办理进度查询</h1>${form}${view.found ? renderFound(view.found) : ''}`;
  return renderPortalPage({
    title: '办理查询',
    context,
    nav: '/track',
    crumbs: [{ label: '办理查询' }],
    main,
  });
}
