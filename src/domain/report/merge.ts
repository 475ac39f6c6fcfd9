import type { Narrative, Paragraph, Segment } from './types.ts';

type SectionKey = keyof Narrative;
const SECTION_KEYS: readonly SectionKey[] = ['overview', 'problems', 'other'];

function generatedTexts(narrative: Narrative): Map<string, string> {
  const texts = new Map<string, string>();
  for (const key of SECTION_KEYS) {
    for (const p of narrative[key]) {
      for (const s of p.segments) if (s.kind === 'generated') texts.set(s.key, s.text);
    }
  }
  return texts;
}

function generatedKeys(paragraphs: Paragraph[]): Set<string> {
  const keys = new Set<string>();
  for (const p of paragraphs) for (const s of p.segments) if (s.kind === 'generated') keys.add(s.key);
  return keys;
}

/**
 * Regenerate the draft into a stored narrative. Only the sentences the draft owns (generated
 * segments, by key) are replaced; staff text, its order and its paragraphs stay exactly as they
 * are. A generated sentence that the stored narrative lacks is appended to the paragraph of its
 * topic, or its paragraph is appended. A sentence staff took over (edited) is a staff segment
 * and is never touched.
 */
export function mergeNarrative(stored: Narrative | null, draft: Narrative): Narrative {
  if (!stored) return structuredClone(draft);
  const fresh = generatedTexts(draft);
  const merged: Narrative = { overview: [], problems: [], other: [] };
  for (const key of SECTION_KEYS) {
    const paragraphs: Paragraph[] = stored[key].map((p) => ({
      ...p,
      segments: p.segments.map(
        (s): Segment => (s.kind === 'generated' && fresh.has(s.key) ? { ...s, text: fresh.get(s.key) ?? '' } : s),
      ),
    }));
    const present = generatedKeys(paragraphs);
    for (const draftParagraph of draft[key]) {
      const missing = draftParagraph.segments.filter((s) => s.kind === 'generated' && !present.has(s.key));
      const target = paragraphs.find((p) => p.topic === draftParagraph.topic);
      if (target) target.segments.push(...missing);
      else if (missing.length > 0) paragraphs.push(structuredClone(draftParagraph));
    }
    merged[key] = paragraphs;
  }
  return merged;
}
