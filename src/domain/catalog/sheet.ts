/**
 * A 标准目录 sheet as real catalogues lay it out (docs/catalog.md), read from a grid of cell texts
 * (merged cells already carry their value in every cell they span — the XLSX reader's work):
 *
 * - title rows above the header (“财政预决算领域基层政务公开标准目录”: the 领域 is read from it);
 * - the header found by its names, on one row or two (公开事项 over 一级事项|二级事项; 公开对象 over
 *   全社会|特定群体; 公开方式 over 主动|依申请; 公开层级 over 县级|乡级), the names with or without
 *   spaces, full-width brackets or “（要素）”;
 * - sub-columns ticked with √ ✓ ■ ●, or one column with the words (全社会, 主动公开, 县级、乡级);
 * - a row merged across the whole sheet (a 说明 line) skipped and reported, blank rows skipped.
 *
 * Each problem names the row (as the spreadsheet numbers it) and the column as the header prints it.
 * Pure.
 */
import {
  AUDIENCE_LABELS,
  type Audience,
  type CatalogEntryFields,
  type CatalogField,
  entryProblems,
  FIELD_LABELS,
  type Manner,
} from './entry.ts';

type TextField =
  | 'seq'
  | 'domain'
  | 'level1'
  | 'level2'
  | 'content'
  | 'basis'
  | 'deadline'
  | 'subject'
  | 'channels';
type GroupField = 'audience' | 'manner' | 'levels';

/** What a column of the sheet holds. */
type ColumnRole =
  | { field: TextField }
  | { field: GroupField; option: string | null }
  | { field: 'level_group' };

/** The header names as catalogues print them (spaces, brackets and “（要素）” dropped) → the field. */
const HEADER_NAMES: Record<string, TextField | GroupField | 'level_group'> = {
  序号: 'seq',
  领域: 'domain',
  所属领域: 'domain',
  公开领域: 'domain',
  公开事项: 'level_group',
  一级事项: 'level1',
  一级目录: 'level1',
  二级事项: 'level2',
  二级目录: 'level2',
  公开内容: 'content',
  公开内容及要求: 'content',
  公开依据: 'basis',
  公开时限: 'deadline',
  公开主体: 'subject',
  公开渠道和载体: 'channels',
  公开渠道: 'channels',
  公开载体: 'channels',
  公开对象: 'audience',
  公开方式: 'manner',
  公开层级: 'levels',
};

const AUDIENCE_WORDS: Record<string, Audience> = {
  全社会: 'all',
  社会公众: 'all',
  特定群体: 'specific',
  特定群众: 'specific',
  特定对象: 'specific',
};
const MANNER_WORDS: Record<string, Manner> = {
  主动: 'active',
  主动公开: 'active',
  依申请: 'on_request',
  依申请公开: 'on_request',
};

/** A header cell's name as matched: no spaces, NFKC, no “（要素）”. */
export function headerName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\(要素\)/g, '');
}

const TICK = /^[√✓✔☑■●✅▲★]+$/;
const UNTICKED = /^(?:□|☐|×|✗|否|无|-|—)?$/;

/** Whether a ticked sub-column's cell is ticked; null when it holds something else. */
export function ticked(text: string): boolean | null {
  const t = text.replace(/\s+/g, '');
  if (TICK.test(t) || t === '是') return true;
  if (UNTICKED.test(t)) return false;
  return null;
}

export interface SheetEntry {
  /** the row as the spreadsheet numbers it (1-based) */
  row: number;
  fields: CatalogEntryFields;
}

export interface SheetProblem {
  row: number;
  /** the column as the header prints it */
  column: string;
  field: CatalogField | 'header' | 'file';
  message: string;
}

export interface ReadSheet {
  /** the 领域 read from the title rows ('' when none) */
  domain: string;
  headerRow: number;
  entries: SheetEntry[];
  skipped: Array<{ row: number; reason: string }>;
  problems: SheetProblem[];
}

function findHeader(grid: readonly string[][]): number {
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const names = new Set((grid[r] ?? []).map((c) => HEADER_NAMES[headerName(c)]).filter(Boolean));
    if (names.has('deadline') && names.size >= 3) return r;
  }
  return -1;
}

/** The 领域 a title names: the text before “领域” of the first title row that has it. */
function domainOfTitle(grid: readonly string[][], headerRow: number): string {
  for (let r = 0; r < headerRow; r++) {
    const text = (grid[r] ?? []).find((c) => c.includes('领域'));
    if (text) return text.normalize('NFKC').replace(/\s+/g, '').split('领域')[0] ?? '';
  }
  return '';
}

/**
 * Whether the row under the header is its second row: every cell under a one-row name is blank or
 * repeats it (merged down), and some cell names a sub-column (一级事项, 全社会, 主动, 县级…).
 */
function isSubHeader(header: readonly string[], under: readonly string[] | undefined): boolean {
  if (!under) return false;
  let named = false;
  let group = false;
  for (let c = 0; c < Math.max(header.length, under.length); c++) {
    const top = headerName(header[c] ?? '');
    const below = headerName(under[c] ?? '');
    const role = HEADER_NAMES[top];
    if (role === 'audience' || role === 'manner' || role === 'levels' || role === 'level_group') group = true;
    else if (role) group = false;
    if (below === '' || below === top) continue;
    if (group || HEADER_NAMES[below] === 'level1' || HEADER_NAMES[below] === 'level2') named = true;
    else return false;
  }
  return named;
}

/** Each column's role, from the header row and its second row (sub-columns), carrying a group right. */
function columnRoles(header: readonly string[], under: readonly string[] | undefined) {
  const subRow = isSubHeader(header, under);
  const roles: Array<ColumnRole | null> = [];
  let group: GroupField | 'level_group' | null = null;
  for (let c = 0; c < header.length; c++) {
    const name = headerName(header[c] ?? '');
    const top = HEADER_NAMES[name];
    const below = subRow ? headerName(under?.[c] ?? '') : '';
    if (top === 'audience' || top === 'manner' || top === 'levels' || top === 'level_group') group = top;
    else if (top) group = null;
    const current = top ?? (name === '' ? group : null);
    const sub = HEADER_NAMES[below];
    if (sub === 'level1' || sub === 'level2') roles.push({ field: sub });
    else if (current === 'level_group') roles.push(null);
    else if (current === 'audience' || current === 'manner' || current === 'levels')
      roles.push({ field: current, option: below === '' || below === name ? null : below });
    else roles.push(current ? { field: current } : null);
  }
  return { roles, subRow };
}

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[、,，;；/\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** Reads a catalogue sheet's grid (rows of cell texts) into entries, skipped rows and problems. */
export function readCatalogSheet(grid: readonly string[][], knownColumns: ReadonlySet<string>): ReadSheet {
  const headerIndex = findHeader(grid);
  if (headerIndex < 0)
    return {
      domain: '',
      headerRow: 0,
      entries: [],
      skipped: [],
      problems: [
        {
          row: 0,
          column: '',
          field: 'header',
          message:
            '未找到表头：标准目录应有“公开时限”等列名（序号、公开事项、公开内容（要素）、公开依据、公开时限、公开主体……），请用标准目录的表格导入',
        },
      ],
    };
  const header = grid[headerIndex] ?? [];
  const { roles, subRow } = columnRoles(header, grid[headerIndex + 1]);
  const columnName = (c: number) =>
    [header[c], subRow ? grid[headerIndex + 1]?.[c] : '']
      .map((t) => (t ?? '').replace(/\s+/g, ''))
      .filter((t, i, all) => t !== '' && all.indexOf(t) === i)
      .join('·');
  const result: ReadSheet = {
    domain: domainOfTitle(grid, headerIndex),
    headerRow: headerIndex + 1,
    entries: [],
    skipped: [],
    problems: [],
  };
  const missing = (['level1', 'content', 'deadline'] as const).filter(
    (f) => !roles.some((r) => r?.field === f),
  );
  if (missing.length > 0) {
    result.problems.push({
      row: headerIndex + 1,
      column: '',
      field: 'header',
      message: `表头缺少${missing.map((f) => `“${FIELD_LABELS[f]}”`).join('、')}列`,
    });
    return result;
  }
  for (let r = headerIndex + (subRow ? 2 : 1); r < grid.length; r++) {
    const cells = (grid[r] ?? []).map((c) => c.trim());
    const filled = cells.filter((c, i) => c !== '' && roles[i]);
    if (filled.length === 0) continue;
    if (filled.length > 2 && new Set(filled).size === 1) {
      result.skipped.push({ row: r + 1, reason: `整行合并的说明行：${filled[0]?.slice(0, 30)}` });
      continue;
    }
    const fields: CatalogEntryFields = {
      ...{ seq: null, domain: '', level1: '', level2: '', content: '', basis: '', deadline: '' },
      ...{ subject: '', channels: '', audience: [], manner: [], levels: [], columns: [] },
    };
    const rowProblems: SheetProblem[] = [];
    const problem = (c: number, field: CatalogField, message: string) =>
      rowProblems.push({ row: r + 1, column: columnName(c), field, message });
    roles.forEach((role, c) => {
      if (!role || role.field === 'level_group') return;
      const text = cells[c] ?? '';
      if (role.field === 'seq') {
        if (text === '') return;
        const n = Number(text.normalize('NFKC'));
        if (Number.isInteger(n) && n > 0) fields.seq = n;
        else problem(c, 'seq', `“序号”应为正整数，收到“${text}”`);
        return;
      }
      if (role.field === 'audience' || role.field === 'manner' || role.field === 'levels') {
        const lexicon: Record<string, string> | null =
          role.field === 'audience' ? AUDIENCE_WORDS : role.field === 'manner' ? MANNER_WORDS : null;
        const chosen: string[] = [];
        if (role.option !== null) {
          const tick = ticked(text);
          if (tick === null) problem(c, role.field, `应打“√”或留空，收到“${text.slice(0, 20)}”`);
          else if (tick) chosen.push(role.option);
        } else chosen.push(...words(text));
        for (const word of chosen) {
          const value = lexicon ? lexicon[word] : word;
          const list = fields[role.field] as string[];
          if (value === undefined)
            problem(
              c,
              role.field,
              role.field === 'audience'
                ? `“${word}”不是公开对象：应为${Object.values(AUDIENCE_LABELS).join('或')}`
                : `“${word}”不是公开方式：应为主动或依申请`,
            );
          else if (!list.includes(value)) list.push(value);
        }
        return;
      }
      const value = role.field === 'domain' ? text.replace(/领域$/, '') : text;
      if (fields[role.field] === '') fields[role.field] = value;
    });
    if (!roles.some((r) => r?.field === 'domain')) fields.domain = result.domain;
    for (const p of entryProblems(fields, knownColumns)) {
      if (p.field === 'columns') continue;
      const c = roles.findIndex((role) => role?.field === p.field);
      rowProblems.push({
        row: r + 1,
        column: c >= 0 ? columnName(c) : FIELD_LABELS[p.field],
        field: p.field,
        message: p.message,
      });
    }
    result.problems.push(...rowProblems);
    if (rowProblems.length === 0) result.entries.push({ row: r + 1, fields });
  }
  if (result.entries.length === 0 && result.problems.length === 0)
    result.problems.push({
      row: headerIndex + 1,
      column: '',
      field: 'file',
      message: '表头下没有任何事项，请填写后再导入',
    });
  return result;
}

/** A problem as one sentence: 第5行“公开时限”列：请填写“公开时限”. */
export function sheetProblemText(p: SheetProblem): string {
  if (p.row === 0) return p.message;
  return p.column ? `第${p.row}行“${p.column}”列：${p.message}` : `第${p.row}行：${p.message}`;
}
