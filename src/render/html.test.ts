import { describe, expect, it } from 'vitest';
import { formatById } from '../domain/report/formats/registry.ts';
import { REPORT_SECTIONS } from '../domain/report/sections.ts';
import { renderReportHtml } from './html.ts';
import { minimalReport } from './testing.ts';

const { cellCodes: CELL_CODES } = formatById('2021');

const report = minimalReport();
const html = renderReportHtml(report);

describe('renderReportHtml', () => {
  it('is a complete, script-free HTML5 document without external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="http/);
  });

  it('opens with the agency name and the report title', () => {
    expect(html).toContain(
      '<header class="gk-title"><p>测试区管理委员会</p><h1>2021年政府信息公开工作年度报告</h1>',
    );
    expect(html).toContain('<title>测试区管理委员会2021年政府信息公开工作年度报告</title>');
  });

  it('prints the six sections in order with their official headings', () => {
    const headings = [
      ...html.matchAll(/<section class="gk-section" data-section="([a-z]+)">\n<h2>([^<]+)<\/h2>/g),
    ];
    expect(headings.map((m) => [m[1], m[2]])).toEqual(REPORT_SECTIONS.map((s) => [s.key, s.heading]));
  });

  it('numbers titled narrative paragraphs', () => {
    expect(html).toContain('<p>1.主动公开。公开信息10条。</p>');
    expect(html).toContain('<p>2.依申请公开。本年新收申请6件。</p>');
  });

  it('puts every data cell once, with its value', () => {
    for (const code of CELL_CODES) {
      const matches = [
        ...html.matchAll(new RegExp(`<td data-cell="${code.replaceAll('.', '\\.')}"[^>]*>([^<]*)</td>`, 'g')),
      ];
      expect(matches, code).toHaveLength(1);
      expect(matches[0][1], code).toBe(String(report.cells[code]));
    }
  });

  it('renders three tables with spans and scoped headers, and two charts as inline SVG figures', () => {
    expect(html.match(/<table /g)).toHaveLength(3);
    expect(html).toContain('<th scope="colgroup" rowspan="3" colspan="3" class="c">（本列数据的勾稽关系为');
    expect(html).toContain('<th scope="rowgroup" rowspan="22" class="l">三、本年度办理结果</th>');
    expect(html).toContain('<th scope="colgroup" colspan="10" class="c">行政诉讼</th>');
    const figures = [
      ...html.matchAll(
        /<figure aria-label="([^"]+)"><svg[\s\S]*?<\/svg><figcaption>([^<]+)<\/figcaption><\/figure>/g,
      ),
    ];
    expect(figures.map((m) => [m[1], m[2]])).toEqual([
      ['2021年公开信息情况', '附图1'],
      ['2021年依申请公开处理情况', '附图2'],
    ]);
  });

  it('escapes every piece of text', () => {
    const hostile = minimalReport({
      agency: { ...report.agency, name: '<b>管委会</b> & "办"' },
      preamble: ['<img src=x onerror=alert(1)>'],
      narrative: {
        overview: [
          {
            topic: 'x',
            title: '<i>标题</i>',
            segments: [{ kind: 'staff', text: '<script>alert(1)</script>' }],
          },
        ],
        problems: [],
        other: [],
      },
      violations: [{ code: 'R1<x>', rule: 'r', severity: 'error', cells: [], message: '<u>不平</u>' }],
    });
    const out = renderReportHtml(hostile);
    expect(out).not.toMatch(/<script|<img|<b>|<i>|<u>|<x>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;b&gt;管委会&lt;/b&gt; &amp; &quot;办&quot;');
    expect(out).toContain('1.&lt;i&gt;标题&lt;/i&gt;。');
  });

  it('shows violations in a marked 校验结果 box and flags their cells in the staff preview', () => {
    expect(html).not.toContain('校验结果');
    const out = renderReportHtml(
      minimalReport({
        violations: [
          {
            code: 'R1.column',
            rule: 'R1',
            severity: 'error',
            cells: ['t3.new.total'],
            message: '总计列不平衡',
          },
          { code: 'R8', rule: 'R8', severity: 'warning', cells: [], message: '现行有效件数与上年不衔接' },
        ],
      }),
      { preview: true },
    );
    expect(out).toContain('<h2 id="gk-violations-title">校验结果</h2><p>共2项：错误1项，警告1项。</p>');
    expect(out).toContain(
      '<li class="error"><span class="sev">错误</span><code>R1.column</code>总计列不平衡</li>',
    );
    expect(out).toContain('<li class="warning"><span class="sev">警告</span><code>R8</code>');
    expect(out).toMatch(/<td data-cell="t3\.new\.total" class="c flag">/);
  });

  it('never shows validation output outside the staff preview (a published version, its page and files)', () => {
    const violations = [
      {
        code: 'R1',
        rule: '新收加结转等于办结加结转下年度',
        severity: 'error' as const,
        cells: ['t3.new.total'],
        message: '总计列不平衡',
      },
    ];
    for (const standalone of [true, false]) {
      const out = renderReportHtml(minimalReport({ violations }), { standalone });
      expect(out).not.toMatch(/校验结果|<aside|总计列不平衡|新收加结转|class="c flag"/);
    }
  });

  it('prints the approver’s 说明 of a version published over errors as a paragraph (条例 第五十条)', () => {
    const out = renderReportHtml(minimalReport({ publicationNote: '表三数据待<复核>，先行公布。' }));
    expect(out).toContain('<p><strong>说明：</strong>表三数据待&lt;复核&gt;，先行公布。</p>');
    expect(html).not.toContain('说明：');
  });

  it('can render an embeddable fragment without page rules', () => {
    const fragment = renderReportHtml(report, { standalone: false });
    expect(fragment.startsWith('<style>')).toBe(true);
    expect(fragment).not.toContain('<html');
    expect(fragment).not.toContain('@page');
    expect(fragment).toContain('<article class="gk-report">');
  });
});
