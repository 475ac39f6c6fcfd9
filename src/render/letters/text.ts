/**
 * A stored letter as plain text (for `gongkai request letters`): the title, the number line and
 * each paragraph on a line of its own, read back from the letter's HTML exactly as it was sent;
 * right-aligned lines (the signature and the date) are indented.
 */
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

const decodeEntities = (text: string): string =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** The text of a letter's HTML document (renderLetterHtml's), one paragraph a line. */
export function letterText(html: string): string {
  const article = html.slice(html.indexOf('<article'));
  const lines: string[] = [];
  for (const match of article.matchAll(/<(h1|p)(?: class="([^"]*)")?[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = decodeEntities(match[3].replace(/<[^>]+>/g, ''));
    lines.push(match[2]?.includes('gk-right') ? `${' '.repeat(24)}${text}` : text);
  }
  return lines.join('\n');
}
