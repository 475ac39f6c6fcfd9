/**
 * Editing the narrative of a report (sections 一、五、六) as the reports API stores it: paragraphs of
 * segments, each either a generated sentence (kept by its key, so its figures follow the data) or
 * staff text (which may take over a generated sentence). Pure.
 */
import type { Paragraph, ParagraphInput, Segment, SegmentInput } from '../api/reports.ts';

/** The paragraphs in the form the API takes: generated sentences by key only, staff text as written. */
export function toInput(paragraphs: readonly Paragraph[]): Paragraph[] {
  return paragraphs.map((p) => ({
    topic: p.topic,
    title: p.title,
    segments: p.segments.map((s): Segment => {
      if (s.kind === 'generated') return { kind: 'generated', key: s.key ?? '', text: '' };
      return s.replaces
        ? { kind: 'staff', text: s.text, replaces: s.replaces }
        : { kind: 'staff', text: s.text };
    }),
  }));
}

/** The API body of the paragraphs: like toInput, without the empty text of generated sentences. */
export function toBody(paragraphs: readonly Paragraph[]): ParagraphInput[] {
  return toInput(paragraphs).map((p) => ({
    ...p,
    segments: p.segments.map(
      (s): SegmentInput =>
        s.kind === 'generated'
          ? { kind: 'generated', key: s.key ?? '' }
          : { kind: 'staff', text: s.text, ...(s.replaces ? { replaces: s.replaces } : {}) },
    ),
  }));
}

/** Staff take over a generated sentence: it becomes their text, replacing that sentence. */
export function takeOver(paragraphs: readonly Paragraph[], p: number, s: number): Paragraph[] {
  return paragraphs.map((paragraph, i) => {
    if (i !== p) return paragraph;
    const segments = paragraph.segments.map((segment, j): Segment => {
      if (j !== s || segment.kind !== 'generated') return segment;
      return { kind: 'staff', text: segment.text, replaces: segment.key };
    });
    return { ...paragraph, segments };
  });
}

/** Sets the text of a staff segment. */
export function setText(paragraphs: readonly Paragraph[], p: number, s: number, text: string): Paragraph[] {
  return paragraphs.map((paragraph, i) =>
    i !== p
      ? paragraph
      : {
          ...paragraph,
          segments: paragraph.segments.map((segment, j) => (j === s ? { ...segment, text } : segment)),
        },
  );
}

/** Adds staff text at the end of a paragraph. */
export function addText(paragraphs: readonly Paragraph[], p: number): Paragraph[] {
  return paragraphs.map((paragraph, i) =>
    i !== p ? paragraph : { ...paragraph, segments: [...paragraph.segments, { kind: 'staff', text: '' }] },
  );
}

/** Adds a paragraph of staff text at the end of a section. */
export function addParagraph(paragraphs: readonly Paragraph[], title = ''): Paragraph[] {
  return [
    ...paragraphs,
    { topic: `staff-${paragraphs.length + 1}`, title, segments: [{ kind: 'staff', text: '' }] },
  ];
}

/** Removes a segment (an empty paragraph goes too). */
export function removeSegment(paragraphs: readonly Paragraph[], p: number, s: number): Paragraph[] {
  return paragraphs
    .map((paragraph, i) =>
      i !== p ? paragraph : { ...paragraph, segments: paragraph.segments.filter((_, j) => j !== s) },
    )
    .filter((paragraph) => paragraph.segments.length > 0);
}

/** A paragraph as printed: its lead-in and its sentences. */
export function paragraphText(paragraph: Paragraph): string {
  const body = paragraph.segments.map((s) => s.text).join('');
  return paragraph.title ? `${paragraph.title}。${body}` : body;
}

/** The console page of a record the reports API links to (`/api/v1/agencies/x/requests/7` → `/requests/7`). */
export function consolePathOf(apiLink: string | null): string | null {
  if (!apiLink) return null;
  const match = /^\/api\/v1\/agencies\/[^/]+\/(requests|items|registry\/documents)\/(\d+)$/.exec(apiLink);
  if (!match) return null;
  return match[1] === 'registry/documents' ? '/registry' : `/${match[1]}/${match[2]}`;
}
