/** 网站地图: every public section of the site — the site's pages and each agency's section, categories and reports. */
import { html } from '../../render/escape.ts';
import type { AgencyMap } from '../queries/sitemap.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { urls } from './parts.ts';

const link = (href: string, label: string) => html`<li><a href="${href}">${label}</a></li>`;

/** The site map page. */
export function renderSitemap(agencies: AgencyMap[], context: PageContext): string {
  const site = html`<section class="map"><h2>本站栏目</h2><ul class="map-links">${[
    link('/', '首页'),
    link('/gongkai', '政府信息公开'),
    link('/agencies', '机构导航'),
    link('/search', '信息检索'),
    link('/reports', '政府信息公开年度报告'),
    link('/apply', '在线申请'),
    link('/track', '办理查询'),
    link('/deadline', '期限计算'),
    link('/check', '年报体检'),
  ]}</ul></section>`;
  const sections = agencies.map((a) => {
    const categories =
      a.categories.length > 0
        ? html`<h4>法定主动公开内容</h4><ul class="map-links">${a.categories.map((c) =>
            link(`${urls.catalog(a.code)}?category=${encodeURIComponent(c.code)}`, c.label),
          )}</ul>`
        : '';
    const reports =
      a.reports.length > 0
        ? html`<h4>政府信息公开工作年度报告</h4><ul class="map-links">${a.reports.map((r) =>
            link(`/agencies/${encodeURIComponent(a.code)}/reports/${r.year}`, `${r.year}年度报告`),
          )}</ul>`
        : '';
    return html`<section class="map"><h3>${a.name}</h3><ul class="map-links">${[
      link(urls.section(a.code), '政府信息公开'),
      link(urls.guide(a.code), '政府信息公开指南'),
      link(urls.rules(a.code), '政府信息公开制度'),
      link(urls.catalog(a.code), '法定主动公开内容'),
      link(urls.normative(a.code), '现行有效规范性文件'),
      link(urls.onRequest(a.code), '依申请公开'),
      link(urls.reports(a.code), '政府信息公开年度报告'),
      link(urls.apply(a.code), '在线申请'),
    ]}</ul>${categories}${reports}</section>`;
  });
  const main = html`<h1>网站地图</h1>${site}<h2>各机关政府信息公开</h2>${sections}`;
  return renderPortalPage({ title: '网站地图', context, crumbs: [{ label: '网站地图' }], main });
}
