/**
 * The report's two charts (附图) as static SVG, rendered server-side by ECharts: no DOM, no
 * animation, no script. Only the chart types and components used are registered.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { AnnualReport, ChartDatum } from '../domain/report/types.ts';
import { escapeHtml } from './escape.ts';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** CJK-capable sans families, tried in order by whatever displays the SVG. */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/** Shown instead of a chart when every value is zero. */
export const NO_DATA_NOTE = '本年度无相关数据';

const WIDTH = 640;
const HEIGHT = 360;
const PALETTE = ['#2f5597', '#c55a11', '#548235', '#bf9000', '#7030a0', '#2e75b6', '#a5a5a5'];

/**
 * Drops what ECharts emits only for its client-side hydration and hover effects: the per-instance
 * `zrN-cls-M` classes and their `<style>`, and `ecmeta_*` attributes. The counter in those class
 * names grows with every chart a process renders, so without this the same report would not give
 * the same bytes twice.
 */
function staticSvg(svg: string): string {
  return svg
    .replace(/<style\s*>[\s\S]*?<\/style>\n?/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
}

/** Names the chart for screen readers: role="img" and a <title> that carries the data too. */
function accessibleSvg(svg: string, title: string, summary: string): string {
  const label = escapeHtml(summary ? `${title}：${summary}` : title);
  return svg.replace(/<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${label}"><title>${label}</title>`);
}

/** The data in words: 标签1数值，标签2数值. */
const dataSummary = (data: ChartDatum[]) => data.map((d) => `${d.label}${d.value}`).join('，');

type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

function barSeries(data: ChartDatum[]): ChartOption {
  return {
    grid: { left: 64, right: 24, top: 56, bottom: 40 },
    xAxis: {
      type: 'category',
      data: data.map((d) => d.label),
      axisTick: { alignWithLabel: true },
      axisLabel: { fontSize: 14 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 56,
        silent: true,
        data: data.map((d) => d.value),
        label: { show: true, position: 'top', fontSize: 14 },
      },
    ],
  };
}

function pieSeries(data: ChartDatum[]): ChartOption {
  return {
    series: [
      {
        type: 'pie',
        radius: '58%',
        center: ['50%', '56%'],
        percentPrecision: 1,
        silent: true,
        data: data.map((d) => ({ name: d.label, value: d.value })),
        label: { show: true, formatter: '{b}：{c}件（{d}%）', fontSize: 14 },
      },
    ],
  };
}

/**
 * One chart as a standalone SVG string (title inside the image, a data label on every bar or
 * slice). With no data, or only zeros, the SVG carries the title and NO_DATA_NOTE instead.
 */
export function renderChartSvg(title: string, data: ChartDatum[], kind: 'bar' | 'pie'): string {
  const empty = data.every((d) => d.value === 0);
  const titles: object[] = [
    { text: title, left: 'center', top: 8, textStyle: { fontSize: 18, fontWeight: 'bold' } },
  ];
  if (empty) titles.push({ text: NO_DATA_NOTE, left: 'center', top: 'middle', textStyle: { fontSize: 16 } });
  const body = empty ? {} : kind === 'bar' ? barSeries(data) : pieSeries(data);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#000000' },
      title: titles,
      ...body,
    });
    return accessibleSvg(staticSvg(chart.renderToSVGString()), title, dataSummary(data));
  } finally {
    chart.dispose();
  }
}

/**
 * A stacked bar chart as a standalone SVG (年报体检's summary: outcomes across agencies, findings by
 * rule and severity): one bar per category, one stack per series, a legend.
 */
export function renderStackedBarSvg(
  title: string,
  categories: string[],
  series: Array<{ name: string; values: number[] }>,
  size: { width?: number; height?: number } = {},
): string {
  const total = series.reduce((acc, s) => acc + s.values.reduce((a, v) => a + v, 0), 0);
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width ?? 900,
    height: size.height ?? HEIGHT,
  });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#000000' },
      title: [
        { text: title, left: 'center', top: 8, textStyle: { fontSize: 18, fontWeight: 'bold' } },
        ...(total === 0
          ? [{ text: NO_DATA_NOTE, left: 'center', top: 'middle', textStyle: { fontSize: 16 } }]
          : []),
      ],
      ...(total === 0
        ? {}
        : {
            legend: { top: 36, textStyle: { fontSize: 12 } },
            grid: { left: 56, right: 24, top: 72, bottom: categories.length > 8 ? 96 : 40 },
            xAxis: {
              type: 'category',
              data: categories,
              axisLabel: { fontSize: 12, interval: 0, rotate: categories.length > 8 ? 40 : 0 },
            },
            yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
            series: series.map((s) => ({
              type: 'bar',
              name: s.name,
              stack: 'all',
              silent: true,
              data: s.values,
              barMaxWidth: 48,
            })),
          }),
    });
    const data = categories.map((label, i) => ({
      label,
      value: series.reduce((acc, s) => acc + (s.values[i] ?? 0), 0),
    }));
    return accessibleSvg(staticSvg(chart.renderToSVGString()), title, dataSummary(data));
  } finally {
    chart.dispose();
  }
}

/**
 * A trend over years as a standalone SVG (the 工作台's trends): one line per series with a label on
 * every point, a legend when there are several, the unit on the value axis; a year without a value
 * (null) leaves a gap. With no value at all, the title and NO_DATA_NOTE.
 */
export function renderTrendSvg(
  title: string,
  years: number[],
  series: Array<{ name: string; values: Array<number | null> }>,
  unit: string,
): string {
  const empty = series.every((s) => s.values.every((v) => v === null || v === 0));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#000000' },
      title: [
        { text: title, left: 'center', top: 8, textStyle: { fontSize: 18, fontWeight: 'bold' } },
        ...(empty
          ? [{ text: NO_DATA_NOTE, left: 'center', top: 'middle', textStyle: { fontSize: 16 } }]
          : []),
      ],
      ...(empty
        ? {}
        : {
            legend: series.length > 1 ? { top: 36, textStyle: { fontSize: 13 } } : undefined,
            grid: { left: 64, right: 32, top: series.length > 1 ? 76 : 56, bottom: 40 },
            xAxis: {
              type: 'category',
              data: years.map((y) => `${y}年`),
              axisLabel: { fontSize: 13 },
            },
            yAxis: {
              type: 'value',
              name: unit,
              nameTextStyle: { fontSize: 12 },
              minInterval: unit === '%' ? 0 : 1,
              max: unit === '%' ? 100 : undefined,
              axisLabel: { fontSize: 12 },
            },
            series: series.map((s) => ({
              type: 'line',
              name: s.name,
              silent: true,
              connectNulls: false,
              symbolSize: 7,
              label: { show: true, fontSize: 12, position: 'top' },
              data: s.values,
            })),
          }),
    });
    const summary = series
      .map(
        (s) =>
          `${s.name}${s.values.map((v, i) => `${years[i]}年${v === null ? '无' : `${v}${unit}`}`).join('、')}`,
      )
      .join('；');
    return accessibleSvg(staticSvg(chart.renderToSVGString()), title, empty ? '' : summary);
  } finally {
    chart.dispose();
  }
}

/** The titles of the two charts, as the seed report prints them. */
export function chartTitles(year: number): { publications: string; requests: string } {
  return { publications: `${year}年公开信息情况`, requests: `${year}年依申请公开处理情况` };
}

/** The two charts of a report: publications by channel (bar) and request outcomes (pie, non-zero only). */
export function reportCharts(report: AnnualReport): { publications: string; requests: string } {
  const outcomes = report.charts.requestOutcomes.filter((d) => d.value > 0);
  const titles = chartTitles(report.year);
  return {
    publications: renderChartSvg(titles.publications, report.charts.publicationsByChannel, 'bar'),
    requests: renderChartSvg(titles.requests, outcomes, 'pie'),
  };
}
