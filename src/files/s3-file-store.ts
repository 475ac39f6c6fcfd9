/**
 * Attachments in an S3-compatible bucket (issue 16): MinIO, Ceph RGW, 阿里云 OSS, 华为云 OBS and AWS
 * itself speak the protocol, through AWS's own client (`@aws-sdk/client-s3`). Objects are named
 * `<prefix><storage key>`, the key being the content's SHA-256 (file-store.ts), so the same content
 * is one object; an S3 PUT is atomic (a reader never sees half an object), and two servers putting
 * the same content at once write the same bytes. Configuration: files-config.ts, docs/deploy.md.
 */
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NotFound,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { ExpectedFile } from './checked-bytes.ts';
import { checkedCopy } from './checked-copy.ts';
import { checkKey, type FileStore, keyOf, type ListedFile } from './file-store.ts';

export interface S3Location {
  bucket: string;
  /** prepended to every key, e.g. `gongkai/` (may be empty) */
  prefix: string;
}

/** Whether the error says the object is not there (HEAD answers 404 without a body). */
function notFound(error: unknown): boolean {
  if (error instanceof NotFound) return true;
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}

/** A storage key whose name is its content's SHA-256, as stores name them (file-store.ts). */
const STORED = /^([0-9a-f]{2})\/\1[0-9a-f]{62}$/;

export function createS3FileStore(location: S3Location, config: S3ClientConfig): FileStore {
  const client = new S3Client(config);
  const { bucket, prefix } = location;
  const objectKey = (key: string) => `${prefix}${checkKey(key)}`;
  const describe = `s3://${bucket}/${prefix}`;
  /**
   * One PUT of a known Content-Length whose body is `source`, checked before any byte is sent
   * (checked-copy.ts). A stream body is piped into the request by the client, and a pipe does not
   * pass an error on: the request would wait, its Content-Length unmet, until a timeout — so a
   * failing body aborts it.
   */
  const putChecked = async (source: Readable, expected: ExpectedFile): Promise<void> => {
    const copy = await checkedCopy(source, expected, describe);
    const body = copy.body();
    const request = new AbortController();
    if (body instanceof Readable) body.on('error', () => request.abort());
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(expected.key),
          Body: body,
          ContentLength: expected.size,
          ContentType: 'application/octet-stream',
        }),
        { abortSignal: request.signal },
      );
    } finally {
      await copy.discard();
    }
  };
  const size = async (key: string): Promise<number | null> => {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  };
  return {
    dir: null,
    describe,
    async put(bytes) {
      const { key, sha256 } = keyOf(bytes);
      if ((await size(key)) !== null) return { key, sha256, size: bytes.byteLength, created: false };
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: 'application/octet-stream',
        }),
      );
      return { key, sha256, size: bytes.byteLength, created: true };
    },
    async putStream(source, expected) {
      const stored = { key: expected.key, sha256: expected.sha256, size: expected.size };
      if ((await size(expected.key)) === expected.size) {
        source.destroy();
        return { ...stored, created: false };
      }
      await putChecked(source, expected);
      return { ...stored, created: true };
    },
    async list() {
      const files: ListedFile[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(prefix.length) ?? '';
          if (STORED.test(key)) files.push({ key, size: object.Size ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    async open(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      if (object.Body instanceof Readable) return object.Body;
      throw new Error(`s3://${bucket}/${objectKey(key)}: the client answered no stream`);
    },
    exists: async (key) => (await size(key)) !== null,
    size,
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
  };
}
