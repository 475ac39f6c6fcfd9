/** Bytes → text for the text and HTML readers: a byte-order mark, a declared charset, else UTF-8, else GB18030. */

const GB = /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/i;

/**
 * Decodes a report file's bytes. A BOM wins; then `declared` (an HTML page's meta charset): the GB
 * family is read as GB18030 (its superset); then UTF-8 if the bytes are valid UTF-8, else GB18030,
 * the encoding of Chinese text that is not UTF-8.
 */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (declared && GB.test(declared.trim())) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The charset an HTML page declares in its first bytes (`<meta charset>` or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}
