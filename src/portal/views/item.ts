/**
 * A published item's page: the metadata table (索引号, 发布机构, 文号, 成文日期, 发布日期, 有效性,
 * 主题分类), the title, the body (sanitized when it was saved), the attachments, the linked policy
 * document or interpretations, and related items. The content part is cached by item version.
 */

import type { FoundItem } from '../../db/queries/items.ts';
import {
  ITEM_VALIDITY_LABELS,
  type ItemValidity,
  STATUTORY_CATEGORY_LABELS,
  type StatutoryCategory,
} from '../../domain/items/categories.ts';
import { html, type SafeHtml, trustedHtml } from '../../render/escape.ts';
import type { SearchHit } from '../../search/types.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import type { ItemHead } from '../queries/item-page.ts';
import type { PageContext } from './layout.ts';
import { renderLines, urls } from './parts.ts';
import { renderSectionPage } from './section-page.ts';

const row = (label: string, value: string | null | undefined) =>
  html`<tr><th scope="row">${label}</th><td>${value || '—'}</td></tr>`;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The content of an item page (inside <main>), the part worth caching. */
export function renderItemContent(agency: AgencyProfile, found: FoundItem, related: SearchHit[]): SafeHtml {
  const item = found.row;
  const code = agency.code;
  const meta = html`<table class="meta"><caption class="muted">信息属性</caption><tbody>${[
    row('索引号', item.index_no),
    row('主题分类', item.subject),
    row('发布机构', item.issuer || agency.name),
    row('文号', item.doc_number),
    row('成文日期', item.formed_on),
    row('发布日期', item.published_on),
    row('有效性', ITEM_VALIDITY_LABELS[item.validity as ItemValidity] ?? item.validity),
    row('公开类别', STATUTORY_CATEGORY_LABELS[item.category as StatutoryCategory] ?? item.category),
  ]}</tbody></table>`;
  const attachments = found.attachments.map((a) => ({
    href: urls.attachment(code, item.id, a.id),
    title: a.file_name,
    sub: html`${a.media_type}，${formatSize(Number(a.size))}`,
  }));
  const links: SafeHtml[] = [];
  if (attachments.length > 0)
    links.push(html`<section class="links"><h2>附件</h2>${renderLines(attachments)}</section>`);
  if (found.policy)
    links.push(
      html`<section class="links"><h2>所解读的政策文件</h2>${renderLines([
        {
          href: urls.item(code, found.policy.id),
          title: found.policy.title,
          date: found.policy.published_on,
        },
      ])}</section>`,
    );
  if (found.interpretations.length > 0)
    links.push(
      html`<section class="links"><h2>政策解读</h2>${renderLines(
        found.interpretations.map((i) => ({
          href: urls.item(code, i.id),
          title: i.title,
          date: i.published_on,
        })),
      )}</section>`,
    );
  if (related.length > 0)
    links.push(
      html`<section class="links"><h2>相关信息</h2>${renderLines(
        related.map((r) => ({ href: urls.item(code, r.id), title: r.title, date: r.publishedOn })),
      )}</section>`,
    );
  // the body was sanitized (sanitize-html, src/domain/items/sanitize-body.ts) when it was saved
  const body = trustedHtml(item.body_html);
  return html`${meta}<h1 class="doc-title">${item.title}</h1>${item.doc_number ? html`<p class="muted doc-number">${item.doc_number}</p>` : ''}<div class="doc-body">${body}</div>${links}`;
}

/** The whole item page around cached content. */
export function renderItemPage(
  agency: AgencyProfile,
  item: ItemHead,
  content: SafeHtml,
  context: PageContext,
): string {
  const categoryLabel = STATUTORY_CATEGORY_LABELS[item.category as StatutoryCategory] ?? item.category;
  const source = item.issuer || agency.name;
  return renderSectionPage(agency, context, {
    title: item.title,
    article: {
      title: item.title,
      pubDate: item.published_on ?? '',
      source,
      keywords: [item.subject, categoryLabel],
      author: source,
      path: urls.item(agency.code, item.id),
    },
    side: 'catalog',
    trail: [
      { label: '法定主动公开内容', href: urls.catalog(agency.code) },
      {
        label: categoryLabel,
        href: `${urls.catalog(agency.code)}?category=${encodeURIComponent(item.category)}`,
      },
      { label: '正文' },
    ],
    main: content,
  });
}
