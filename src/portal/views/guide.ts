/**
 * 政府信息公开指南, 条例 第十二条：“行政机关编制、公布的政府信息公开指南和政府信息公开目录应当及时更新。
 * 政府信息公开指南包括政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、
 * 传真号码、互联网联系方式等内容。” Built from the agency's settings (its particulars, the channels it
 * takes, its 查阅场所, its remedies), the fee table from the fee schedules' own code, and the paper
 * 申请表 to download (the online form's fields).
 */
import type { AgencyRemedies } from '../../contract/agency-remedies.ts';
import type { AgencyGuide, ReadingPoint } from '../../contract/guide.ts';
import { feeTable } from '../../domain/fees/fee-table.ts';
import { applicationChannels } from '../../domain/guide/application-channels.ts';
import { STATUTORY_CATEGORIES, STATUTORY_CATEGORY_LABELS } from '../../domain/items/categories.ts';
import { html, type SafeHtml } from '../../render/escape.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import type { PageContext } from './layout.ts';
import { urls } from './parts.ts';
import { renderSectionPage } from './section-page.ts';

export interface GuideData {
  guide: AgencyGuide;
  points: ReadingPoint[];
  remedies: AgencyRemedies;
}

/** The paper form's downloads. */
export const formUrls = (code: string) => ({
  docx: `${urls.guide(code)}/application-form.docx`,
  pdf: `${urls.guide(code)}/application-form.pdf`,
});

const fact = (label: string, value: string) =>
  html`<dt>${label}</dt><dd>${value.trim() === '' ? '暂未公布' : value}</dd>`;

function proactive(agency: AgencyProfile, points: ReadingPoint[]): SafeHtml {
  const categories = STATUTORY_CATEGORIES.map((c) => STATUTORY_CATEGORY_LABELS[c]).join('；');
  return html`${[
    html`<h2>一、主动公开</h2>`,
    html`<h3>（一）公开范围和分类</h3>`,
    html`<p>本机关依照条例第二十条、第二十一条主动公开政府信息，分为以下类别：${categories}。</p>`,
    html`<h3>（二）编排体系</h3>`,
    html`<p>主动公开的政府信息在本栏目<a href="${urls.catalog(agency.code)}">法定主动公开内容</a>中按上述类别及本机关设置的子栏目编排，每条信息有唯一的索引号，标注发布机关、文号、成文日期、发布日期和有效性；本机关的<a href="${urls.normative(agency.code)}">现行有效规范性文件</a>另行集中列出。</p>`,
    html`<h3>（三）获取方式</h3>`,
    html`<p>可以在本网站浏览、通过<a href="/search">信息检索</a>查找并下载；也可以到本指南所列的政府信息查阅场所查阅${points.length === 0 ? '（本机关尚未公布查阅场所）' : ''}。属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开（条例第二十六条）。</p>`,
  ]}`;
}

function channels(agency: AgencyProfile, guide: AgencyGuide): SafeHtml {
  const rows = applicationChannels({ ...guide }).map(
    (c) => html`<tr><th scope="row">${c.name}</th><td>${c.how}</td><td>${c.received}</td></tr>`,
  );
  const form = formUrls(agency.code);
  return html`${[
    html`<h2>二、依申请公开</h2>`,
    html`<h3>（一）申请渠道</h3>`,
    html`<p>公民、法人或者其他组织申请获取政府信息的，应当向本机关政府信息公开工作机构提出，并采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由工作机构代为填写政府信息公开申请（条例第二十九条第一款）。</p>`,
    html`<div class="table-wrap"><table class="data guide-channels"><thead><tr><th scope="col">渠道</th><th scope="col">办理方式</th><th scope="col">收到申请之日</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    html`<h3>（二）申请表</h3>`,
    html`<p>在线申请请<a href="${urls.apply(agency.code)}">填写在线申请表</a>。以信函、当面或者其他书面方式申请的，可下载纸质申请表，内容与在线申请表相同：</p>`,
    html`<p class="downloads"><a class="button" href="${form.docx}" download>下载申请表（Word）</a> <a class="button" href="${form.pdf}" download>下载申请表（PDF）</a></p>`,
    html`<h3>（三）申请内容</h3>`,
    html`<p>政府信息公开申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（条例第二十九条第二款）。</p>`,
  ]}`;
}

function limits(): SafeHtml {
  return html`${[
    html`<h3>（四）办理期限</h3><ul>`,
    html`<li>申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知补正；答复期限自收到补正的申请之日起计算（条例第三十条）。</li>`,
    html`<li>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（条例第三十三条第一款、第二款）。</li>`,
    html`<li>征求第三方和其他机关意见所需时间不计算在上述期限内（条例第三十三条第三款）；第三方应当自收到征求意见书之日起15个工作日内提出意见（条例第三十二条）。</li></ul>`,
    html`<p>可使用<a href="/deadline">期限计算</a>按官方工作日历推算答复期限，凭查询码在<a href="/track">办理查询</a>了解办理进度。</p>`,
  ]}`;
}

function fees(): SafeHtml {
  const table = feeTable();
  const rows = table.rows.map(
    (r) => html`<tr><td>${r.methodLabel}</td><td>${r.range}</td><td>${r.rate}</td></tr>`,
  );
  return html`${[
    html`<h3>（五）收费</h3>`,
    html`<p>本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（条例第四十二条第一款）。信息处理费按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）执行，按件计收或者按量计收，均按超额累进方式计算，每件申请只适用其中一种标准：</p>`,
    html`<div class="table-wrap"><table class="data fees"><thead><tr><th scope="col">计收方式</th><th scope="col">数量</th><th scope="col">收费标准</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    html`<p class="muted">按件计收按同一申请人一个自然月内累计申请的件数计算，${table.pieceStep}；按量计收按每件申请提供信息的页数计算。</p>`,
  ]}`;
}

function office(agency: AgencyProfile, guide: AgencyGuide): SafeHtml {
  const website = agency.website_name ? `${agency.website_name}（${agency.website}）` : agency.website;
  return html`${[
    html`<h2>三、政府信息公开工作机构</h2>`,
    html`<dl class="facts">${[
      fact('机关名称', agency.name),
      fact('工作机构', guide.office),
      fact('办公地址', guide.address),
      fact('邮政编码', guide.postcode),
      fact('办公时间', guide.officeHours),
      fact('联系电话', guide.phone),
      fact('传真号码', guide.fax),
      fact('电子邮箱', guide.email),
      fact('网站', website),
    ]}</dl>`,
  ]}`;
}

function readingPoints(points: ReadingPoint[]): SafeHtml {
  const rows = points.map(
    (p) =>
      html`<tr><td>${p.name}</td><td>${p.kindLabel}</td><td>${p.address}</td><td>${p.hours}</td><td>${p.phone}</td></tr>`,
  );
  return html`${[
    html`<h2>四、政府信息查阅场所</h2>`,
    html`<p>依照条例第二十五条，可以到以下场所查阅本机关主动公开的政府信息：</p>`,
    points.length === 0
      ? html`<p class="muted">本机关尚未公布查阅场所，可通过本网站或者向工作机构咨询获取政府信息。</p>`
      : html`<div class="table-wrap"><table class="data points"><thead><tr><th scope="col">名称</th><th scope="col">类型</th><th scope="col">地址</th><th scope="col">开放时间</th><th scope="col">电话</th></tr></thead><tbody>${rows}</tbody></table></div>`,
  ]}`;
}

function remedies(r: AgencyRemedies): SafeHtml {
  const specific: SafeHtml[] = [];
  if (r.complaintChannel) specific.push(html`<li>投诉、举报：${r.complaintChannel}</li>`);
  if (r.reviewBody) specific.push(html`<li>行政复议机关：${r.reviewBody}</li>`);
  if (r.court) specific.push(html`<li>行政诉讼管辖法院：${r.court}</li>`);
  return html`${[
    html`<h2>五、监督和救济</h2>`,
    html`<p>公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。</p>`,
    specific.length > 0 ? html`<ul>${specific}</ul>` : '',
  ]}`;
}

/** 政府信息公开指南: the catalogue's order, how to get information and how to apply, who to ask. */
export function renderGuide(agency: AgencyProfile, data: GuideData, context: PageContext): string {
  const main = html`<h1>${agency.name}政府信息公开指南</h1>${[
    html`<p>为便于公民、法人和其他组织获取本机关的政府信息，依照《中华人民共和国政府信息公开条例》第十二条编制本指南。</p>`,
    proactive(agency, data.points),
    channels(agency, data.guide),
    limits(),
    fees(),
    office(agency, data.guide),
    readingPoints(data.points),
    remedies(data.remedies),
  ]}`;
  return renderSectionPage(agency, context, {
    title: '政府信息公开指南',
    side: 'guide',
    trail: [{ label: '政府信息公开指南' }],
    main,
  });
}
