/**
 * A whole tree imported at once (`gongkai agency import-tree`, POST /api/v1/agency-tree/import;
 * docs/agencies.md): the lines, already read one by one, planned against the agencies that exist.
 * A line of an existing code changes it (name, parent, level…); a new code creates it. A parent
 * may come later in the file or exist already. Every problem is found before anything is written,
 * each naming its line and field: the import is all or nothing.
 */
import { agencyCodeProblem, type TreeAgency } from './tree.ts';

/** One line of the file as the planner reads it. */
export interface TreeLine {
  /** 1-based line number in the file */
  line: number;
  code: string;
  /** the parent's code; null or absent: a root */
  parent: string | null;
}

/** A problem of one line. */
export interface TreeLineProblem {
  line: number;
  field: string;
  message: string;
}

/** The plan: the lines in an order where every new parent comes before its children, or the problems. */
export type TreePlan<L extends TreeLine> =
  | { ok: true; order: L[]; created: number; changed: number }
  | { ok: false; problems: TreeLineProblem[] };

/** Plans the import of `lines` over the `existing` agencies. */
export function planTreeImport<L extends TreeLine>(
  existing: readonly TreeAgency[],
  lines: readonly L[],
): TreePlan<L> {
  const problems: TreeLineProblem[] = [];
  const byCode = new Map(existing.map((a) => [a.code, a]));
  const inFile = new Map<string, L>();
  for (const l of lines) {
    const codeProblem = agencyCodeProblem(l.code);
    if (codeProblem) problems.push({ line: l.line, field: 'code', message: codeProblem });
    const first = inFile.get(l.code);
    if (first)
      problems.push({
        line: l.line,
        field: 'code',
        message: `机关代码“${l.code}”在第 ${first.line} 行已出现，每个机关只能写一行`,
      });
    else inFile.set(l.code, l);
  }
  // the parent of every code after the import: the file's word over the database's
  const parentOf = new Map<string, string | null>();
  const idToCode = new Map(existing.map((a) => [a.id, a.code]));
  for (const a of existing)
    parentOf.set(a.code, a.parentId === null ? null : (idToCode.get(a.parentId) ?? null));
  for (const l of inFile.values()) parentOf.set(l.code, l.parent);
  for (const l of inFile.values()) {
    if (l.parent === null) continue;
    if (l.parent === l.code) {
      problems.push({ line: l.line, field: 'parent', message: `机关“${l.code}”不能是它自己的上级机关` });
      continue;
    }
    const parent = byCode.get(l.parent);
    if (!parent && !inFile.has(l.parent))
      problems.push({
        line: l.line,
        field: 'parent',
        message: `上级机关代码“${l.parent}”既不在本文件中，也不是已有的机关；请在文件中加上该机关的一行，或改为已有机关的代码`,
      });
    else if (parent && parent.retiredOn !== null)
      problems.push({
        line: l.line,
        field: 'parent',
        message: `上级机关“${parent.name}”（${parent.code}）已于 ${parent.retiredOn} 撤销，不能再设下级机关`,
      });
  }
  for (const l of inFile.values()) {
    const loop = loopThrough(parentOf, l.code);
    if (loop)
      problems.push({
        line: l.line,
        field: 'parent',
        message: `上级机关形成循环：${loop.join(' → ')}；请改正其中一行的 parent`,
      });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return {
    ok: true,
    order: parentsFirst([...inFile.values()]),
    created: [...inFile.keys()].filter((c) => !byCode.has(c)).length,
    changed: [...inFile.keys()].filter((c) => byCode.has(c)).length,
  };
}

/** The loop `code` leads into by its parents, starting and ending at `code`; null when it reaches a root. */
function loopThrough(parentOf: ReadonlyMap<string, string | null>, code: string): string[] | null {
  const path = [code];
  let current = parentOf.get(code) ?? null;
  while (current !== null && path.length <= parentOf.size) {
    if (current === code) return [...path, code];
    path.push(current);
    current = parentOf.get(current) ?? null;
  }
  return null;
}

/** The lines with every parent in the file before its children (file order otherwise). */
function parentsFirst<L extends TreeLine>(lines: readonly L[]): L[] {
  const inFile = new Map(lines.map((l) => [l.code, l]));
  const done = new Set<string>();
  const order: L[] = [];
  const visit = (l: L) => {
    if (done.has(l.code)) return;
    done.add(l.code);
    const parent = l.parent === null ? undefined : inFile.get(l.parent);
    if (parent) visit(parent);
    order.push(l);
  };
  for (const l of lines) visit(l);
  return order;
}
