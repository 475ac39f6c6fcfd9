/**
 * An agency's 政府信息公开 section: its index, 公开制度 (the 公开指南 is guide.ts), 依申请公开 and its annual reports; and `/gongkai`, every agency's section.
 */
import { emptyColumnText } from '../../domain/guide/column-notes.ts';
import { html, type SafeHtml } from '../../render/escape.ts';
import { publishedReportUrls } from '../../server/presenters/urls.ts';
import type { AgencySummary } from '../../server/queries/agencies.ts';
import type { AgencyProfile, ItemLine } from '../queries/catalog.ts';
import { DIRECTORY_PATH, renderAgencyList } from './agencies.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { renderLines, urls } from './parts.ts';
import { openDataLinks } from './reports.ts';
import { renderSectionPage } from './section-page.ts';

type SectionKey = 'rules' | 'onRequest' | 'reports';

function sectionPage(
  agency: AgencyProfile,
  context: PageContext,
  page: { key?: SectionKey; title: string; main: SafeHtml },
): string {
  return renderSectionPage(agency, context, {
    title: page.title,
    documentTitle: page.key ? undefined : `${agency.name}政府信息公开`,
    side: page.key,
    trail: page.key ? [{ label: page.title }] : [],
    main: page.main,
  });
}

/** The index of an agency's section: what each part holds, and the newest items. */
export function renderSectionIndex(agency: AgencyProfile, latest: ItemLine[], context: PageContext): string {
  const lines = latest.map((i) => ({
    href: urls.item(agency.code, i.id),
    title: i.title,
    date: i.published_on,
  }));
  const main = html`<h1>${agency.name}政府信息公开</h1>${[
    html`<p>本栏目依据《中华人民共和国政府信息公开条例》设置，包括政府信息公开指南、政府信息公开制度、`,
    html`法定主动公开内容、依申请公开和政府信息公开工作年度报告。</p>`,
    html`<h2>最新主动公开信息</h2>${renderLines(lines)}`,
    html`<p><a href="${urls.catalog(agency.code)}">查看法定主动公开内容</a></p>`,
  ]}`;
  return sectionPage(agency, context, { title: '政府信息公开', main });
}

/** 政府信息公开制度: the rules the work follows, and the agency's own (its sub-column `gkzd`). */
export function renderRules(
  agency: AgencyProfile,
  own: ItemLine[],
  note: string,
  context: PageContext,
): string {
  const lines = own.map((i) => ({
    href: urls.item(agency.code, i.id),
    title: i.title,
    date: i.published_on,
  }));
  const main = html`<h1>政府信息公开制度</h1>${[
    html`<h2>法规依据</h2><ul>`,
    html`<li>《中华人民共和国政府信息公开条例》（国务院令第711号）</li>`,
    html`<li>《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）</li>`,
    html`<li>《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）</li></ul>`,
    html`<h2>本机关制度</h2>${renderLines(lines, emptyColumnText(note))}`,
  ]}`;
  return sectionPage(agency, context, { key: 'rules', title: '政府信息公开制度', main });
}

/** 依申请公开: how to apply, with the form, tracking and the deadline calculator. */
export function renderOnRequest(agency: AgencyProfile, context: PageContext): string {
  const main = html`<h1>依申请公开</h1>${[
    html`<p>向${agency.name}申请获取政府信息，可以在线填写申请表，提交后获得查询码和登记编号。</p>`,
    html`<p><a class="button" href="${urls.apply(agency.code)}">在线提交申请</a></p>`,
    html`<ul><li><a href="/track">凭查询码查询办理进度、下载告知书</a></li>`,
    html`<li><a href="/deadline">计算答复期限（按官方工作日历）</a></li>`,
    html`<li><a href="${urls.guide(agency.code)}">阅读政府信息公开指南</a></li></ul>`,
  ]}`;
  return sectionPage(agency, context, { key: 'onRequest', title: '依申请公开', main });
}

/** The agency's annual reports by year, each with its downloads. */
export function renderAgencyReports(agency: AgencyProfile, years: number[], context: PageContext): string {
  const lines = years.map((year) => {
    const u = publishedReportUrls(agency.code, year);
    const sub = html`<a href="${u.docx}">下载DOCX</a><a href="${u.pdf}">下载PDF</a><a href="${u.json}">JSON数据</a>`;
    return { href: u.page, title: `${year}年政府信息公开工作年度报告`, sub };
  });
  const data = years.length > 0 ? openDataLinks({ agency: agency.code }, `${agency.name}各年度报告`) : '';
  const main = html`<h1>政府信息公开工作年度报告</h1>${renderLines(lines, '尚无年度报告。')}${data}`;
  return sectionPage(agency, context, { key: 'reports', title: '政府信息公开年度报告', main });
}

/**
 * `/gongkai`: each agency's section (a platform with several agencies); above HOME_AGENCIES_MAX
 * agencies, the top of the tree, the finder and 全部机关 (views/agencies.ts).
 */
export function renderAllSections(
  agencies: AgencySummary[],
  topCodes: readonly string[] | undefined,
  context: PageContext,
): string {
  const lineOf = (a: AgencySummary) => ({
    href: urls.section(a.code),
    title: a.name,
    sub: html`<a href="${urls.guide(a.code)}">公开指南</a><a href="${urls.catalog(a.code)}">法定主动公开内容</a><a href="${urls.onRequest(a.code)}">依申请公开</a><a href="${urls.reports(a.code)}">年度报告</a>`,
  });
  const directory = html`<p><a href="${DIRECTORY_PATH}">机构导航：按上下级查看、按名称查找机关</a></p>`;
  const main = html`<h1>政府信息公开</h1>${directory}${renderAgencyList(agencies, topCodes, lineOf, 'gongkai-q')}`;
  return renderPortalPage({
    title: '政府信息公开',
    context,
    nav: '/gongkai',
    crumbs: [{ label: '政府信息公开' }],
    main,
  });
}
