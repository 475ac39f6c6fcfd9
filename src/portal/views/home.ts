/**
 * The home page: the agencies, the newest items, policy documents with their interpretations, annual
 * reports. A site with more agencies than HOME_AGENCIES_MAX lists the top of its agency tree, the
 * form that searches 机构导航 and a link to it (a province's 2,000 agencies made the page 670 kB).
 */
import { html, type SafeHtml } from '../../render/escape.ts';
import { publishedReportUrls } from '../../server/presenters/urls.ts';
import type { AgencySummary } from '../../server/queries/agencies.ts';
import type { ItemLine } from '../queries/catalog.ts';
import { renderAgencyList } from './agencies.ts';
import { type PageContext, PLATFORM_NAME, renderPortalPage } from './layout.ts';
import { type Line, renderLines, urls } from './parts.ts';

export interface HomeData {
  /** every active agency: the annual reports panel reads them all */
  agencies: AgencySummary[];
  /** the codes of the agencies at the top of the tree, read when there are more than HOME_AGENCIES_MAX */
  topCodes?: string[];
  latest: ItemLine[];
  policies: Array<{ policy: ItemLine; interpretations: ItemLine[] }>;
}

const itemLine = (i: ItemLine): Line => ({
  href: urls.item(i.agency_code, i.id),
  title: i.title,
  date: i.published_on,
});

function policyLine({ policy, interpretations }: HomeData['policies'][number]): Line {
  const links = interpretations.map(
    (i) => html`<a href="${urls.item(i.agency_code, i.id)}">解读：${i.title}</a>`,
  );
  return { ...itemLine(policy), sub: links.length > 0 ? html`${links}` : undefined };
}

function agencyLine(agency: AgencySummary): Line {
  const reports = agency.reportYears
    .slice(0, 3)
    .map((y) => html`<a href="${publishedReportUrls(agency.code, y).page}">${y}年度报告</a>`);
  const links = html`<a href="${urls.catalog(agency.code)}">主动公开</a><a href="${urls.apply(agency.code)}">依申请公开</a>${reports}`;
  return { href: urls.section(agency.code), title: agency.name, sub: links };
}

function reportLines(agencies: AgencySummary[]): Line[] {
  return agencies
    .flatMap((a) => a.reportYears.map((year) => ({ a, year })))
    .sort((x, y) => y.year - x.year)
    .slice(0, 8)
    .map(({ a, year }) => ({
      href: publishedReportUrls(a.code, year).page,
      title: `${a.name}${year}年政府信息公开工作年度报告`,
    }));
}

const panel = (id: string, title: string, body: SafeHtml, more?: [string, string]) =>
  html`<section class="panel" aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body}${more ? html`<p><a href="${more[0]}">${more[1]}</a></p>` : ''}</section>`;

/** The home page HTML. */
export function renderHome(data: HomeData, context: PageContext): string {
  const main = html`<h1>政府信息公开</h1><div class="panels">${[
    panel('latest', '最新信息', renderLines(data.latest.map(itemLine)), ['/search', '检索全部信息']),
    panel('policies', '政策文件与解读', renderLines(data.policies.map(policyLine), '暂无政策文件。')),
    panel(
      'agencies',
      '各机关政府信息公开',
      renderAgencyList(data.agencies, data.topCodes, agencyLine, 'home-q'),
    ),
    panel('reports', '政府信息公开工作年度报告', renderLines(reportLines(data.agencies), '暂无年度报告。'), [
      '/reports',
      '全部年度报告',
    ]),
  ]}</div>`;
  return renderPortalPage({ title: PLATFORM_NAME, context, nav: '/', crumbs: [], main });
}
