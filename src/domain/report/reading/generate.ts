/**
 * Generated reports for bench:check and the readers' tests (issue 14): random tables that add up
 * (as a careful agency's do), in either format, and a report document written out as the files
 * agencies publish are — plain text as a DOCX is saved as text (one cell per line), Markdown with
 * pipe tables, HTML with merged cells. Deterministic for a seeded `random` (the demo's prng). Pure.
 */
import type { FormatId } from '../format.ts';
import { formatById } from '../formats/registry.ts';
import type { Cells } from '../types.ts';
import { APPLICANT_TYPES, T3_COLUMNS, T4_COLUMNS, T4_GROUPS } from '../vocabulary.ts';
import type { SourceDocument } from './document.ts';

/** Every cell of a format, random but consistent: R1, R3, R4, R5 hold; decimals of 万元 up to six places. */
export function randomCells(formatId: FormatId, random: () => number): Cells {
  const format = formatById(formatId);
  const int = (max: number) => Math.floor(random() * (max + 1));
  const small = () => (random() < 0.55 ? 0 : int(random() < 0.8 ? 9 : 400));
  const cells: Cells = {};
  for (const code of format.cellCodes) {
    if (!code.startsWith('t2.')) continue;
    if (format.decimalCells.includes(code)) {
      const whole = int(30000);
      const places = int(6);
      cells[code] =
        places === 0
          ? String(whole)
          : `${whole}.${
              String(int(10 ** places - 1))
                .padStart(places, '0')
                .replace(/0+$/, '') || '5'
            }`;
    } else if (format.signedCells.includes(code)) cells[code] = int(40) - 20;
    else cells[code] = code.endsWith('decisions') ? int(random() < 0.5 ? 500 : 20000) : small();
  }
  for (const column of APPLICANT_TYPES) {
    const received = column === 'natural_person' ? int(300) : small();
    const carriedIn = small() % 5;
    let left = received + carriedIn;
    let decided = 0;
    for (const row of format.outcomeRows) {
      const n = left > 0 && random() < 0.4 ? int(Math.min(left, 60)) : 0;
      cells[`t3.${row.code}.${column}`] = n;
      left -= n;
      decided += n;
    }
    const carriedOut = left;
    cells[`t3.new.${column}`] = received;
    cells[`t3.carried_in.${column}`] = carriedIn;
    cells[`t3.total.${column}`] = decided;
    cells[`t3.carried_out.${column}`] = carriedOut;
  }
  for (const row of format.t3Rows)
    cells[`t3.${row}.total`] = APPLICANT_TYPES.reduce(
      (acc, c) => acc + (cells[`t3.${row}.${c}`] as number),
      0,
    );
  for (const group of T4_GROUPS) {
    let total = 0;
    for (const column of T4_COLUMNS) {
      if (column === 'total') continue;
      const n = small() % 7;
      cells[`t4.${group}.${column}`] = n;
      total += n;
    }
    cells[`t4.${group}.total`] = total;
  }
  void T3_COLUMNS;
  return cells;
}

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** As a government site's page: paragraphs and tables with their spans, inside the site's chrome. */
export function documentHtml(doc: SourceDocument, title: string): string {
  const body = doc.blocks
    .map((b) => {
      if (b.kind === 'paragraph') return `<p>${escapeText(b.text).replace(/\n/g, '<br>')}</p>`;
      if (b.kind === 'page_break') return '<p style="page-break-after:always"></p>';
      if (b.kind === 'image') return '<p><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>';
      const rows = b.rows
        .map(
          (row) =>
            `<tr>${row.map((c) => `<td${c.colSpan ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}>${escapeText(c.text).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`,
        )
        .join('\n');
      return `<table border="1" cellspacing="0">\n${rows}\n</table>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeText(title)}</title><style>table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px;font-size:12px}</style></head><body><div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div><h1>${escapeText(title)}</h1><div class="info">发布时间：${doc.publishedOn ?? ''}</div><div class="article">\n${body}\n</div><div class="footer">主办单位：某某人民政府办公室</div></body></html>`;
}

/** As a DOCX saved as plain text: a paragraph per line, each table cell on its own line after a tab, rows apart. */
export function documentText(doc: SourceDocument): string {
  return doc.blocks
    .map((b) => {
      if (b.kind === 'paragraph') return b.text;
      if (b.kind === 'table')
        return `${b.rows.map((row) => row.map((c) => `\t${c.text}`).join('\n')).join('\n\n')}\n`;
      return '';
    })
    .join('\n');
}

/** As Markdown: pipe tables (a spanned cell repeated empty), paragraphs. */
export function documentMarkdown(doc: SourceDocument): string {
  return doc.blocks
    .map((b) => {
      if (b.kind === 'paragraph') return `${b.text.replace(/\n/g, ' ')}\n`;
      if (b.kind !== 'table') return '';
      // spans expanded: a merged cell's text in its first slot, the slots it covers empty
      const grid: string[][] = b.rows.map(() => []);
      b.rows.forEach((row, r) => {
        let c = 0;
        for (const cell of row) {
          while ((grid[r] as string[])[c] !== undefined) c++;
          for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
            for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
              const target = grid[r + dr];
              if (target)
                target[c + dc] =
                  dr === 0 && dc === 0 ? cell.text.replace(/\n/g, '').replace(/\|/g, '\\|') : '';
            }
          c += cell.colSpan ?? 1;
        }
      });
      const rows = grid.map((r) => Array.from(r, (t) => t ?? ''));
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) =>
        `| ${[...cells, ...Array.from({ length: width - cells.length }, () => '')].join(' | ')} |`;
      return `${line(rows[0] ?? [])}\n| ${Array.from({ length: width }, () => '---').join(' | ')} |\n${rows.slice(1).map(line).join('\n')}\n`;
    })
    .join('\n');
}
