/**
 * The template language of letters, small on purpose:
 * - paragraphs are separated by a blank line; the lines of one paragraph are joined;
 * - `{{path}}` prints a value; values are never read again as template;
 * - `{{#if path}}…{{else}}…{{/if}}` keeps the first part when the value is present (not blank,
 *   not false, not an empty list), else the part after `{{else}}` (optional);
 * - `{{#each path}}…{{/each}}` repeats its text for each item of a list, with `{{item}}` (or
 *   `{{item.field}}`) and `{{index}}` (1, 2, …); lists do not nest;
 * - a line starting with `@left` begins a paragraph set flush left (the salutation), `@right` one
 *   set right-aligned (the signature and the date).
 * Nothing but paths is evaluated. Which paths exist is the caller's business (see templates.ts).
 */

/** A parsed template: text, a placeholder, or a block. */
export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'field'; path: string }
  | { type: 'if'; path: string; present: TemplateNode[]; absent: TemplateNode[] }
  | { type: 'each'; path: string; body: TemplateNode[] };

/** The nodes of a template, or what is wrong with its structure (Chinese sentences). */
export type ParsedTemplate = { ok: true; nodes: TemplateNode[] } | { ok: false; messages: string[] };

/** The longest template accepted, in characters. */
export const MAX_TEMPLATE_LENGTH = 20_000;

/**
 * The sentinels a paragraph mark becomes until paragraphsOf reads it: Unicode noncharacters, meant
 * for a program's internal use and removed from every template and value (see plainText).
 */
export const PARAGRAPH_MARKS: Readonly<Record<string, string>> = { left: '\ufdd0', right: '\ufdd1' };
const NONCHARACTERS = /[\ufdd0-\ufdef]/g;

/** Text without noncharacters and without control characters other than line break and tab (not allowed in XML). */
export function plainText(text: string): string {
  let out = '';
  for (const ch of text.replace(NONCHARACTERS, '')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || ch === '\t' || (code >= 0x20 && code !== 0x7f)) out += ch;
  }
  return out;
}
const MARK_LINE = /(^|\n)[ \t]*@([A-Za-z]+)[ \t]*/g;
const TAG = /\{\{([^{}]*)\}\}/g;
const PATH = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

interface Frame {
  node: Extract<TemplateNode, { type: 'if' | 'each' }>;
  tag: string;
  inElse: boolean;
}

const endOf = (node: Frame['node']): string => `{{/${node.type}}}`;

/** Line breaks made `\n`, control characters removed, paragraph marks turned into sentinels. */
function prepare(text: string, messages: string[]): string {
  const clean = plainText(text.replace(/\r\n?/g, '\n'));
  return clean.replace(MARK_LINE, (whole, start: string, name: string) => {
    const mark = PARAGRAPH_MARKS[name];
    if (mark) return `${start}\n\n${mark}`;
    messages.push(`无法识别的段落标记“@${name}”：可用 @left（顶格，如称谓）和 @right（右对齐，如落款）。`);
    return whole;
  });
}

/** Parses a template into nodes, or says in Chinese what is wrong with its structure. */
export function parseTemplate(text: string): ParsedTemplate {
  if (!text.trim()) return { ok: false, messages: ['模板内容为空。'] };
  if (text.length > MAX_TEMPLATE_LENGTH)
    return { ok: false, messages: [`模板过长：最多${MAX_TEMPLATE_LENGTH}个字符。`] };
  const messages: string[] = [];
  const source = prepare(text, messages);
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  const target = (): TemplateNode[] => {
    const top = stack.at(-1);
    if (!top) return root;
    if (top.node.type === 'each') return top.node.body;
    return top.inElse ? top.node.absent : top.node.present;
  };
  const pushText = (piece: string): void => {
    if (/\{\{|\}\}/.test(piece)) messages.push('模板中有不成对的“{{”或“}}”：占位符应写作 {{字段}}。');
    if (piece) target().push({ type: 'text', text: piece });
  };
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    pushText(source.slice(last, match.index));
    last = match.index + match[0].length;
    const tag = match[0];
    const inner = match[1].trim();
    const open = /^#(if|each)\s+(\S+)$/.exec(inner);
    if (open && PATH.test(open[2])) {
      const path = open[2];
      if (open[1] === 'each' && stack.some((f) => f.node.type === 'each')) {
        messages.push(`不支持嵌套的列表：“${tag}”位于另一个“{{#each}}”之内。`);
      }
      const node: Frame['node'] =
        open[1] === 'if' ? { type: 'if', path, present: [], absent: [] } : { type: 'each', path, body: [] };
      target().push(node);
      stack.push({ node, tag, inElse: false });
    } else if (inner === 'else') {
      const top = stack.at(-1);
      if (top?.node.type === 'if' && !top.inElse) top.inElse = true;
      else messages.push('“{{else}}”只能用在“{{#if …}}”与“{{/if}}”之间，且只能出现一次。');
    } else if (inner === '/if' || inner === '/each') {
      const top = stack.pop();
      if (!top) messages.push(`“${tag}”前面没有与之对应的开始标记。`);
      else if (endOf(top.node) !== tag.replace(/\s+/g, ''))
        messages.push(`“${top.tag}”应以“${endOf(top.node)}”结束，却遇到了“${tag}”。`);
    } else if (PATH.test(inner)) {
      target().push({ type: 'field', path: inner });
    } else {
      messages.push(
        `无法识别的标记“${tag}”：可用 {{字段}}、{{#if 字段}}…{{/if}}、{{#each 列表}}…{{/each}}。`,
      );
    }
  }
  pushText(source.slice(last));
  for (const frame of stack) messages.push(`“${frame.tag}”缺少结束标记“${endOf(frame.node)}”。`);
  return messages.length > 0 ? { ok: false, messages } : { ok: true, nodes: root };
}

/** A path a template uses: how (printed, tested by `#if`, repeated by `#each`) and inside which list. */
export interface UsedPath {
  path: string;
  use: 'print' | 'if' | 'each';
  list?: string;
}

/** The paths a template uses, each with the list it sits in (for `item`, `index`). */
export function usedPaths(nodes: readonly TemplateNode[], list?: string): UsedPath[] {
  return nodes.flatMap((node) => {
    if (node.type === 'text') return [];
    if (node.type === 'field') return [{ path: node.path, use: 'print', list }];
    if (node.type === 'if') {
      const own: UsedPath = { path: node.path, use: 'if', list };
      return [own, ...usedPaths(node.present, list), ...usedPaths(node.absent, list)];
    }
    return [{ path: node.path, use: 'each', list }, ...usedPaths(node.body, node.path)];
  });
}

/** The item of a list being repeated, and its number from 1. */
export interface Scope {
  item: unknown;
  index: number;
}

/** How evaluate reads and prints values. */
export interface EvalContext {
  lookup(path: string, scope: Scope | undefined): unknown;
  print(path: string, value: unknown): string;
}

/** Whether a value counts as present for `{{#if}}`. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The template's text with every tag replaced (paragraph sentinels still in place). */
export function evaluate(nodes: readonly TemplateNode[], context: EvalContext, scope?: Scope): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'field') {
      out += plainText(context.print(node.path, context.lookup(node.path, scope)));
    } else if (node.type === 'if') {
      const branch = isPresent(context.lookup(node.path, scope)) ? node.present : node.absent;
      out += evaluate(branch, context, scope);
    } else {
      const list = context.lookup(node.path, scope);
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        out += evaluate(node.body, context, { item, index: i + 1 });
      });
    }
  }
  return out;
}
