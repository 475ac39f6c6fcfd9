/**
 * 规章和行政规范性文件: the agency's documents in force today (the registry's list, the same
 * predicate as table 二 (一)'s 现行有效件数), as 国办发〔2018〕37号 asks agencies to publish.
 */

import type { RegistryDocument } from '../../domain/registry/document.ts';
import { html, type SafeHtml } from '../../render/escape.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import type { PageContext } from './layout.ts';
import { normativeDocumentUrl } from './normative-document.ts';
import { queryString, renderPager, urls } from './parts.ts';
import { renderSectionPage } from './section-page.ts';

export interface InForceListing {
  on: string;
  rows: RegistryDocument[];
  total: number;
  page: number;
  pageSize: number;
}

const TITLE = '现行有效规范性文件';

function row(agencyCode: string, doc: RegistryDocument, n: number): SafeHtml {
  const amended = doc.version > 1 ? html`<br><span class="muted">第${doc.version}版（修订）</span>` : '';
  return html`<tr><td>${n}</td><td>${doc.docNumber}</td><td><a href="${normativeDocumentUrl(agencyCode, doc.id)}">${doc.title}</a>${amended}</td><td>${doc.kindLabel}</td><td>${doc.issuedOn}</td></tr>`;
}

/** The list of documents in force on `listing.on`, newest first, paged. */
export function renderInForceList(
  agency: AgencyProfile,
  listing: InForceListing,
  context: PageContext,
): string {
  const first = (listing.page - 1) * listing.pageSize;
  const pages = Math.ceil(listing.total / listing.pageSize);
  const table =
    listing.rows.length === 0
      ? html`<p class="muted">暂无现行有效的规章和行政规范性文件。</p>`
      : html`<table class="data"><thead><tr><th scope="col">序号</th><th scope="col">文号</th><th scope="col">标题</th><th scope="col">种类</th><th scope="col">施行日期</th></tr></thead><tbody>${listing.rows.map((d, i) => row(agency.code, d, first + i + 1))}</tbody></table>`;
  const main = html`<h1>${TITLE}</h1>${[
    html`<p>截至 ${listing.on}，${agency.name}现行有效的规章和行政规范性文件共 ${listing.total} 件。`,
    html`已废止或已被修订后新版本取代的文件不再列入本目录。</p>`,
    table,
    renderPager(listing.page, pages, (n) => urls.normative(agency.code) + queryString({ page: n })),
  ]}`;
  return renderSectionPage(agency, context, {
    title: TITLE,
    side: 'normative',
    trail: [{ label: TITLE }],
    main,
  });
}
