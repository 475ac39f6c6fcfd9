/**
 * What read-pdf needs of one pdfjs page: its text items, the horizontal and vertical rules it draws
 * and its pictures, in top-down coordinates (pt from the page's top-left corner).
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Segment } from './pdf-rules.ts';
import { normaliseRadicals } from './radicals.ts';

export interface PdfText {
  text: string;
  x0: number;
  x1: number;
  /** the middle of the glyphs' height */
  y: number;
  size: number;
}

export interface PdfBox {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

export interface PageContent {
  width: number;
  height: number;
  texts: PdfText[];
  horizontal: Segment[];
  vertical: Segment[];
  images: PdfBox[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** The PDF operator numbers read here (pdfjs's OPS). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** Reads a page's text items, rules and pictures. */
export async function pageContent(page: PDFPageProxy, OPS: Ops): Promise<PageContent> {
  const [x0, y0, x1, y1] = page.view;
  const width = x1 - x0;
  const height = y1 - y0;
  const flip = (y: number) => y1 - y;
  const texts: PdfText[] = [];
  const content = await page.getTextContent();
  // text drawn twice at one place (fake bold, outlined labels) read once
  const drawn = new Set<string>();
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, , d, e, f] = item.transform as number[];
    const size = Math.hypot(a, b) || Math.abs(d) || item.height;
    // upright text only: rotated text (a stamp, a watermark) is left out
    if (Math.abs(b) > 0.01 * Math.abs(a)) continue;
    const key = `${item.str}|${Math.round(e)}|${Math.round(f)}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    texts.push({
      text: normaliseRadicals(item.str),
      x0: e - x0,
      x1: e - x0 + item.width,
      y: flip(f + size * 0.35),
      size,
    });
  }
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  const images: PdfBox[] = [];
  const list = await page.getOperatorList();
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const strokes = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const addSegment = (ax: number, ay: number, bx: number, by: number) => {
    const [px, py] = apply(ctm, ax, ay);
    const [qx, qy] = apply(ctm, bx, by);
    if (Math.abs(py - qy) < 0.5 && Math.abs(px - qx) > 2)
      horizontal.push({ at: flip(py), from: Math.min(px, qx) - x0, to: Math.max(px, qx) - x0 });
    else if (Math.abs(px - qx) < 0.5 && Math.abs(py - qy) > 2)
      vertical.push({ at: px - x0, from: flip(Math.max(py, qy)), to: flip(Math.min(py, qy)) });
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))
        ctm = multiply(Array.from(args[0] as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (
      fn === OPS.paintImageXObject ||
      fn === OPS.paintInlineImageXObject ||
      fn === OPS.paintImageMaskXObject ||
      fn === OPS.paintImageXObjectRepeat
    ) {
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      const xsOf = corners.map((c) => c[0]);
      const ysOf = corners.map((c) => flip(c[1]));
      images.push({
        x0: Math.min(...xsOf) - x0,
        x1: Math.max(...xsOf) - x0,
        top: Math.min(...ysOf),
        bottom: Math.max(...ysOf),
      });
    } else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const path = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!path || (!strokes.has(op) && !fills.has(op))) continue;
      for (const sub of subpaths(path)) {
        if (strokes.has(op)) {
          for (let k = 0; k + 1 < sub.length; k++)
            addSegment(sub[k][0], sub[k][1], sub[k + 1][0], sub[k + 1][1]);
        }
        if (fills.has(op) && !strokes.has(op) && sub.length >= 4) thinRect(sub, addSegment, ctm);
      }
    }
  }
  return { width, height, texts, horizontal, vertical, images };
}

/** A thin filled rectangle (a border drawn as a fill) as the rule along its middle. */
function thinRect(
  points: Array<[number, number]>,
  add: (ax: number, ay: number, bx: number, by: number) => void,
  ctm: Matrix,
): void {
  const mapped = points.map(([x, y]) => apply(ctm, x, y));
  const xs = mapped.map((p) => p[0]);
  const ys = mapped.map((p) => p[1]);
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  // the rule is measured on the page; `add` takes path coordinates (it applies the matrix), so the
  // rule's ends go back through the inverse
  const inv = invert(ctm);
  if (!inv) return;
  const line = (ax: number, ay: number, bx: number, by: number) => {
    const [px, py] = apply(inv, ax, ay);
    const [qx, qy] = apply(inv, bx, by);
    add(px, py, qx, qy);
  };
  if (h <= 3 && w > 3)
    line(
      Math.min(...xs),
      (Math.min(...ys) + Math.max(...ys)) / 2,
      Math.max(...xs),
      (Math.min(...ys) + Math.max(...ys)) / 2,
    );
  else if (w <= 3 && h > 3)
    line(
      (Math.min(...xs) + Math.max(...xs)) / 2,
      Math.min(...ys),
      (Math.min(...xs) + Math.max(...xs)) / 2,
      Math.max(...ys),
    );
}

function invert(m: Matrix): Matrix | undefined {
  const det = m[0] * m[3] - m[1] * m[2];
  if (Math.abs(det) < 1e-12) return undefined;
  return [
    m[3] / det,
    -m[1] / det,
    -m[2] / det,
    m[0] / det,
    (m[2] * m[5] - m[3] * m[4]) / det,
    (m[1] * m[4] - m[0] * m[5]) / det,
  ];
}

/** A pdfjs path (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) as its straight subpaths. */
function subpaths(path: ArrayLike<number>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  let curved = false;
  const end = () => {
    if (current.length > 1 && !curved) out.push(current);
    current = [];
    curved = false;
  };
  for (let i = 0; i < path.length; ) {
    const cmd = path[i];
    if (cmd === 0) {
      end();
      current.push([path[i + 1], path[i + 2]]);
      i += 3;
    } else if (cmd === 1) {
      current.push([path[i + 1], path[i + 2]]);
      i += 3;
    } else if (cmd === 2) {
      curved = true;
      current.push([path[i + 5], path[i + 6]]);
      i += 7;
    } else if (cmd === 3) {
      curved = true;
      current.push([path[i + 3], path[i + 4]]);
      i += 5;
    } else if (cmd === 4) {
      if (current.length > 0) current.push(current[0]);
      i += 1;
    } else break;
  }
  end();
  return out;
}
