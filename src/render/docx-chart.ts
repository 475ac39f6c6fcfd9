/**
 * The report's two charts (附图) in the DOCX as native Word charts, as the seed report has them:
 * each chart is a part of its own (word/charts/chartN.xml) with its data cached in it and in an
 * embedded workbook, so Word's “Edit Data” opens it and the numbers need no table beside it.
 * Publications per channel are a column chart with the value on each column, request outcomes a
 * pie with category, value and percentage on each slice; each chart is followed by 附图N.
 */
import { AlignmentType, type IThemeOptions, LineRuleType, Paragraph } from 'docx';
import { type ChartFont, ChartRun } from 'docx/charts';
import type { AnnualReport, ChartDatum } from '../domain/report/types.ts';
import { chartTitles } from './charts.ts';
import { bodyParagraph, FONTS, run, SIZES } from './docx-style.ts';

/** Pixels (96 dpi) per centimetre: docx sizes charts in pixels. */
const PX_PER_CM = 96 / 2.54;
/** Each chart is 14 cm × 8 cm, within the 15.6 cm type area. */
const CHART_SIZE = { width: Math.round(14 * PX_PER_CM), height: Math.round(8 * PX_PER_CM) };

/** The chart text's typeface (Latin and, through CHART_THEME, CJK): 宋体, as in the tables. */
const CHART_TYPEFACE = { name: FONTS.table };
const TITLE_FONT: ChartFont = { size: 12, bold: true, color: '000000' };
/** Data labels and axis labels: 五号 (10.5 pt), black. */
const LABEL_FONT: ChartFont = { size: 10.5, color: '000000' };

/**
 * The document theme's body font for East Asian text. A chart's font names only its Latin
 * typeface; its CJK text takes the theme's (`+mn-ea`), which would be Office's 等线 otherwise.
 * None of the document's own runs use the theme's fonts: they name theirs.
 */
export const CHART_THEME: IThemeOptions = {
  fonts: { body: { eastAsia: FONTS.table, scripts: { Hans: FONTS.table } } },
};

/** Shown instead of the pie when no request was decided in the year. */
export const NO_OUTCOMES_NOTE = '本年度无依申请公开处理数据。';
/** Shown instead of the columns when there is no publication to count. */
const NO_PUBLICATIONS_NOTE = '本年度无公开信息数据。';

const altText = (title: string, data: ChartDatum[]) => ({
  name: title,
  title,
  description: `${title}：${data.map((d) => `${d.label}${d.value}`).join('，')}`,
});

/** Publications per channel: one column each, its value above it. */
function columnChart(title: string, data: ChartDatum[]): ChartRun {
  const max = Math.max(...data.map((d) => d.value));
  return new ChartRun({
    type: 'column',
    title: { text: title, font: TITLE_FONT },
    font: CHART_TYPEFACE,
    legend: false,
    categories: data.map((d) => d.label),
    series: [{ name: '公开信息数', values: data.map((d) => d.value) }],
    dataLabels: { value: true, position: 'outsideEnd', font: LABEL_FONT },
    categoryAxis: { font: LABEL_FONT },
    // whole numbers only: with small counts, steps of one rather than 0.5
    valueAxis: { font: LABEL_FONT, minimum: 0, numberFormat: '0', ...(max <= 5 ? { interval: 1 } : {}) },
    gapWidth: 120,
    transformation: CHART_SIZE,
    altText: altText(title, data),
  });
}

/** Request outcomes: one slice each, labelled with its category, count and percentage. */
function pieChart(title: string, data: ChartDatum[]): ChartRun {
  return new ChartRun({
    type: 'pie',
    title: { text: title, font: TITLE_FONT },
    font: CHART_TYPEFACE,
    legend: false,
    categories: data.map((d) => d.label),
    series: [{ name: '办理件数', values: data.map((d) => d.value) }],
    dataLabels: { category: true, value: true, percentage: true, position: 'outsideEnd', font: LABEL_FONT },
    transformation: CHART_SIZE,
    altText: altText(title, data),
  });
}

/** The chart, centred and kept with its caption, then the caption 附图N. */
function figure(chart: ChartRun, n: number): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240, after: 60, line: 240, lineRule: LineRuleType.AUTO },
      children: [chart],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO },
      children: [run(`附图${n}`, FONTS.table, SIZES.table)],
    }),
  ];
}

/**
 * Both charts of the report, numbered 附图1, 附图2 in the order drawn: publications by channel
 * (column) and the request outcomes that occurred (pie, non-zero slices only, as the HTML has
 * it). A chart with nothing to show is replaced by a sentence saying so.
 */
export function reportChartBlocks(report: AnnualReport): Paragraph[] {
  const titles = chartTitles(report.year);
  const channels = report.charts.publicationsByChannel;
  const outcomes = report.charts.requestOutcomes.filter((d) => d.value > 0);
  const charts = [
    channels.some((d) => d.value > 0) ? columnChart(titles.publications, channels) : NO_PUBLICATIONS_NOTE,
    outcomes.length > 0 ? pieChart(titles.requests, outcomes) : NO_OUTCOMES_NOTE,
  ];
  let n = 0;
  return charts.flatMap((chart) => (typeof chart === 'string' ? [bodyParagraph(chart)] : figure(chart, ++n)));
}
