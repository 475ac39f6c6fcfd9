const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. Every rendered string goes through it. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/**
 * HTML that is safe to insert as it is: made by the `html` tag (every interpolated value escaped)
 * or, for the few trusted producers (a sanitized item body, escaped search highlights, an SVG chart),
 * by `trustedHtml`. A plain string is never HTML: interpolated into `html`, it is escaped.
 */
export class SafeHtml {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

/** What the `html` tag accepts: text (escaped), safe HTML (kept), lists of either; nothing for null/false. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | ReadonlyArray<HtmlValue>;

function htmlOf(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(htmlOf).join('');
  return escapeHtml(value as string | number);
}

/**
 * The template tag every page is written with: `html\`<p>${name}</p>\`` escapes `name`; values that
 * are already SafeHtml (nested `html` results) are kept; arrays are joined; null, undefined and false
 * print nothing. So escaping is the default, and raw HTML needs a deliberate `trustedHtml`.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += htmlOf(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Joins pieces of HTML with a separator (text, escaped). */
export function joinHtml(parts: ReadonlyArray<HtmlValue>, separator = ''): SafeHtml {
  return new SafeHtml(parts.map(htmlOf).join(escapeHtml(separator)));
}

/**
 * Marks HTML from a trusted producer as safe: only for output that producer escaped or sanitized
 * itself (sanitize-html bodies, search highlights built over escapeHtml, ECharts SVG). Never for
 * anything a user typed.
 */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
