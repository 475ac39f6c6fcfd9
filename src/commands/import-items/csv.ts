/**
 * CSV records, streamed through csv-parse (RFC 4180): fields separated by commas, quoted with ""
 * inside quotes, line breaks inside quoted fields, CRLF, LF or CR line ends (mixed too). One
 * record at a time, so memory stays flat however long the file; the text arrives already decoded
 * (`decode.ts` picks UTF-8 or GBK, which csv-parse cannot). A record's number is its row in a
 * spreadsheet (header = 1), counted by the caller.
 */
import { pipeline, Readable } from 'node:stream';
import { type Options, CsvError as ParseError, parse } from 'csv-parse';

/** A file that is not readable CSV (a quoted field left open at the end of the file). */
export class CsvError extends Error {}

const OPTIONS: Options = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  /** rows may be shorter or longer than the header: the caller names the extra cells */
  relax_column_count: true,
  /** a quote inside an unquoted field is kept as it is (a"b), as spreadsheets do */
  relax_quotes: true,
};

/** The records of CSV text arriving in chunks, each as its cells. */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  // pipeline passes a failing source's error on to the parser (whose iteration throws it) and
  // closes the source when the iteration stops early; its own callback has nothing left to do.
  const records = pipeline(Readable.from(chunks), parse(OPTIONS), () => {});
  try {
    for await (const record of records) yield record as string[];
  } catch (error) {
    throw error instanceof ParseError ? csvError(error) : error;
  }
}

function csvError(error: ParseError): CsvError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new CsvError('文件末尾有未闭合的引号，请检查最后一个带引号的单元格');
  }
  return new CsvError(`第 ${error.lines} 行附近的 CSV 格式有误，请检查该行的引号和逗号`);
}
