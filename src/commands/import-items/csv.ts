/**
 * A streaming CSV reader (RFC 4180): fields separated by commas, quoted with "" inside quotes,
 * line breaks inside quoted fields, CRLF, LF or CR line ends. One record at a time, so memory
 * stays flat however long the file; a record's number is its row in a spreadsheet (header = 1).
 */

/** A quoted field left open at the end of the file. */
export class CsvError extends Error {}

const SPECIAL = /[,"\r\n]/g;

/** The records of CSV text arriving in chunks, each as its cells. */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let record: string[] = [];
  let field = '';
  let quoted = false;
  /** a quote ended the last chunk inside a quoted field: an escaped "" or the closing quote */
  let quoteAtEnd = false;
  /** a CR ended the last chunk: a LF starting the next one belongs to it */
  let crAtEnd = false;
  let started = false;
  for await (const chunk of chunks) {
    let i = 0;
    if (crAtEnd && chunk.startsWith('\n')) i = 1;
    crAtEnd = false;
    if (quoteAtEnd) {
      quoteAtEnd = false;
      if (chunk.startsWith('"')) {
        field += '"';
        i = 1;
      } else quoted = false;
    }
    while (i < chunk.length) {
      if (quoted) {
        const close = chunk.indexOf('"', i);
        if (close < 0) {
          field += chunk.slice(i);
          break;
        }
        field += chunk.slice(i, close);
        i = close + 1;
        if (i === chunk.length) quoteAtEnd = true;
        else if (chunk[i] === '"') {
          field += '"';
          i++;
        } else quoted = false;
        continue;
      }
      SPECIAL.lastIndex = i;
      const found = SPECIAL.exec(chunk);
      if (!found) {
        field += chunk.slice(i);
        started = true;
        break;
      }
      field += chunk.slice(i, found.index);
      i = found.index + 1;
      const c = found[0];
      if (c === ',') {
        record.push(field);
        field = '';
        started = true;
      } else if (c === '"') {
        if (field === '') quoted = true;
        else field += '"';
        started = true;
      } else {
        if (c === '\r') {
          if (i === chunk.length) crAtEnd = true;
          else if (chunk[i] === '\n') i++;
        }
        record.push(field);
        yield record;
        record = [];
        field = '';
        started = false;
      }
    }
  }
  if (quoted && !quoteAtEnd) throw new CsvError('文件末尾有未闭合的引号，请检查最后一个带引号的单元格');
  if (started || field !== '' || record.length > 0) {
    record.push(field);
    yield record;
  }
}
