/** A page of an agency's 政府信息公开 section: its band, the section's crumbs and left column. */
import type { SafeHtml } from '../../render/escape.ts';
import { type Crumb, type PageContext, renderPortalPage } from './layout.ts';
import type { ArticleMeta } from './meta.ts';
import { renderSectionSide, urls } from './parts.ts';

export interface SectionPage {
  /** the page's own title (the document title adds the agency's name) */
  title: string;
  /** the document title when it is not “title - agency” (the section's index) */
  documentTitle?: string;
  /** the main navigation entry (default 政府信息公开) */
  nav?: string;
  /** the left column's current entry */
  side?: keyof typeof urls;
  /** the crumbs after 政府信息公开 › the agency */
  trail: Crumb[];
  main: SafeHtml;
  /** an article page's meta tags (an item) */
  article?: ArticleMeta;
}

/** Renders a page of the agency's section. */
export function renderSectionPage(
  agency: { code: string; name: string },
  context: PageContext,
  page: SectionPage,
): string {
  return renderPortalPage({
    title: page.documentTitle ?? `${page.title} - ${agency.name}`,
    context,
    agency,
    nav: page.nav ?? '/gongkai',
    crumbs: [
      { label: '政府信息公开', href: '/gongkai' },
      { label: agency.name, href: urls.section(agency.code) },
      ...page.trail,
    ],
    side: renderSectionSide(agency.code, page.side),
    main: page.main,
    article: page.article,
  });
}
