/**
 * Damage done to a report document the way real published files are damaged, for tests and
 * bench:check: tables flattened to one value per line or to lines of text, labels split over
 * lines, typos in labels, full-width digits and thousands separators, page numbers inside tables,
 * a table continued on the next page. Each returns a new document (blank cells: documentOfReport's
 * `blank`). Deterministic.
 */
import type { Block, SourceCell, SourceDocument } from './document.ts';

export const DEGRADATIONS = [
  'one_value_per_line',
  'text_lines',
  'split_labels',
  'label_typos',
  'full_width',
  'thousands',
  'page_numbers',
  'page_break_in_table',
] as const;
export type Degradation = (typeof DEGRADATIONS)[number];

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const isNumber = (t: string) => /^\d+(\.\d+)?$/.test(t);

function mapCells(
  doc: SourceDocument,
  f: (cell: SourceCell, r: number, c: number) => SourceCell,
): SourceDocument {
  return {
    ...doc,
    blocks: doc.blocks.map((b) =>
      b.kind === 'table' ? { ...b, rows: b.rows.map((row, r) => row.map((cell, c) => f(cell, r, c))) } : b,
    ),
  };
}

/** A label broken over lines the way a narrow cell wraps it (“自\n然\n人”, long labels in two). */
function split(text: string): string {
  if (isNumber(text) || text.length < 2) return text;
  if (text.length <= 4) return [...text].join('\n');
  const at = Math.ceil(text.length / 2);
  return `${text.slice(0, at)}\n${text.slice(at)}`;
}

/** A character dropped from a label, as in “其他法律行政止公开”. */
function typo(text: string, n: number): string {
  if (isNumber(text) || text.length < 6 || n % 3 !== 0) return text;
  const at = 2 + (n % (text.length - 3));
  return text.slice(0, at) + text.slice(at + 1);
}

export function degrade(doc: SourceDocument, how: Degradation): { doc: SourceDocument } {
  switch (how) {
    case 'one_value_per_line':
      return {
        doc: {
          ...doc,
          blocks: doc.blocks.flatMap((b): Block[] =>
            b.kind === 'table'
              ? b.rows
                  .flat()
                  .flatMap((cell): Block[] =>
                    cell.text.trim() === '' ? [] : [{ kind: 'paragraph', text: cell.text }],
                  )
              : [b],
          ),
        },
      };
    case 'text_lines':
      return {
        doc: {
          ...doc,
          blocks: doc.blocks.flatMap((b): Block[] =>
            b.kind === 'table'
              ? b.rows.map(
                  (row): Block => ({
                    kind: 'paragraph',
                    text: row
                      .map((c) => c.text.replace(/\s+/g, ''))
                      .filter(Boolean)
                      .join('  '),
                  }),
                )
              : [b],
          ),
        },
      };
    case 'split_labels':
      return { doc: mapCells(doc, (cell) => ({ ...cell, text: split(cell.text) })) };
    case 'label_typos': {
      let n = 0;
      return { doc: mapCells(doc, (cell) => ({ ...cell, text: typo(cell.text, n++) })) };
    }
    case 'full_width':
      return {
        doc: mapCells(doc, (cell) => ({
          ...cell,
          text: cell.text.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d),
        })),
      };
    case 'thousands':
      return {
        doc: mapCells(doc, (cell) => ({
          ...cell,
          text: isNumber(cell.text)
            ? cell.text.replace(/^(\d+)/, (w) => w.replace(/\B(?=(\d{3})+(?!\d))/g, ','))
            : cell.text,
        })),
      };
    case 'page_numbers':
    case 'page_break_in_table': {
      let page = 1;
      const blocks = doc.blocks.flatMap((b): Block[] => {
        if (b.kind !== 'table' || b.rows.length < 8) return [b];
        const at = Math.floor(b.rows.length / 2);
        page++;
        const footer: Block[] =
          how === 'page_numbers'
            ? [
                { kind: 'paragraph', text: `— ${page} —` },
                { kind: 'paragraph', text: `第 ${page} 页 共 9 页` },
              ]
            : [{ kind: 'page_break', page }];
        return [{ ...b, rows: b.rows.slice(0, at) }, ...footer, { ...b, rows: b.rows.slice(at) }];
      });
      return { doc: { ...doc, blocks } };
    }
  }
}
