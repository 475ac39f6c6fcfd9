/**
 * The reference the fast sanitizer is checked and timed against (sanitize-body-equivalence.test.ts,
 * `npm run bench:sanitize`): what sanitize-body.ts did before — sanitize-html's postcss
 * `allowedStyles`, and the plain text by a second sanitize-html pass stripping every tag.
 * Not used by the application.
 */
import sanitizeHtml from 'sanitize-html';
import { ALLOWED_ATTRIBUTES, ALLOWED_STYLES, ALLOWED_TAGS } from './sanitize-body.ts';

const POSTCSS_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedStyles: {
    '*': Object.fromEntries(Object.entries(ALLOWED_STYLES).map(([prop, pattern]) => [prop, [pattern]])),
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** The body sanitized as before (styles parsed by postcss). */
export function sanitizeBefore(html: string): string {
  return sanitizeHtml(html, POSTCSS_OPTIONS).trim();
}

const BLOCK_EDGE =
  /<(p|div|h[1-6]|li|tr|blockquote|table|caption|ul|ol)(\s[^>]*)?>|<\/(p|div|h[1-6]|li|tr|blockquote|table|caption|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** The plain text as it was read before: block edges marked, then every tag stripped by sanitize-html. */
export function textBefore(sanitized: string): string {
  const marked = sanitized.replace(BLOCK_EDGE, '\n$&\n').replace(/<\/(td|th)>/gi, '$& ');
  return sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
