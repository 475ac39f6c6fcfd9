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

/** The generated keys a narrative holds anywhere, including those staff took over. */
function heldKeys(narrative: Narrative): Set<string> {
  const keys = new Set<string>();
  for (const key of SECTION_KEYS) {
    for (const p of narrative[key]) {
      for (const s of p.segments) {
        if (s.kind === 'generated') keys.add(s.key);
        else if (s.replaces) keys.add(s.replaces);
      }
    }
  }
  return keys;
}

/**
 * Regenerate the draft into a stored narrative. Only the sentences the draft owns (generated
 * segments, by key) are replaced; staff text, its order and its paragraphs stay exactly as they
 * are. A generated sentence that the stored narrative lacks is appended to the paragraph of its
 * topic, or its paragraph is appended. A sentence staff took over (edited) is a staff segment
 * that remembers the key it `replaces`: it is never touched, and the draft does not add it again.
 */
export function mergeNarrative(stored: Narrative | null, draft: Narrative): Narrative {
  if (!stored) return structuredClone(draft);
  const fresh = generatedTexts(draft);
  const present = heldKeys(stored);
  const merged: Narrative = { overview: [], problems: [], other: [] };
  for (const key of SECTION_KEYS) {
    const paragraphs: Paragraph[] = stored[key].map((p) => ({
      ...p,
      segments: p.segments.map(
        (s): Segment =>
          s.kind === 'generated' && fresh.has(s.key) ? { ...s, text: fresh.get(s.key) ?? '' } : s,
      ),
    }));
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
