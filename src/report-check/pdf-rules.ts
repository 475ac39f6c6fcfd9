/**
 * A PDF page's drawn table rules → table grids (pure geometry, top-down page coordinates in pt).
 * Word, WPS, LibreOffice and Chromium draw a table's borders as stroked lines or thin filled
 * rectangles; their horizontal and vertical segments, joined where they touch, give each table's
 * grid, and a grid line missing between two grid cells merges them (a colSpan or rowSpan).
 */

export interface Segment {
  /** horizontal: y, x0..x1; vertical: x, y0..y1 */
  at: number;
  from: number;
  to: number;
}

export interface GridRegion {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Grid {
  /** the column lines' x, left to right */
  xs: number[];
  /** the row lines' y, top to bottom */
  ys: number[];
  /** the cells, merged where a rule is missing, in reading order */
  regions: GridRegion[];
}

const TOLERANCE = 2;

/** Segments on (nearly) the same line and touching, as one. */
export function mergeSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const same = out.findLast((o) => Math.abs(o.at - s.at) <= TOLERANCE && s.from <= o.to + TOLERANCE);
    if (same) {
      same.to = Math.max(same.to, s.to);
      same.from = Math.min(same.from, s.from);
    } else out.push({ ...s });
  }
  return out;
}

/** Values within the tolerance of each other as one (their mean), sorted. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const last = groups[groups.length - 1];
    if (last && v - last[last.length - 1] <= TOLERANCE) last.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function find(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root];
  parent[i] = root;
  return root;
}

/** The tables a page's rules draw: each set of touching horizontal and vertical rules with at least two cells. */
export function gridsFromRules(horizontal: Segment[], vertical: Segment[]): Grid[] {
  const hs = mergeSegments(horizontal).filter((s) => s.to - s.from > 4);
  const vs = mergeSegments(vertical).filter((s) => s.to - s.from > 4);
  const parent = [...hs, ...vs].map((_, i) => i);
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      const touch =
        v.at >= h.from - TOLERANCE &&
        v.at <= h.to + TOLERANCE &&
        h.at >= v.from - TOLERANCE &&
        h.at <= v.to + TOLERANCE;
      if (touch) parent[find(parent, i)] = find(parent, hs.length + j);
    });
  });
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  [...hs, ...vs].forEach((s, i) => {
    const root = find(parent, i);
    const group = groups.get(root) ?? { hs: [], vs: [] };
    if (i < hs.length) group.hs.push(s);
    else group.vs.push(s);
    groups.set(root, group);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    if (group.hs.length < 2 || group.vs.length < 2) continue;
    const grid = gridOf(group.hs, group.vs);
    if (grid.regions.length >= 2) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0] - b.ys[0]);
}

/**
 * A table's grid. A part of a table continued from the page before may lack its top rule, and one
 * continued on the next page its bottom rule (Chromium draws a cell's top border with the cell
 * above): where the vertical rules reach past the outer horizontal ones, a rule is put there.
 */
function gridOf(hs: Segment[], vs: Segment[]): Grid {
  const xs = cluster(vs.map((v) => v.at));
  const ys = cluster(hs.map((h) => h.at));
  const top = Math.min(...vs.map((v) => v.from));
  const bottom = Math.max(...vs.map((v) => v.to));
  const full = (at: number): Segment => ({ at, from: xs[0], to: xs[xs.length - 1] });
  if (top < ys[0] - 3 * TOLERANCE) {
    ys.unshift(top);
    hs = [...hs, full(top)];
  }
  if (bottom > ys[ys.length - 1] + 3 * TOLERANCE) {
    ys.push(bottom);
    hs = [...hs, full(bottom)];
  }
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const covers = (lines: Segment[], at: number, along: number) =>
    lines.some(
      (l) => Math.abs(l.at - at) <= TOLERANCE && along >= l.from - TOLERANCE && along <= l.to + TOLERANCE,
    );
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < cols && !covers(vs, xs[c + 1], midY))
        parent[find(parent, id(r, c + 1))] = find(parent, id(r, c));
      if (r + 1 < rows && !covers(hs, ys[r + 1], midX))
        parent[find(parent, id(r + 1, c))] = find(parent, id(r, c));
    }
  }
  const regions = new Map<number, GridRegion>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(parent, id(r, c));
      const region = regions.get(root);
      if (!region) regions.set(root, { row: r, col: c, rowSpan: 1, colSpan: 1 });
      else {
        region.rowSpan = Math.max(region.rowSpan, r - region.row + 1);
        region.colSpan = Math.max(region.colSpan, c - region.col + 1);
      }
    }
  }
  // a region with a rule inside it (its cells joined round the rule's end) is cut along the rule
  const hRule = (k: number, c: number) => covers(hs, ys[k], (xs[c] + xs[c + 1]) / 2);
  const vRule = (k: number, r: number) => covers(vs, xs[k], (ys[r] + ys[r + 1]) / 2);
  const done: GridRegion[] = [];
  const queue = [...regions.values()];
  for (let region = queue.pop(); region; region = queue.pop()) {
    const { row, col, rowSpan, colSpan } = region;
    const cols = Array.from({ length: colSpan }, (_, j) => col + j);
    const rowsIn = Array.from({ length: rowSpan }, (_, i) => row + i);
    const k = rowsIn.slice(1).find((r) => cols.some((c) => hRule(r, c)));
    if (k !== undefined) {
      queue.push(
        { row, col, rowSpan: k - row, colSpan },
        { row: k, col, rowSpan: row + rowSpan - k, colSpan },
      );
      continue;
    }
    const m = cols.slice(1).find((c) => rowsIn.some((r) => vRule(c, r)));
    if (m !== undefined) {
      queue.push(
        { row, col, rowSpan, colSpan: m - col },
        { row, col: m, rowSpan, colSpan: col + colSpan - m },
      );
      continue;
    }
    done.push(region);
  }
  const ordered = done.sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, regions: ordered };
}

/** The grid cell index a coordinate falls in (between lines i and i+1), or -1 outside. */
export function slot(lines: number[], value: number): number {
  for (let i = 0; i + 1 < lines.length; i++) if (value >= lines[i] && value < lines[i + 1]) return i;
  return -1;
}
