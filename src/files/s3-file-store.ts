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
  NotFound,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { checkKey, type FileStore, keyOf } from './file-store.ts';

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

export function createS3FileStore(location: S3Location, config: S3ClientConfig): FileStore {
  const client = new S3Client(config);
  const { bucket, prefix } = location;
  const objectKey = (key: string) => `${prefix}${checkKey(key)}`;
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
    describe: `s3://${bucket}/${prefix}`,
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
