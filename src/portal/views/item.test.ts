import { describe, expect, it } from 'vitest';
import type { FoundItem } from '../../db/queries/items.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import { renderItemContent } from './item.ts';

const agency: AgencyProfile = {
  id: 1,
  code: 'lingang',
  name: '测试管委会',
  address: '',
  postcode: '',
  phone: '',
  office: '',
  website: '',
  website_name: '',
};

function found(extra: Partial<FoundItem['row']> = {}): FoundItem {
  const row = {
    id: 7,
    agency_id: 1,
    index_no: 'LINGANG/2021-00007',
    title: '关于低保的通知',
    body_html: '<p>正文</p>',
    body_text: '正文',
    category: 'a20.11',
    column_code: null,
    issuer: '',
    doc_number: null,
    formed_on: '2021-03-01',
    published_on: '2021-03-05',
    validity: 'repealed',
    subject: '',
    status: 'published',
    is_policy_document: 1,
    is_interpretation: 0,
    is_meeting: 0,
    is_online_interview: 0,
    interprets_item_id: null,
    reviewer: null,
    reviewed_on: null,
    review_result: null,
    review_opinion: null,
    withdrawn_on: null,
    withdrawn_reason: null,
    version: 3,
    created_at: '',
    updated_at: '',
    created_by: '',
    ...extra,
  };
  const attachment = {
    id: 9,
    file_name: '<b>名单</b>.xlsx',
    media_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    size: 2048,
    sha256: '',
    created_at: '',
    created_by: '',
  };
  return {
    ...{ row, policy: null, interpretations: [], attachments: [attachment], postings: [], events: [] },
    fromRequests: [],
  };
}

describe('renderItemContent', () => {
  it('shows the metadata with the issuing agency for an empty issuer, and dashes for what is missing', () => {
    const html = String(renderItemContent(agency, found(), []));
    expect(html).toContain('<th scope="row">发布机构</th><td>测试管委会</td>');
    expect(html).toContain('<th scope="row">文号</th><td>—</td>');
    expect(html).toContain('<th scope="row">有效性</th><td>废止</td>');
    expect(html).not.toContain('doc-number');
  });

  it('links each attachment to the public download, its name escaped, with type and size', () => {
    const html = String(renderItemContent(agency, found(), []));
    expect(html).toContain('<h2>附件</h2>');
    expect(html).toContain('href="/api/v1/agencies/lingang/published-items/7/attachments/9"');
    expect(html).toContain('&lt;b&gt;名单&lt;/b&gt;.xlsx');
    expect(html).toContain('2.0 KB');
  });

  it('lists related items under their own heading', () => {
    const hit = {
      id: 8,
      title: '低保资金',
      titleHtml: '',
      snippetHtml: '',
      score: 1,
      publishedOn: '2021-04-01',
    };
    expect(String(renderItemContent(agency, found(), [hit]))).toContain(
      '<h2>相关信息</h2><ul class="list"><li><span><a href="/agencies/lingang/items/8">低保资金</a>',
    );
  });
});
