/**
 * Agencies as a tree (issue 15, docs/agencies.md): province → city → county/district → departments
 * and 乡镇/街道, by `agencies.parent_id`. Pure: the tree built from rows, an agency's path, and the
 * checks of what the platform administrator changes — a new agency's code, a move (never under
 * itself or a descendant, never under a retired or unknown parent), a retirement (never while an
 * active agency sits below it, nor while a request waits for its answer) and a reactivation.
 * Each check answers a Chinese sentence saying what to do, or null.
 */

/** Where an agency stands in the administrative hierarchy; optional ('' when not stated). */
export const AGENCY_LEVELS = ['province', 'city', 'county', 'department', 'township'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: '省',
  city: '市',
  county: '县（区）',
  department: '部门',
  township: '乡镇（街道）',
};

/** A level in Chinese; '未设置' for ''. */
export function agencyLevelLabel(level: string): string {
  return (AGENCY_LEVEL_LABELS as Record<string, string>)[level] ?? '未设置';
}

export function isAgencyLevel(value: string): value is AgencyLevel {
  return (AGENCY_LEVELS as readonly string[]).includes(value);
}

/** The kinds of agency (report/vocabulary.ts AGENCY_KINDS: which report deadline binds it) in Chinese. */
export const AGENCY_KIND_LABELS: Record<string, string> = {
  government: '人民政府',
  department: '政府部门',
  development_zone: '开发区管委会',
  township: '乡镇人民政府（街道办事处）',
  other: '其他机关',
};

/** An agency code as `gongkai import` takes it (commands/import/line-schemas.ts, contract/common.ts). */
export const AGENCY_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
export const AGENCY_CODE_MAX = 64;

/** What is wrong with a new agency's code, or null. */
export function agencyCodeProblem(code: string): string | null {
  if (code.length === 0) return '机关代码不能为空，请填写小写字母、数字、- 或 _ 组成的代码，如 lingang';
  if (code.length > AGENCY_CODE_MAX) return `机关代码最长 ${AGENCY_CODE_MAX} 个字符，请缩短`;
  if (!AGENCY_CODE_PATTERN.test(code))
    return `机关代码“${code}”只能包含小写字母、数字、- 和 _，且以字母或数字开头`;
  return null;
}

/** An agency as the tree reads it. */
export interface TreeAgency {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  /** the day it was retired; null while active */
  retiredOn: string | null;
}

/** A node: the agency and its children (by code). */
export interface TreeNode<A extends TreeAgency = TreeAgency> {
  agency: A;
  children: TreeNode<A>[];
}

const byCode = (a: TreeAgency, b: TreeAgency) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** parent id → its children, by code. */
function childrenOf<A extends TreeAgency>(rows: readonly A[]): Map<number | null, A[]> {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, A[]>();
  for (const row of [...rows].sort(byCode)) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  return children;
}

/**
 * The forest of the rows: roots (no parent, or a parent not among the rows) with their children,
 * each level by code. A row caught in a cycle (which the checks here never let in) is not lost:
 * it becomes a root, its cycle cut there.
 */
export function buildTree<A extends TreeAgency>(rows: readonly A[]): TreeNode<A>[] {
  const children = childrenOf(rows);
  const placed = new Set<number>();
  const grow = (agency: A): TreeNode<A> => {
    placed.add(agency.id);
    const below = (children.get(agency.id) ?? []).filter((c) => !placed.has(c.id));
    return { agency, children: below.map(grow) };
  };
  const roots = (children.get(null) ?? []).map(grow);
  for (const row of [...rows].sort(byCode)) if (!placed.has(row.id)) roots.push(grow(row));
  return roots;
}

/** The agency's path from its root down to itself (itself last); [] when unknown. Stops at a cycle. */
export function pathOf<A extends TreeAgency>(rows: readonly A[], id: number): A[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: A[] = [];
  const seen = new Set<number>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return path;
}

/** The ids of every agency below `id` (not itself). */
export function descendantIds(rows: readonly TreeAgency[], id: number): Set<number> {
  const children = childrenOf(rows);
  const found = new Set<number>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop() as number;
    for (const child of children.get(next) ?? [])
      if (!found.has(child.id) && child.id !== id) {
        found.add(child.id);
        stack.push(child.id);
      }
  }
  return found;
}

/** Names an agency in a message: 名称（代码）. */
const named = (a: TreeAgency) => `“${a.name}”（${a.code}）`;

/**
 * Whether `parent` may hold a child: it exists and is active. The message names the field
 * 上级机关; `parentCode` is what the caller asked for.
 */
export function parentProblem(rows: readonly TreeAgency[], parentCode: string): string | null {
  const parent = rows.find((r) => r.code === parentCode);
  if (!parent) return `上级机关代码“${parentCode}”不存在，请先创建该机关或选择已有的机关`;
  if (parent.retiredOn !== null)
    return `上级机关${named(parent)}已于 ${parent.retiredOn} 撤销，不能再设下级机关；请选择在用的机关或先恢复它`;
  return null;
}

/**
 * Whether the agency may move under `newParentCode` (null: to the top of the tree): not under
 * itself or one of its descendants (the tree would become a loop), and under an active parent.
 */
export function moveProblem(
  rows: readonly TreeAgency[],
  move: { agencyId: number; newParentCode: string | null },
): string | null {
  const agency = rows.find((r) => r.id === move.agencyId);
  if (!agency) return '要调整的机关不存在';
  if (move.newParentCode === null) return null;
  const parent = rows.find((r) => r.code === move.newParentCode);
  if (parent?.id === agency.id) return `不能把${named(agency)}设为它自己的上级机关，请选择其他机关`;
  if (parent && descendantIds(rows, agency.id).has(parent.id))
    return `${named(parent)}是${named(agency)}的下级机关，不能设为它的上级（会形成循环）；请先把${named(parent)}移出，或选择其他机关`;
  return parentProblem(rows, move.newParentCode);
}

/**
 * Whether the agency may be retired. Not while an active agency sits directly below it (named: move
 * or retire them first), and not while requests wait for their answer: a retired agency leaves the
 * staff's choices, and its open requests must still be answered in time — 条例 第三十三条第二款：
 * “行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复……” — by whoever holds the
 * information (条例 第十条第一款：“行政机关制作的政府信息，由制作该政府信息的行政机关负责公开。……”).
 */
export function retireProblem(
  rows: readonly TreeAgency[],
  retire: { agencyId: number; openRequests: number },
): string | null {
  const agency = rows.find((r) => r.id === retire.agencyId);
  if (!agency) return '要撤销的机关不存在';
  if (agency.retiredOn !== null) return `${named(agency)}已于 ${agency.retiredOn} 撤销`;
  const active = rows.filter((r) => r.parentId === agency.id && r.retiredOn === null).sort(byCode);
  if (active.length > 0) {
    const shown = active.slice(0, 5).map(named).join('、');
    const more = active.length > 5 ? `等 ${active.length} 个` : '';
    return `${named(agency)}下还有在用的下级机关 ${shown}${more}，请先把它们调整到其他上级机关或撤销，再撤销本机关`;
  }
  if (retire.openRequests > 0)
    return `${named(agency)}还有 ${retire.openRequests} 件依申请公开未办结，请办结（或转由其他机关办理）后再撤销`;
  return null;
}

/** Whether a retired agency may be restored: it is retired, and its parent (if any) is active. */
export function reactivateProblem(rows: readonly TreeAgency[], agencyId: number): string | null {
  const agency = rows.find((r) => r.id === agencyId);
  if (!agency) return '要恢复的机关不存在';
  if (agency.retiredOn === null) return `${named(agency)}在用，无需恢复`;
  const parent = agency.parentId === null ? undefined : rows.find((r) => r.id === agency.parentId);
  if (parent && parent.retiredOn !== null)
    return `上级机关${named(parent)}已撤销，请先恢复上级机关，或把本机关调整到在用的上级机关下`;
  return null;
}
