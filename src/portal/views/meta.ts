/**
 * The meta tags of a government website's pages, named as 《政府网站发展指引》(国办发〔2017〕47号)
 * 附件 《政府网站网页设计规范》 names them and as government sites write them (docs/portal.md):
 * every page `SiteName`, `SiteDomain`, `SiteIDCode`; a column's page `ColumnName`, `ColumnType`;
 * an article's page also `ArticleTitle`, `PubDate`, `ContentSource`, `Keywords`, `Author`, `Url`.
 */
import type { SiteIdentity } from '../../domain/site/settings.ts';
import { html, type SafeHtml } from '../../render/escape.ts';

/** What an article page (a published item) says of itself. */
export interface ArticleMeta {
  title: string;
  /** the day it was published (YYYY-MM-DD) */
  pubDate: string;
  /** 信息来源: the issuing body */
  source: string;
  keywords: string[];
  author: string;
  /** its path on this site (`/agencies/…/items/7`) */
  path: string;
}

/** The column's type, by the navigation entry the page belongs to. */
const COLUMN_TYPES: Readonly<Record<string, string>> = {
  '/': '首页',
  '/gongkai': '政府信息公开',
  '/search': '信息检索',
  '/reports': '政府信息公开年度报告',
  '/apply': '依申请公开',
  '/track': '依申请公开',
  '/deadline': '依申请公开',
  '/check': '政府信息公开年度报告',
};

/**
 * The column (栏目) of a page from its crumbs: an article's is the column it sits in (the crumb
 * before its own), any other page's is itself (its last crumb); the home page's is 首页.
 */
export function columnOf(
  crumbs: ReadonlyArray<{ label: string }>,
  nav: string | undefined,
  article: boolean,
): { name: string; type: string } {
  const type = COLUMN_TYPES[nav ?? ''] ?? '政府信息公开';
  const own = article ? crumbs.at(-2) : crumbs.at(-1);
  return { name: own?.label ?? '首页', type };
}

const meta = (name: string, content: string) => html`<meta name="${name}" content="${content}">`;

/** The meta tags of a page. */
export function renderMetaTags(
  site: SiteIdentity,
  column: { name: string; type?: string },
  article?: ArticleMeta,
): SafeHtml {
  const tags = [
    meta('SiteName', site.name),
    meta('SiteDomain', site.domain),
    site.siteCode ? meta('SiteIDCode', site.siteCode) : '',
    meta('ColumnName', column.name),
    meta('ColumnType', column.type ?? column.name),
  ];
  if (article)
    tags.push(
      meta('ArticleTitle', article.title),
      meta('PubDate', article.pubDate),
      meta('ContentSource', article.source),
      meta('Keywords', article.keywords.filter(Boolean).join(',')),
      meta('Author', article.author),
      meta('Url', `${site.origin}${article.path}`),
    );
  return html`${tags.map((t) => html`${t}\n`)}`;
}
