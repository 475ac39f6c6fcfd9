/**
 * The body of an item is rich text written in the staff editor or pasted from Word. Only the tags
 * of an official document survive (paragraphs, headings, lists, tables, emphasis, links, images);
 * scripts, styles, event handlers and `javascript:` links are removed. The plain text (for search
 * and snippets) is derived from the sanitized HTML.
 */
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

export const ALLOWED_TAGS = [
  'p',
  'br',
  'div',
  'span',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'blockquote',
  'ol',
  'ul',
  'li',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'hr',
];

export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['style'],
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  col: ['span'],
  ol: ['start', 'type'],
};

/**
 * The inline styles kept: alignment and first-line indent, as the editor and Word write them;
 * every other declaration (colours, fonts, positions, url(…)) is dropped. Matched per declaration
 * here rather than by sanitize-html's `allowedStyles`, which parses every style attribute with
 * postcss — half of the sanitizer's time on a Word-pasted body (docs/items-import.md).
 */
export const ALLOWED_STYLES: Readonly<Record<string, RegExp>> = {
  'text-align': /^(left|right|center|justify)$/,
  'text-indent': /^\d+(\.\d+)?(em|px|pt)$/,
};

const IMPORTANT = /\s*!important$/i;

/** A style attribute's allowed declarations, `prop:value` joined by `;` (sanitize-html's form); '' if none. */
export function allowedStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const prop = declaration.slice(0, colon).trim();
    const pattern = ALLOWED_STYLES[prop];
    if (!pattern) continue;
    const raw = declaration.slice(colon + 1).trim();
    const important = IMPORTANT.test(raw);
    const value = important ? raw.replace(IMPORTANT, '') : raw;
    if (pattern.test(value)) kept.push(`${prop}:${value}${important ? ' !important' : ''}`);
  }
  return kept.join(';');
}

/** Every tag: its style attribute reduced to the allowed declarations (dropped when none is left), in its place. */
function filterStyle(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  if (attribs.style === undefined) return { tagName, attribs };
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    const style = name === 'style' ? allowedStyle(value) : null;
    if (style === null) kept[name] = value;
    else if (style) kept.style = style;
  }
  return { tagName, attribs: kept };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  parseStyleAttributes: false,
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    '*': filterStyle,
  },
};

/** The body with only the allowed tags and attributes. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCKS = 'p|div|h[1-6]|li|tr|blockquote|table|caption|ul|ol';
const BLOCK_EDGE = new RegExp(`<(${BLOCKS})(\\s[^>]*)?>|<\\/(${BLOCKS})>|<br\\s*\\/?>|<hr\\s*\\/?>`, 'gi');
const CELL_END = /<\/(td|th)>/gi;

/**
 * The plain text of sanitized HTML: one line per block, cells separated by a space. Every block
 * tag as written marks a line break (so a block nested where HTML would close it still breaks the
 * line), then one htmlparser2 pass keeps the text, entities decoded — not a second sanitize-html
 * pass, which cost five times as much (sanitize-body-equivalence.test.ts compares the two).
 */
export function bodyText(sanitizedHtml: string): string {
  let text = '';
  const parser = new Parser({
    ontext(chunk) {
      text += chunk;
    },
  });
  parser.write(sanitizedHtml.replace(BLOCK_EDGE, '\n$&\n').replace(CELL_END, '$& '));
  parser.end();
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
