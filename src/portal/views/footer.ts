/**
 * The footer of every portal page, as a government website's: 主办单位, 承办单位, 联系我们, 网站地图,
 * 网站标识码, ICP备案号 (linked to the 工业和信息化部 record system), 公安机关备案号 (linked to its record
 * on the national 公安备案 search) and the 党政机关网站 mark when one is set. Nothing unset is shown.
 */
import type { SiteIdentity } from '../../domain/site/settings.ts';
import { html, joinHtml, type SafeHtml } from '../../render/escape.ts';

const pair = (label: string, value: string) => (value ? html`<span>${label}：${value}</span>` : '');

function contactLine(site: SiteIdentity): SafeHtml | '' {
  const { phone, email, address } = site.contact;
  const parts = [
    pair('联系电话', phone),
    email ? html`<span>电子邮箱：<a href="mailto:${email}">${email}</a></span>` : '',
    pair('通信地址', address),
  ].filter((p) => p !== '');
  return parts.length > 0 ? html`<p>${joinHtml(parts, ' ')}</p>` : '';
}

/** The footer. */
export function renderFooter(site: SiteIdentity): SafeHtml {
  const links = [
    html`<li><a href="/sitemap">网站地图</a></li>`,
    site.contact.page ? html`<li><a href="${site.contact.page}">联系我们</a></li>` : '',
    html`<li><a href="/gongkai">政府信息公开</a></li>`,
    html`<li><a href="/apply">在线申请</a></li>`,
  ];
  const owners = [pair('主办单位', site.sponsor), pair('承办单位', site.organizer)].filter((p) => p !== '');
  const records = [
    pair('网站标识码', site.siteCode),
    site.icp ? html`<a href="${site.icp.href}" rel="noopener">${site.icp.number}</a>` : '',
    site.psb ? html`<a href="${site.psb.href}" rel="noopener">${site.psb.number}</a>` : '',
  ].filter((p) => p !== '');
  const image = site.mark
    ? html`<img src="${site.mark.image}" alt="党政机关网站标识" width="55" height="64">`
    : '';
  const mark = site.mark?.href
    ? html`<a class="mark" href="${site.mark.href}" rel="noopener">${image}</a>`
    : site.mark
      ? html`<span class="mark">${image}</span>`
      : '';
  return html`<footer class="foot"><div class="wrap">${mark}<div class="foot-text"><ul class="foot-links">${links}</ul>${[
    owners.length > 0 ? html`<p>${joinHtml(owners, ' ')}</p>` : '',
    site.contact.page ? '' : contactLine(site),
    records.length > 0 ? html`<p class="records">${joinHtml(records, ' ')}</p>` : '',
    html`<p>依据《中华人民共和国政府信息公开条例》公开政府信息。本站不使用脚本，可用键盘浏览；点击“大字号”可放大文字。</p>`,
  ]}</div></div></footer>`;
}
