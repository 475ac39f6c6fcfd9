/**
 * The 机构管理 page's pure helpers (pages/PlatformAgenciesPage.tsx): which agencies a search shows
 * (the matches and their ancestors, so each stays in its place in the tree), and the choices of a
 * move's new parent (never the agency itself or one below it, never a retired one).
 */

/** An agency as the page lists it (a subset of contract/agency-tree.ts's entry). */
export interface ListedAgency {
  code: string;
  name: string;
  shortName: string;
  parentCode: string | null;
  retiredOn: string | null;
}

/** The value of the move's “top of the tree” choice. */
export const TOP_OF_TREE = '__top__';

/** The codes a search shows, or null (no search: all). The list is parents first, as the API gives it. */
export function visibleCodes(agencies: readonly ListedAgency[], search: string): Set<string> | null {
  const words = search.trim();
  if (!words) return null;
  const parent = new Map(agencies.map((a) => [a.code, a.parentCode]));
  const shown = new Set<string>();
  for (const a of agencies)
    if (a.name.includes(words) || a.shortName.includes(words) || a.code.includes(words.toLowerCase())) {
      let code: string | null = a.code;
      while (code !== null && !shown.has(code)) {
        shown.add(code);
        code = parent.get(code) ?? null;
      }
    }
  return shown;
}

/** The codes at or below `code` (the list parents first). */
export function subtreeOf(agencies: readonly ListedAgency[], code: string): Set<string> {
  const found = new Set([code]);
  for (const a of agencies) if (a.parentCode !== null && found.has(a.parentCode)) found.add(a.code);
  return found;
}

/** A choice of the move's TreeSelect. */
export interface ParentChoice {
  value: string;
  title: string;
  disabled: boolean;
  children: ParentChoice[];
}

/** The new parents `code` may move under, as a tree, the top of the tree first. */
export function parentChoices(agencies: readonly ListedAgency[], code: string): ParentChoice[] {
  const below = subtreeOf(agencies, code);
  const nodes = new Map<string, ParentChoice>();
  const roots: ParentChoice[] = [
    { value: TOP_OF_TREE, title: '（最上层，无上级机关）', disabled: false, children: [] },
  ];
  for (const a of agencies) {
    const node: ParentChoice = {
      value: a.code,
      title: a.retiredOn ? `${a.name}（已撤销）` : a.name,
      disabled: below.has(a.code) || a.retiredOn !== null,
      children: [],
    };
    nodes.set(a.code, node);
    const parent = a.parentCode === null ? undefined : nodes.get(a.parentCode);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
