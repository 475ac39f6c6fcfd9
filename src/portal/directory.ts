/**
 * 机构导航 (`/agencies`) and the home page's cut at province scale: the active agencies as a tree
 * (agencies.parent_id), a name search, and a page of either. Pure: the route reads the agencies
 * (queries/directory.ts) and renders what these return (views/agencies.ts).
 */

/** An active agency as the directory shows it, in listAgencies' order (name, then code). */
export interface DirectoryAgency {
  code: string;
  name: string;
  /** its parent's code; null at the top (or when the parent is not active) */
  parentCode: string | null;
}

/** One line of the directory: an agency at its depth in the tree (0: the top). */
export interface DirectoryLine {
  agency: DirectoryAgency;
  depth: number;
  /** the parent's name, shown beside a search's matches; null at the top */
  parentName: string | null;
  /** an ancestor repeated at the top of a page to place its first line (接上页), not counted */
  context?: boolean;
}

/** The home page lists every agency up to this many; above it, the top of the tree and a link here. */
export const HOME_AGENCIES_MAX = 30;
/** Lines a page of the directory. */
export const DIRECTORY_PAGE_SIZE = 200;
/** The longest name search, in characters. */
export const DIRECTORY_QUERY_MAX = 50;

/** parent code → its children, in the given order; a parent not among them reads as the top (null). */
function childrenByParent(agencies: readonly DirectoryAgency[]): Map<string | null, DirectoryAgency[]> {
  const codes = new Set(agencies.map((a) => a.code));
  const children = new Map<string | null, DirectoryAgency[]>();
  for (const agency of agencies) {
    const parent = agency.parentCode !== null && codes.has(agency.parentCode) ? agency.parentCode : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(agency);
    else children.set(parent, [agency]);
  }
  return children;
}

/** The agencies at the top of the tree, in the given order. */
export function topLevelAgencies(agencies: readonly DirectoryAgency[]): DirectoryAgency[] {
  return childrenByParent(agencies).get(null) ?? [];
}

/**
 * The whole tree, parents before their children (each level in the given order), any depth. An
 * agency no top-level one leads to (a loop of parents, which the tree's commands refuse) is listed
 * at the top after the others, so none is ever left out.
 */
export function directoryTree(agencies: readonly DirectoryAgency[]): DirectoryLine[] {
  const children = childrenByParent(agencies);
  const lines: DirectoryLine[] = [];
  const seen = new Set<string>();
  const walk = (agency: DirectoryAgency, depth: number, parentName: string | null) => {
    if (seen.has(agency.code)) return;
    seen.add(agency.code);
    lines.push({ agency, depth, parentName });
    for (const child of children.get(agency.code) ?? []) walk(child, depth + 1, agency.name);
  };
  for (const top of children.get(null) ?? []) walk(top, 0, null);
  for (const agency of agencies) walk(agency, 0, null);
  return lines;
}

/** The name search as typed: the first value given, trimmed ('' when none). */
export function directoryQuery(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** What is wrong with a name search, in Chinese, or null. */
export function directoryQueryProblem(q: string): string | null {
  const length = [...q].length;
  if (length <= DIRECTORY_QUERY_MAX) return null;
  return `机关名称最长 ${DIRECTORY_QUERY_MAX} 个字，您输入了 ${length} 个字，请缩短后再查找。`;
}

/**
 * The agencies whose name contains `q` (Latin letters in either case; Chinese as it is), each with
 * its parent's name, in the given order.
 */
export function matchAgencies(agencies: readonly DirectoryAgency[], q: string): DirectoryLine[] {
  const wanted = q.toLowerCase();
  const names = new Map(agencies.map((a) => [a.code, a.name]));
  return agencies
    .filter((a) => a.name.toLowerCase().includes(wanted))
    .map((agency) => ({
      agency,
      depth: 0,
      parentName: agency.parentCode === null ? null : (names.get(agency.parentCode) ?? null),
    }));
}

/**
 * Page `page` (from 1) of `lines`, `size` a page. A page of the tree that starts below the top
 * begins with its first line's ancestors, marked `context`, so every line is seen under its parent.
 */
export function directoryPage(lines: readonly DirectoryLine[], page: number, size: number): DirectoryLine[] {
  const start = (page - 1) * size;
  const shown = lines.slice(start, start + size);
  const ancestors: DirectoryLine[] = [];
  let depth = shown[0]?.depth ?? 0;
  for (let i = start - 1; i >= 0 && depth > 0; i--) {
    if (lines[i].depth >= depth) continue;
    ancestors.unshift({ ...lines[i], context: true });
    depth = lines[i].depth;
  }
  return [...ancestors, ...shown];
}
