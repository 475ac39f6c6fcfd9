/**
 * Where the signature block sits (GB/T 9704—2012 7.3.5.1, a sealed letter): the date four
 * characters in from the right, the agency's name centred over it. A name too long for that is
 * kept two characters in, and the date centred under it instead, so the seal still covers both.
 */

/** A line's width in characters of body type: CJK and full-width forms 1, ASCII (digits) ½. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0020-\u007e]/.test(ch) ? 0.5 : 1;
  return width;
}

/** The right indent of each line of a signature block (the last is the date), in characters. */
export function signatureIndents(lines: readonly string[]): number[] {
  if (lines.length === 0) return [];
  const widths = lines.map(textWidth);
  const axis = Math.max(2 + Math.max(...widths) / 2, 4 + widths[widths.length - 1] / 2);
  return widths.map((w) => axis - w / 2);
}

/** The right indent of every paragraph in characters: each run of right-aligned ones as a block, others 0. */
export function rightIndents(paragraphs: ReadonlyArray<{ align: string; text: string }>): number[] {
  const indents: number[] = paragraphs.map(() => 0);
  for (let start = 0; start < paragraphs.length; ) {
    let end = start;
    while (end < paragraphs.length && paragraphs[end].align === 'right') end += 1;
    if (end === start) {
      start += 1;
      continue;
    }
    const block = signatureIndents(paragraphs.slice(start, end).map((p) => p.text));
    block.forEach((indent, k) => {
      indents[start + k] = indent;
    });
    start = end;
  }
  return indents;
}
