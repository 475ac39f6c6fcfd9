/**
 * An agency's 政府信息公开 section: its index, 公开指南 (from the agency's own particulars),
 * 公开制度, 依申请公开 and its annual reports; and `/gongkai`, every agency's section.
 */
import { html, type SafeHtml } from '../../render/escape.ts';
import { publishedReportUrls } from '../../server/presenters/urls.ts';
import type { AgencySummary } from '../../server/queries/agencies.ts';
import type { AgencyProfile, ItemLine } from '../queries/catalog.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { renderLines, urls } from './parts.ts';
import { renderSectionPage } from './section-page.ts';

type SectionKey = 'guide' | 'rules' | 'onRequest' | 'reports';

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

const fact = (label: string, value: string) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');

/** 政府信息公开指南: how to find proactively disclosed information and how to apply. */
export function renderGuide(agency: AgencyProfile, context: PageContext): string {
  const main = html`<h1>${agency.name}政府信息公开指南</h1>${[
    html`<h2>一、主动公开</h2>`,
    html`<p>本机关依照条例第二十条、第二十一条主动公开政府信息，集中在本栏目<a href="${urls.catalog(agency.code)}">法定主动公开内容</a>中按类别发布，`,
    html`并可通过<a href="/search">信息检索</a>查找。属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开。</p>`,
    html`<h2>二、依申请公开</h2>`,
    html`<p>公民、法人或者其他组织可以通过<a href="${urls.apply(agency.code)}">在线申请</a>、信函或者当面提交等方式申请获取政府信息。`,
    html`申请内容应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；`,
    html`申请公开的政府信息的形式要求，包括获取信息的方式、途径（条例第二十九条）。</p>`,
    html`<p>能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长答复期限的，经负责人同意可以延长，延长期限最长不超过20个工作日（条例第三十三条）。`,
    html`可使用<a href="/deadline">期限计算</a>按官方工作日历推算答复期限，用<a href="/track">办理查询</a>凭查询码了解办理进度。</p>`,
    html`<h2>三、工作机构</h2>`,
    html`<dl class="facts">${[
      fact('机关名称', agency.name),
      fact('工作机构', agency.office),
      fact('通信地址', agency.address),
      fact('邮政编码', agency.postcode),
      fact('联系电话', agency.phone),
      fact('网站', agency.website_name ? `${agency.website_name}（${agency.website}）` : agency.website),
    ]}</dl>`,
    html`<h2>四、监督和救济</h2>`,
    html`<p>公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。</p>`,
  ]}`;
  return sectionPage(agency, context, { key: 'guide', title: '政府信息公开指南', main });
}

/** 政府信息公开制度: the rules the work follows, and the agency's own (its sub-column `gkzd`). */
export function renderRules(agency: AgencyProfile, own: ItemLine[], context: PageContext): string {
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
    html`<h2>本机关制度</h2>${renderLines(lines, '本机关尚未在“公开制度”栏目发布制度文件。')}`,
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
  const main = html`<h1>政府信息公开工作年度报告</h1>${renderLines(lines, '尚无年度报告。')}`;
  return sectionPage(agency, context, { key: 'reports', title: '政府信息公开年度报告', main });
}

/** `/gongkai`: each agency's section (a platform with several agencies). */
export function renderAllSections(agencies: AgencySummary[], context: PageContext): string {
  const lines = agencies.map((a) => ({
    href: urls.section(a.code),
    title: a.name,
    sub: html`<a href="${urls.guide(a.code)}">公开指南</a><a href="${urls.catalog(a.code)}">法定主动公开内容</a><a href="${urls.onRequest(a.code)}">依申请公开</a><a href="${urls.reports(a.code)}">年度报告</a>`,
  }));
  const main = html`<h1>政府信息公开</h1>${renderLines(lines, '暂无机关。')}`;
  return renderPortalPage({
    title: '政府信息公开',
    context,
    nav: '/gongkai',
    crumbs: [{ label: '政府信息公开' }],
    main,
  });
}
