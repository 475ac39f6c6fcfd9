/**
 * A bucket's streamed put (s3-file-store.ts) checks the bytes before it sends any: an S3-compatible
 * server may keep what a cut-off PUT sent (s3rver does, after the request has failed), so bytes
 * are only sent once their size and SHA-256 are known to be right. Small files are checked in
 * memory; larger ones through a spool file in the system's temporary folder, so memory stays
 * bounded whatever the size.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CheckedBytes, type ExpectedFile } from './checked-bytes.ts';

/** Files up to this size are checked in memory. */
export const IN_MEMORY_BYTES = 1024 * 1024;

/** Checked bytes ready to send: in memory, or a spool file read as a stream; `discard` when sent. */
export interface CheckedCopy {
  body(): Buffer | Readable;
  discard(): Promise<void>;
}

/** Reads `source` to its end, checking it against `expected`; a FileStoreError (from CheckedBytes) when it differs. */
export async function checkedCopy(
  source: Readable,
  expected: ExpectedFile,
  where: string,
): Promise<CheckedCopy> {
  const checked = new CheckedBytes(expected, where);
  if (expected.size <= IN_MEMORY_BYTES) {
    const chunks: Buffer[] = [];
    await pipeline(
      source,
      checked,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    const bytes = Buffer.concat(chunks);
    return { body: () => bytes, discard: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-put-'));
  const discard = () => rm(dir, { recursive: true, force: true });
  const file = join(dir, 'checked');
  try {
    await pipeline(source, checked, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard();
    throw error;
  }
  return { body: () => createReadStream(file), discard };
}
