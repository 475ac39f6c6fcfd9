import { describe, expect, it } from 'vitest';
import { NO_DATA_NOTE, renderChartSvg, reportCharts } from './charts.ts';
import { minimalReport } from './testing.ts';

const channels = [
  { label: '网站', value: 4325 },
  { label: '微信', value: 3330 },
  { label: '微博', value: 1352 },
  { label: '抖音', value: 175 },
];

describe('renderChartSvg', () => {
  it.each(['bar', 'pie'] as const)(
    'renders a %s chart as static SVG with its title and data labels',
    (kind) => {
      const svg = renderChartSvg('2021年公开信息情况', channels, kind);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toMatch(/<script|<animate|\son[a-z]+=/i);
      expect(svg).toContain('2021年公开信息情况');
      for (const d of channels) expect(svg).toContain(d.label);
      expect(svg).toContain('4325');
      expect(svg).toContain('Noto Sans CJK SC');
    },
  );

  it('gives the same bytes however many charts the process rendered before', () => {
    const first = renderChartSvg('2021年公开信息情况', channels, 'bar');
    renderChartSvg('其他', channels, 'pie');
    expect(renderChartSvg('2021年公开信息情况', channels, 'bar')).toBe(first);
    expect(first).not.toMatch(/zr\d+-cls|ecmeta_|<style/);
  });

  it('escapes labels inside the SVG', () => {
    const svg = renderChartSvg('<b>标题</b>', [{ label: '<script>x</script>', value: 1 }], 'bar');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
  });

  it('shows a note instead of an empty chart', () => {
    const svg = renderChartSvg('2021年依申请公开处理情况', [{ label: '予以公开', value: 0 }], 'pie');
    expect(svg).toContain(NO_DATA_NOTE);
    expect(renderChartSvg('t', [], 'bar')).toContain(NO_DATA_NOTE);
  });
});

describe('reportCharts', () => {
  it('titles both charts by year and drops request outcomes that are zero', () => {
    const charts = reportCharts(minimalReport());
    expect(charts.publications).toContain('2021年公开信息情况');
    expect(charts.requests).toContain('2021年依申请公开处理情况');
    expect(charts.requests).toContain('予以公开');
    expect(charts.requests).not.toContain('部分公开');
  });
});
