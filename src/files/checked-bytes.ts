/**
 * Bytes written to a store checked as they pass (FileStore.putStream): their count and SHA-256
 * against what the writer expects. The last chunk is held back until the whole stream has been
 * checked, so what reads from it never receives all the bytes it was told of when they are wrong.
 * The folder store writes what passes to a temporary file, renamed into place only when complete;
 * a bucket checks the whole file before it sends any byte (checked-copy.ts).
 */
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** What a writer says it is putting: the storage key, the content's size and SHA-256, a name for people. */
export interface ExpectedFile {
  key: string;
  size: number;
  sha256: string;
  /** how people know the file, in errors (`files/ab/abcdef…`, `预算.pdf`) */
  name: string;
}

/** Bytes that are not what their writer said; nothing of them is left in the store. */
export class FileStoreError extends Error {
  override readonly name = 'FileStoreError';
}

/** The SHA-256 of no bytes at all. */
const EMPTY_SHA256 = createHash('sha256').digest('hex');

/** The Chinese sentence for `expected` arriving as `size` bytes with digest `sha256` (null: not read to the end). */
export function mismatchMessage(
  expected: ExpectedFile,
  where: string,
  actual: { size: number; sha256: string | null },
): string {
  const found =
    actual.sha256 === null
      ? `已超过 ${actual.size} 字节`
      : `实为 ${actual.size} 字节、SHA-256 ${actual.sha256.slice(0, 12)}…`;
  return `附件“${expected.name}”写入 ${where} 时校验不符：应为 ${expected.size} 字节、SHA-256 ${expected.sha256.slice(0, 12)}…，${found}。该附件未写入：请确认来源（如备份文件）完好后重试。`;
}

/** Passes bytes through, holding the last chunk back until their size and SHA-256 are those expected. */
export class CheckedBytes extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer | null = null;
  private size = 0;
  /** the mismatch found, once found */
  failure: FileStoreError | null = null;

  constructor(
    private readonly expected: ExpectedFile,
    private readonly where: string,
  ) {
    super();
    // no bytes are expected: the digest is known before any is written
    if (expected.size === 0 && expected.sha256 !== EMPTY_SHA256)
      this.failure = new FileStoreError(mismatchMessage(expected, where, { size: 0, sha256: EMPTY_SHA256 }));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (!this.failure && this.size > this.expected.size)
      this.fail({ size: this.expected.size, sha256: null });
    if (this.failure) {
      done(this.failure);
      return;
    }
    this.hash.update(chunk);
    const previous = this.held;
    this.held = chunk;
    done(null, previous ?? undefined);
  }

  override _flush(done: TransformCallback): void {
    const sha256 = this.hash.digest('hex');
    if (!this.failure && (this.size !== this.expected.size || sha256 !== this.expected.sha256))
      this.fail({ size: this.size, sha256 });
    if (this.failure) done(this.failure);
    else done(null, this.held ?? undefined);
  }

  private fail(actual: { size: number; sha256: string | null }): FileStoreError {
    this.failure = new FileStoreError(mismatchMessage(this.expected, this.where, actual));
    return this.failure;
  }
}
