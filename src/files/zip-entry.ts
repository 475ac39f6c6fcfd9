/**
 * Reads one named entry of a ZIP archive held in memory (enough to look inside an Office file's
 * `[Content_Types].xml`): the end-of-central-directory record, the central directory, the entry's
 * local header, then stored or deflated data, inflated with a cap so a zip bomb cannot grow.
 */
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** the end record is 22 bytes plus a comment of at most 65535 */
const EOCD_SEARCH = 22 + 0xffff;

function findEndRecord(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_SEARCH);
  for (let at = buf.length - 22; at >= stop; at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

/** The entry's bytes, or null when the archive is not readable or has no such entry. */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes = 1024 * 1024): Buffer | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return null;
  const end = findEndRecord(buf);
  if (end < 0) return null;
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const entryName = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) return entryData(buf, localOffset, method, compressedSize, maxBytes);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

function entryData(
  buf: Buffer,
  offset: number,
  method: number,
  size: number,
  maxBytes: number,
): Buffer | null {
  if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== LOCAL) return null;
  const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  if (start + size > buf.length) return null;
  const data = buf.subarray(start, start + size);
  if (method === 0) return data.length <= maxBytes ? data : null;
  if (method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}
