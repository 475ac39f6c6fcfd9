/**
 * Bytes of a text file → text, streaming: UTF-8 (a BOM dropped), or GB18030 (GBK) when the
 * file's first block is not UTF-8 — CSV files saved by Excel on a Chinese Windows are GBK.
 */

/** A file that is neither UTF-8 nor GB18030 throughout. */
export class EncodingError extends Error {}

/** Decodes a stream of byte chunks; the encoding is chosen from the first chunk. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let first = true;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      continue;
    }
    if (!decoder) decoder = chooseDecoder(chunk);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new EncodingError('文件编码无法识别：请将文件另存为 UTF-8 编码的 CSV');
    }
    if (first) text = text.replace(/^\uFEFF/, '');
    first = false;
    if (text) yield text;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

function chooseDecoder(sample: Uint8Array): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return new TextDecoder('utf-8', { fatal: true });
  } catch {
    return new TextDecoder('gb18030', { fatal: true });
  }
}
