/**
 * The body of an item is rich text written in the staff editor or pasted from Word. Only the tags
 * of an official document survive (paragraphs, headings, lists, tables, emphasis, links, images);
 * scripts, styles, event handlers and `javascript:` links are removed. The plain text (for search
 * and snippets) is derived from the sanitized HTML.
 */
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
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

const ALIGN = [/^(left|right|center|justify)$/];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    '*': ['style'],
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    col: ['span'],
    ol: ['start', 'type'],
  },
  allowedStyles: { '*': { 'text-align': ALIGN, 'text-indent': [/^\d+(\.\d+)?(em|px|pt)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

/** The body with only the allowed tags and attributes. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCKS = 'p|div|h[1-6]|li|tr|blockquote|table|caption|ul|ol';
const BLOCK_EDGE = new RegExp(`<(${BLOCKS})(\\s[^>]*)?>|<\\/(${BLOCKS})>|<br\\s*\\/?>|<hr\\s*\\/?>`, 'gi');
const CELL_END = /<\/(td|th)>/gi;

/** The plain text of sanitized HTML: one line per block, cells separated by a space. */
export function bodyText(sanitizedHtml: string): string {
  const marked = sanitizedHtml.replace(BLOCK_EDGE, '\n$&\n').replace(CELL_END, '$& ');
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
