/**
 * Letter templates: the defaults, validation of an agency's own text against the placeholders of
 * its kind, and filling a template from a case. Pure. The syntax is template-syntax.ts's.
 */
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { DATE_PATHS, type LetterField, letterFields } from './fields.ts';
import type { LetterKind } from './kinds.ts';
import type { LetterData } from './letter-data.ts';
import { type LetterParagraph, paragraphsOf } from './paragraphs.ts';
import { BLANK, printValue } from './print.ts';
import { evaluate, parseTemplate, type Scope, usedPaths } from './template-syntax.ts';

export { DEFAULT_TEMPLATES };

/** A template's check: fine, or what to fix (Chinese sentences). */
export type TemplateCheck = { ok: true } | { ok: false; messages: string[] };

/** A template that cannot be used; `messages` say what to fix. */
export class LetterTemplateError extends Error {
  readonly code = 'letters.template_invalid';
  readonly messages: string[];

  constructor(messages: string[]) {
    super(`文书模板有误：${messages.join('')}`);
    this.name = 'LetterTemplateError';
    this.messages = messages;
  }
}

/** The default template of a kind. */
export function defaultTemplate(kind: LetterKind): string {
  return DEFAULT_TEMPLATES[kind];
}

/** What a path inside `{{#each list}}` may be: `index`, `item` (a list of texts) or `item.field`. */
function itemPathKnown(path: string, list: LetterField | undefined): boolean {
  if (path === 'index') return true;
  if (!list?.items) return false;
  if (path === 'item') return list.items.length === 0;
  return list.items.includes(path.slice('item.'.length));
}

const isItemPath = (path: string): boolean => path === 'index' || path === 'item' || path.startsWith('item.');

/**
 * Checks a template for a kind: its structure (blocks closed in order, tags well formed) and that
 * every placeholder is one the kind offers (letterFields), lists used as lists.
 */
export function validateTemplate(kind: LetterKind, text: string): TemplateCheck {
  const key = `${kind}\n${text}`;
  const known = checks.get(key);
  if (known) return known;
  const check = checkTemplate(kind, text);
  remember(checks, key, check);
  return check;
}

/**
 * An agency has a handful of templates and issues every letter from one of them: each text is
 * parsed and checked once, not once per letter (a fifth of a receipt's time). Pure results of a
 * text, kept in small bounded maps.
 */
const MEMO_LIMIT = 500;
const parses = new Map<string, ReturnType<typeof parseTemplate>>();
const checks = new Map<string, TemplateCheck>();

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
}

/** parseTemplate, once per text. */
function parsedTemplate(text: string): ReturnType<typeof parseTemplate> {
  const known = parses.get(text);
  if (known) return known;
  const parsed = parseTemplate(text);
  remember(parses, text, parsed);
  return parsed;
}

function checkTemplate(kind: LetterKind, text: string): TemplateCheck {
  const parsed = parsedTemplate(text);
  if (!parsed.ok) return parsed;
  const fields = new Map(letterFields(kind).map((f) => [f.path, f]));
  const unknown = new Set<string>();
  const messages: string[] = [];
  for (const used of usedPaths(parsed.nodes)) {
    const field = fields.get(used.path);
    if (isItemPath(used.path)) {
      if (!used.list) messages.push(`“{{${used.path}}}”只能用在“{{#each …}}”与“{{/each}}”之间。`);
      else if (fields.has(used.list) && !itemPathKnown(used.path, fields.get(used.list)))
        unknown.add(used.path);
    } else if (!field) {
      unknown.add(used.path);
    } else if (used.use === 'each' && !field.items) {
      messages.push(`“{{#each ${used.path}}}”：${field.label}不是列表，不能逐项列出。`);
    } else if (used.use === 'print' && field.items && field.items.length > 0) {
      messages.push(`“{{${used.path}}}”是列表，请用“{{#each ${used.path}}}…{{/each}}”逐项列出。`);
    }
  }
  if (unknown.size > 0) {
    const names = [...unknown].map((path) => `{{${path}}}`).join('、');
    messages.unshift(`模板中有本类文书不能使用的占位符：${names}。请检查拼写，或从可用的占位符中选择。`);
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true };
}

/**
 * A letter that would leave with a hole in it: a placeholder without a value, or a sentence whose
 * `{slot}` staff did not fill (条例 第三十六条: an answer states its decision and reasons in full).
 * The renderers throw it instead of printing `{reason}` or a blank; the HTTP layer answers 400.
 */
export class LetterIncompleteError extends Error {
  readonly code = 'letters.incomplete';
  /** the placeholders without a value (`answer.statement`) and the open slots (`{reason}`) */
  readonly holes: string[];
  /** the holes as staff know them: “理由”, “答复内容” */
  readonly labels: string[];

  constructor(holes: string[], labels: string[] = holes) {
    super(`文书内容不完整，不能出具：${labels.map((l) => `“${l}”`).join('、')}没有填写。`);
    this.name = 'LetterIncompleteError';
    this.holes = holes;
    this.labels = labels;
  }
}

/** A filled template: its paragraphs, the placeholders that had no value (printed as blanks), the open slots. */
export interface FilledTemplate {
  paragraphs: LetterParagraph[];
  missing: string[];
  /** `{slot}`s left open in a printed value (a basis's sentence not filled), as “{reason}” */
  unfilled: string[];
}

/** Paths whose text the applicant wrote: what they typed is printed as is, braces included. */
const APPLICANT_TEXT: ReadonlySet<string> = new Set(['case.information', 'applicant.name', 'case.form']);
const OPEN_SLOT = /\{\w+\}/g;

/** The value at a dotted path, reading only own properties of plain objects. */
function valueAt(root: unknown, keys: readonly string[]): unknown {
  let value = root;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function lookup(data: LetterData, path: string, scope: Scope | undefined): unknown {
  if (!isItemPath(path)) return valueAt(data, path.split('.'));
  if (!scope) return undefined;
  if (path === 'index') return scope.index;
  return valueAt(scope.item, path.split('.').slice(1));
}

/**
 * Fills a template from a case: paragraphs of plain text, each with how it is set. A placeholder
 * without a value prints as a blank (＿＿＿＿) and is listed in `missing`. Throws
 * LetterTemplateError when the template's structure is broken.
 */
export function fillTemplate(text: string, data: LetterData): FilledTemplate {
  const parsed = parsedTemplate(text);
  if (!parsed.ok) throw new LetterTemplateError(parsed.messages);
  const missing = new Set<string>();
  const unfilled = new Set<string>();
  const evaluated = evaluate(parsed.nodes, {
    lookup: (path, scope) => lookup(data, path, scope),
    print: (path, value) => {
      const printed = printValue(path, value, DATE_PATHS);
      if (printed === undefined) {
        missing.add(path);
        return BLANK;
      }
      if (!APPLICANT_TEXT.has(path)) for (const [slot] of printed.matchAll(OPEN_SLOT)) unfilled.add(slot);
      return printed;
    },
  });
  return { paragraphs: paragraphsOf(evaluated), missing: [...missing], unfilled: [...unfilled] };
}
