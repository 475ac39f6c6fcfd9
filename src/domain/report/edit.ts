import { mergeNarrative } from './merge.ts';
import type { Narrative, Paragraph, Segment } from './types.ts';

/** The three narrative sections staff write (一、五、六); the other three are tables. */
export const NARRATIVE_KEYS = ['overview', 'problems', 'other'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

/** A segment as an editor sends it: a generated sentence by its key (the draft words it), or staff text. */
export type SegmentInput =
  | { kind: 'generated'; key: string }
  | { kind: 'staff'; text: string; replaces?: string };

export interface ParagraphInput {
  topic: string;
  title: string;
  segments: SegmentInput[];
}

/** New text for some sections; a section left out keeps what it has. */
export type SectionsInput = Partial<Record<NarrativeKey, ParagraphInput[]>>;

/** A problem with the edited text: the field (`sections.overview[0].segments[1].key`) and what to do. */
export interface EditIssue {
  field: string;
  message: string;
}

function generatedKeys(draft: Narrative): Map<string, string> {
  const keys = new Map<string, string>();
  for (const key of NARRATIVE_KEYS)
    for (const p of draft[key])
      for (const s of p.segments) if (s.kind === 'generated') keys.set(s.key, s.text);
  return keys;
}

function toSegment(input: SegmentInput, fresh: Map<string, string>): Segment {
  if (input.kind === 'generated')
    return { kind: 'generated', key: input.key, text: fresh.get(input.key) ?? '' };
  return input.replaces
    ? { kind: 'staff', text: input.text, replaces: input.replaces }
    : { kind: 'staff', text: input.text };
}

/**
 * The narrative to store after an edit: the current one (stored text with the draft merged in)
 * with the given sections replaced. A generated segment names a sentence of the draft by key and
 * takes the draft's words; a key the draft does not have, or a sentence used twice, is an issue.
 */
export function editNarrative(
  stored: Narrative | null,
  draft: Narrative,
  sections: SectionsInput,
): { narrative: Narrative; issues: EditIssue[] } {
  const fresh = generatedKeys(draft);
  const narrative = mergeNarrative(stored, draft);
  const issues: EditIssue[] = [];
  const seen = new Set<string>();
  for (const key of NARRATIVE_KEYS) {
    const paragraphs = sections[key];
    if (!paragraphs) continue;
    narrative[key] = paragraphs.map(
      (p, i): Paragraph => ({
        topic: p.topic,
        title: p.title,
        segments: p.segments.map((s, j) => {
          const field = `sections.${key}[${i}].segments[${j}]`;
          const generated = s.kind === 'generated' ? s.key : s.replaces;
          if (generated !== undefined && !fresh.has(generated))
            issues.push({ field, message: `没有键为“${generated}”的生成语句，请从草稿中选用。` });
          if (s.kind === 'generated' && seen.has(s.key))
            issues.push({ field, message: `生成语句“${s.key}”重复出现，请只保留一处。` });
          if (s.kind === 'generated') seen.add(s.key);
          return toSegment(s, fresh);
        }),
      }),
    );
  }
  return { narrative, issues };
}

/** The section keys whose paragraphs differ between two narratives (what an edit changed). */
export function changedSections(before: Narrative, after: Narrative): NarrativeKey[] {
  return NARRATIVE_KEYS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
