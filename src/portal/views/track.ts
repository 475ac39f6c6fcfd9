/**
 * Request tracking: a GET form for the tracking code and, for a known code, the status, the
 * received and due dates, the working days left (provisional when the calendar is unconfirmed)
 * and the letters with their 送达 (day, method, the post's number) — nothing about the applicant.
 * An unknown code gets the same sentence as a malformed one.
 */

import type { Tracking } from '../../commands/requests/track-request.ts';
import { todayInChina } from '../../domain/dates.ts';
import { escapeHtml } from '../../render/escape.ts';
import { type FieldErrors, textField } from './fields.ts';
import { type PageContext, renderPortalPage } from './layout.ts';

export interface TrackView {
  code: string;
  errors: FieldErrors;
  found: Tracking | null;
}

function renderFound(t: Tracking): string {
  const left = t.decidedOn
    ? '已办结'
    : t.overdue
      ? '已超过答复期限'
      : `${t.workingDaysLeft}个工作日${t.provisional ? '（暂定）' : ''}`;
  const letters = t.letters.map(
    (l) =>
      `<tr><td>${escapeHtml(l.title)}</td><td>${escapeHtml(todayInChina(new Date(l.createdAt)))}</td>` +
      `<td>${escapeHtml(l.delivery?.sentence ?? '尚未登记送达')}</td>` +
      `<td><a href="${escapeHtml(l.docxUrl)}">下载DOCX</a> <a href="${escapeHtml(l.htmlUrl)}">在线查看</a></td></tr>`,
  );
  return (
    '<section aria-labelledby="status"><h2 id="status">办理情况</h2><dl class="facts">' +
    `<dt>受理机关</dt><dd>${escapeHtml(t.agency.name)}</dd>` +
    `<dt>登记编号</dt><dd>${escapeHtml(t.registrationNo ?? '—')}</dd>` +
    `<dt>办理状态</dt><dd>${escapeHtml(t.stateLabel)}</dd>` +
    `<dt>收到申请日期</dt><dd>${escapeHtml(t.receivedOn)}</dd>` +
    `<dt>答复期限</dt><dd>${escapeHtml(t.dueOn)}</dd>` +
    (t.decidedOn ? `<dt>答复日期</dt><dd>${escapeHtml(t.decidedOn)}</dd>` : '') +
    `<dt>剩余时间</dt><dd>${escapeHtml(left)}</dd></dl>` +
    (t.provisional
      ? `<p class="notice">${t.provisionalYears.join('、')}年的节假日安排尚未公布，答复期限和剩余工作日为暂定，公布后自动更正。</p>`
      : '') +
    '</section><section aria-labelledby="letters"><h2 id="letters">告知书</h2>' +
    (letters.length > 0
      ? `<table class="data"><thead><tr><th scope="col">文书</th><th scope="col">日期</th><th scope="col">送达</th><th scope="col">下载</th></tr></thead><tbody>${letters.join('')}</tbody></table>`
      : '<p class="muted">暂无告知书。</p>') +
    '</section>'
  );
}

/** The tracking page. */
export function renderTrack(view: TrackView, context: PageContext): string {
  const form =
    '<form class="inline" method="get" action="/track">' +
    textField({
      name: 'code',
      label: '查询码',
      value: view.code,
      errors: view.errors,
      required: true,
      maxlength: 64,
      hint: '提交申请后页面上显示的查询码。',
      autocomplete: 'off',
    }) +
    '<button type="submit">查询</button></form>';
  const main = `<h1>申请办理进度查询</h1>${form}${view.found ? renderFound(view.found) : ''}`;
  return renderPortalPage({
    title: '办理查询',
    context,
    nav: '/track',
    crumbs: [{ label: '办理查询' }],
    main,
  });
}
