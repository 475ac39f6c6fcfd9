/** The public deadline calculator: a received date (and working days) → the due date on the official calendar. */

import { PROVISIONAL_COUNTING } from '../../domain/calendar/statutory-holidays.ts';
import { html } from '../../render/escape.ts';
import { type FieldErrors, textField } from './fields.ts';
import { type PageContext, renderPortalPage } from './layout.ts';

export interface DeadlineView {
  from: string;
  days: string;
  errors: FieldErrors;
  result: { from: string; days: number; due: string; provisionalYears: number[] } | null;
}

/** The calculator page. */
export function renderDeadline(view: DeadlineView, context: PageContext): string {
  const form = html`<form class="inline" method="get" action="/deadline">${[
    textField({
      name: 'from',
      label: '收到申请日期',
      value: view.from,
      errors: view.errors,
      type: 'date',
      required: true,
      hint: '格式：YYYY-MM-DD',
    }),
    textField({
      name: 'days',
      label: '工作日数',
      value: view.days,
      errors: view.errors,
      type: 'number',
      hint: '答复期限一般为20个工作日（条例第三十三条）。',
    }),
  ]}<button type="submit">计算</button></form>`;
  const r = view.result;
  const result = r
    ? html`<section aria-labelledby="result"><h2 id="result">计算结果</h2><dl class="facts">${[
        html`<dt>收到申请日期</dt><dd>${r.from}</dd><dt>工作日数</dt><dd>${r.days}</dd>`,
        html`<dt>答复期限</dt><dd><strong>${r.due}</strong>${r.provisionalYears.length > 0 ? '（暂定）' : ''}</dd></dl>`,
        r.provisionalYears.length > 0
          ? html`<p class="notice">${r.provisionalYears.join('、')}年的节假日安排尚未公布，${PROVISIONAL_COUNTING}，结果为暂定。</p>`
          : '',
        html`<p class="muted">收到申请之日不计入期限，自次日起按工作日计算，法定节假日不计、调休上班日计入。</p></section>`,
      ]}`
    : '';
  const main = html`<h1>答复期限计算</h1>${form}${result}`;
  return renderPortalPage({
    title: '期限计算',
    context,
    nav: '/deadline',
    crumbs: [{ label: '期限计算' }],
    main,
  });
}
