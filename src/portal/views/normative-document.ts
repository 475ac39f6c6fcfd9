/**
 * One 规范性文件 on the portal: its 文号, 发布机关, dates and 有效性 from the registry, its versions
 * (each amendment a new version) and, where the agency published it as an item, its text and 解读.
 * Without a published item the page says how to obtain the text (the registry stores none).
 */
import { html, type SafeHtml, trustedHtml } from '../../render/escape.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import type { NormativeDocumentPage } from '../queries/normative-document.ts';
import type { PageContext } from './layout.ts';
import { renderLines, urls } from './parts.ts';
import { renderSectionPage } from './section-page.ts';

/** The address of one version's page. */
export const normativeDocumentUrl = (code: string, id: number) => `${urls.normative(code)}/${id}`;

const row = (label: string, value: SafeHtml | string) =>
  html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;

function validity(page: NormativeDocumentPage, code: string): SafeHtml {
  const d = page.document;
  if (d.status === 'amended') {
    const next = page.versions.find((v) => v.id === d.supersededById);
    return html`已修改（${d.repealedOn ?? ''}起由${next ? html`<a href="${normativeDocumentUrl(code, next.id)}">第${next.version}版</a>` : '新版本'}取代）`;
  }
  if (d.status === 'repealed')
    return html`已废止（${d.repealedOn ?? ''}${d.repealedBy ? `，依据${d.repealedBy}` : ''}）`;
  return html`${d.statusLabel}`;
}

function versions(page: NormativeDocumentPage, code: string): SafeHtml {
  if (page.versions.length <= 1) return html``;
  const items = page.versions.map((v) => {
    const label = `第${v.version}版：${v.docNumber} ${v.title}（${v.issuedOn}施行，${v.statusLabel}）`;
    return v.id === page.document.id
      ? html`<li><span aria-current="page">${label}</span></li>`
      : html`<li><a href="${normativeDocumentUrl(code, v.id)}">${label}</a></li>`;
  });
  return html`<h2>历次版本</h2><ol class="versions">${items}</ol>`;
}

/** The page of one version of a normative document. */
export function renderNormativeDocument(
  agency: AgencyProfile,
  page: NormativeDocumentPage,
  context: PageContext,
): string {
  const d = page.document;
  const t = page.text;
  const meta = html`<table class="meta"><tbody>${[
    row('文号', d.docNumber),
    row('种类', d.kindLabel),
    row('发布机关', d.issuer || agency.name),
    t ? row('成文日期', t.formedOn) : '',
    row('施行日期', d.issuedOn),
    row('有效性', validity(page, agency.code)),
    page.versions.length > 1 ? row('版本', `第${d.version}版（共${page.versions.length}版）`) : '',
  ]}</tbody></table>`;
  const body = t
    ? html`<h2>正文</h2><div class="doc-body">${trustedHtml(t.bodyHtml)}</div><p class="muted">正文发布于${t.publishedOn ?? ''}，见<a href="${urls.item(agency.code, t.id)}">${t.title}</a>。</p>`
    : html`<h2>正文</h2><p class="muted">本文件的正文尚未在本网站发布。如需获取，可以<a href="${urls.apply(agency.code)}">依申请公开</a>，或者到<a href="${urls.guide(agency.code)}">公开指南</a>所列的查阅场所查阅。</p>`;
  const interpretations = t
    ? html`<h2>政策解读</h2>${renderLines(
        page.interpretations.map((i) => ({
          href: urls.item(agency.code, i.id),
          title: i.title,
          date: i.published_on,
        })),
        '本文件暂无解读。',
      )}`
    : '';
  const main = html`<h1 class="doc-title">${d.title}</h1>${[meta, body, interpretations, versions(page, agency.code)]}`;
  return renderSectionPage(agency, context, {
    title: d.title,
    side: 'normative',
    trail: [{ label: '现行有效规范性文件', href: urls.normative(agency.code) }, { label: d.title }],
    main,
  });
}
