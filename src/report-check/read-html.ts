/**
 * An HTML report page → SourceDocument, as saved from a government site: the article's paragraphs,
 * tables (colspan/rowspan) and pictures in order; the site's chrome (scripts, navigation, menus,
 * footers) skipped where it can be told apart, never the article; title and publication date from
 * the page's meta or its text.
 */
import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Block, SourceCell, SourceDocument } from '../domain/report/reading/document.ts';
import { declaredCharset, decodeText } from './decode.ts';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'iframe',
  'select',
  'button',
  'input',
  'textarea',
  'object',
  'embed',
  'map',
  'canvas',
  'audio',
  'video',
]);
const CHROME_TAGS = new Set(['nav', 'aside', 'header', 'footer', 'menu']);
// the site's navigation, share bars, search boxes and footers (not “head” or “top”: an article's
// title block is often named so)
const CHROME_NAME =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|bdshare|toolbar|sidebar|footer|login|search|links?|friend)([\s_-]|$)/i;
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
  'center',
  'figure',
  'figcaption',
  'address',
  'form',
  'fieldset',
  'hr',
  'body',
  'html',
  'tr',
  'font-block',
]);

const isElement = (node: ChildNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Reads an HTML page (bytes in any charset it declares, or a decoded string). */
export function readHtml(input: Uint8Array | string): SourceDocument {
  const html = typeof input === 'string' ? input : decodeText(input, declaredCharset(input));
  const dom = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const body = DomUtils.findOne((e) => e.name === 'body', dom.children) ?? dom;
  const blocks: Block[] = [];
  new Walker(blocks).container(body.children);
  const document: SourceDocument = { source: 'html', blocks };
  const title = pageTitle(dom.children);
  if (title) document.title = title;
  const publishedOn = pagePublishedOn(dom.children, body.children);
  if (publishedOn) document.publishedOn = publishedOn;
  return document;
}

/** Whether an element is the site's chrome, not the article: never when it holds a table or much text. */
function isChrome(el: Element, inArticle: boolean): boolean {
  if (inArticle && (el.name === 'header' || el.name === 'footer')) return false;
  const named =
    CHROME_TAGS.has(el.name) || CHROME_NAME.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
  if (!named) return false;
  if (DomUtils.findOne((e) => e.name === 'table', el.children)) return false;
  return DomUtils.textContent(el).replace(/\s+/g, '').length < 300;
}

function hidden(el: Element): boolean {
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attribs.style ?? '') || 'hidden' in el.attribs;
}

class Walker {
  private line = '';
  private inArticle = false;

  constructor(private readonly out: Block[]) {}

  container(nodes: ChildNode[]): void {
    for (const node of nodes) this.node(node);
    this.flush();
  }

  private flush(): void {
    const text = this.line
      .split('\n')
      .map((l) => l.replace(/^[ \t\r\n\f\u00a0]+|[ \t\r\n\f\u00a0]+$/g, ''))
      .filter((l) => l !== '')
      .join('\n');
    if (text !== '') this.out.push({ kind: 'paragraph', text });
    this.line = '';
  }

  private node(node: ChildNode): void {
    if (node.type === 'text') {
      this.line += node.data.replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (!isElement(node) || SKIP.has(node.name) || hidden(node) || isChrome(node, this.inArticle)) return;
    const name = node.name;
    if (name === 'br') {
      this.line += '\n';
      return;
    }
    if (name === 'img' || (name === 'svg' && node.attribs.role === 'img')) {
      if (isIcon(node)) return;
      this.flush();
      const alt = (node.attribs.alt ?? node.attribs['aria-label'] ?? node.attribs.title ?? '').trim();
      this.out.push(alt ? { kind: 'image', alt } : { kind: 'image' });
      return;
    }
    if (name === 'svg') return;
    if (name === 'table') {
      this.flush();
      this.table(node);
      return;
    }
    const block = BLOCK.has(name);
    if (block) this.flush();
    const wasInArticle = this.inArticle;
    if (name === 'article' || name === 'main') this.inArticle = true;
    for (const child of node.children) this.node(child);
    this.inArticle = wasInArticle;
    if (block) this.flush();
  }

  /** A table's rows; a table holding tables is a layout frame, read as its contents in order. */
  private table(table: Element): void {
    const rows = ownRows(table);
    const cells = rows.flatMap((tr) =>
      tr.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th'),
    );
    if (cells.some((c) => DomUtils.findOne((e) => e.name === 'table', c.children))) {
      for (const cell of cells) this.container(cell.children);
      return;
    }
    const out: SourceCell[][] = rows.map((tr) =>
      tr.children
        .filter(isElement)
        .filter((c) => c.name === 'td' || c.name === 'th')
        .filter((c) => !hidden(c))
        .map((c) => {
          const cell: SourceCell = { text: cellText(c) };
          const colSpan = Number(c.attribs.colspan);
          const rowSpan = Number(c.attribs.rowspan);
          if (colSpan > 1) cell.colSpan = Math.min(colSpan, 100);
          if (rowSpan > 1) cell.rowSpan = Math.min(rowSpan, 1000);
          return cell;
        }),
    );
    const kept = out.filter((row) => row.length > 0);
    if (kept.length > 0) this.out.push({ kind: 'table', rows: kept, structured: true });
  }
}

function isIcon(img: Element): boolean {
  const w = Number.parseInt(img.attribs.width ?? '', 10);
  const h = Number.parseInt(img.attribs.height ?? '', 10);
  return (w > 0 && w < 40) || (h > 0 && h < 40);
}

/** The rows of this table (through thead/tbody/tfoot), not of a table nested in it. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children.filter(isElement)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot')
      rows.push(...child.children.filter(isElement).filter((c) => c.name === 'tr'));
  }
  return rows;
}

/** A cell's text: its paragraphs and line breaks as "\n". */
function cellText(cell: Element): string {
  const blocks: Block[] = [];
  new Walker(blocks).container(cell.children);
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : ''))
    .filter((t) => t !== '')
    .join('\n');
}

function meta(nodes: ChildNode[], names: string[]): string | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const el = DomUtils.findOne(
    (e) =>
      e.name === 'meta' &&
      wanted.has((e.attribs.name ?? e.attribs.property ?? e.attribs.itemprop ?? '').toLowerCase()) &&
      (e.attribs.content ?? '').trim() !== '',
    nodes,
  );
  return el?.attribs.content?.trim();
}

function pageTitle(nodes: ChildNode[]): string | undefined {
  const fromMeta = meta(nodes, ['ArticleTitle', 'og:title', 'title']);
  if (fromMeta) return fromMeta;
  const text = (tag: string) => {
    const el = DomUtils.findOne((e) => e.name === tag && DomUtils.textContent(e).trim() !== '', nodes);
    return el ? DomUtils.textContent(el).replace(/\s+/g, ' ').trim() : undefined;
  };
  // a site's <title> often ends with the site's name: “…年度报告_某某市人民政府”
  const title = text('title');
  const first = title?.split(/[_|｜]|\s[-—]\s/)[0]?.trim();
  if (first?.includes('报告')) return first;
  return text('h1') ?? title;
}

const DATE = /(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})/;
const STATED =
  /(?:发布时间|发布日期|发文日期|公开日期|成文日期|日期|时间)\s*[:：]\s*(\d{4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2})/;
const META_DATES = [
  'PubDate',
  'firstpublishedtime',
  'publishdate',
  'publish_date',
  'pubtime',
  'article:published_time',
  'dc.date',
  'dc.date.created',
  'dcterms.created',
  'date',
];

/** The publication date the page states: its meta, else a “发布时间：…” in its text. */
function pagePublishedOn(all: ChildNode[], body: ChildNode[]): string | undefined {
  const fromMeta = meta(all, META_DATES);
  const stated = fromMeta
    ? DATE.exec(fromMeta)
    : STATED.exec(DomUtils.textContent(body).replace(/\u00a0/g, ' '));
  const match = stated && DATE.exec(stated[0]);
  return match ? isoDate(match[1], match[2], match[3]) : undefined;
}

export function isoDate(year: string, month: string, day: string): string | undefined {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
