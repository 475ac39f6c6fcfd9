/**
 * A published annual report as read from a file, before any meaning is given to it (issue 14): the
 * paragraphs and tables in reading order, whatever the file was (PDF, DOCX, HTML, text, Markdown).
 * Each reader in src/report-check/ turns its input into this; read-report.ts finds the format's
 * cells, the sections and the claims in it. Pure data: no I/O.
 */

/** The kind of file a report was read from. */
export const SOURCE_TYPES = ['pdf', 'docx', 'html', 'text', 'markdown'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** One cell of a table as the file has it; a cell covered by a span is not repeated. */
export interface SourceCell {
  /** the cell's text, lines joined with "\n" (a label split over lines keeps its line breaks) */
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export type Block =
  /** a paragraph or heading outside tables; `page` is 1-based where the file has pages */
  | { kind: 'paragraph'; text: string; page?: number }
  /**
   * a table: its rows of cells. `structured` is true when the file states the table's rows and
   * cells (DOCX, HTML, Markdown pipes, a PDF's lines cut at wide gaps), false when the cells are
   * guessed from a text layout (one value per line), where a blank cell may not show
   */
  | { kind: 'table'; rows: SourceCell[][]; structured: boolean; page?: number }
  /** a picture in the body (a table printed as an image cannot be read: reported, never guessed) */
  | { kind: 'image'; alt?: string; page?: number }
  /** a page ends here (PDF; a DOCX page break); headers, footers and page numbers are left out */
  | { kind: 'page_break'; page: number };

export interface SourceDocument {
  source: SourceType;
  blocks: Block[];
  /** the title the file itself states (PDF Title, HTML <title>/<h1>, DOCX core title), if any */
  title?: string;
  /**
   * when the file or page says it was published (an HTML page's 发布时间/发布日期 or meta
   * PubDate; a PDF's or DOCX's creation date is kept apart as `createdOn`), ISO date
   */
  publishedOn?: string;
  /** the file's own creation date (PDF CreationDate, DOCX dcterms:created), ISO date */
  createdOn?: string;
  /** pages in the file (PDF), else undefined */
  pages?: number;
}
