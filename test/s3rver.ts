/**
 * An S3 server on this machine for tests: s3rver (an npm package speaking the S3 protocol over
 * HTTP, objects on disk), reached through AWS's client exactly as MinIO or OSS would be, with the
 * installation's own configuration (GONGKAI_FILES=s3://…, files-config.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { FileStore } from '../src/files/file-store.ts';
import { fileStoreFromEnv } from '../src/files/files-config.ts';

export interface TestS3 {
  /** the environment naming `bucket` (and `prefix`) as the installation's store */
  envFor(bucket: string, prefix?: string): Record<string, string>;
  /** the store of `bucket` (and `prefix`) */
  store(bucket: string, prefix?: string): FileStore;
  close(): Promise<void>;
}

/** Starts s3rver on a free port with `buckets` made. */
export async function startS3(buckets: string[]): Promise<TestS3> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const envFor = (bucket: string, prefix = '') => ({
    GONGKAI_FILES: `s3://${bucket}/${prefix}`,
    GONGKAI_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    // s3rver's fixed credentials
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
  return {
    envFor,
    store: (bucket, prefix) => fileStoreFromEnv(envFor(bucket, prefix), { dialect: 'postgres' }),
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
