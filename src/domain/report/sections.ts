import type { Narrative, Paragraph, ReportSection } from './types.ts';

/** The six sections of the report, in order, with the format's headings (第五十条). */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  { key: 'overview', heading: '一、总体情况' },
  { key: 'proactive', heading: '二、主动公开政府信息情况' },
  { key: 'requests', heading: '三、收到和处理政府信息公开申请情况' },
  { key: 'reviews', heading: '四、政府信息公开行政复议、行政诉讼情况' },
  { key: 'problems', heading: '五、存在的主要问题及改进情况' },
  { key: 'other', heading: '六、其他需要报告的事项' },
];

/** The text of a paragraph as printed: “1.主动公开。” lead-in (when titled) then its segments. */
export function paragraphText(paragraph: Paragraph, index: number): string {
  const body = paragraph.segments.map((s) => s.text).join('');
  if (!paragraph.title) return body;
  return `${index + 1}.${paragraph.title}。${body}`;
}

/** The printed paragraphs of a narrative section. Untitled paragraphs are not numbered. */
export function sectionTexts(paragraphs: Paragraph[]): string[] {
  let n = 0;
  return paragraphs
    .map((p) => (p.title ? paragraphText(p, n++) : paragraphText(p, 0)))
    .filter((text) => text.trim().length > 0);
}

/** The narrative of a section key, or undefined for the three table sections. */
export function narrativeOf(narrative: Narrative, key: ReportSection['key']): Paragraph[] | undefined {
  if (key === 'overview' || key === 'problems' || key === 'other') return narrative[key];
  return undefined;
}
