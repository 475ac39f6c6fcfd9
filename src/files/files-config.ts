/**
 * Which store holds the installation's attachments, decided once at start-up from the environment
 * (docs/deploy.md "Several servers"):
 * - `GONGKAI_FILES=s3://bucket` or `s3://bucket/prefix/`: an S3-compatible bucket (s3-file-store.ts),
 *   with `GONGKAI_S3_ENDPOINT` (e.g. `http://minio.internal:9000`, `https://oss-cn-hangzhou.aliyuncs.com`),
 *   `GONGKAI_S3_REGION` (default `AWS_REGION`, else `us-east-1`), `GONGKAI_S3_PATH_STYLE`
 *   (`bucket` in the path rather than the host name: default on with an endpoint, as MinIO and Ceph
 *   want; `0` for 阿里云 OSS) and the credentials as AWS's client reads them (`AWS_ACCESS_KEY_ID`,
 *   `AWS_SECRET_ACCESS_KEY`, or a profile);
 * - otherwise a folder: GONGKAI_FILES_DIR or beside the SQLite file (files-dir.ts).
 */
import type { Db } from '../db/connection.ts';
import { createFileStore, type FileStore } from './file-store.ts';
import { FilesDirError, resolveFilesDir } from './files-dir.ts';
import { createS3FileStore, type S3Location } from './s3-file-store.ts';

type Env = Readonly<Record<string, string | undefined>>;

const BUCKET = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

/** The bucket and prefix of GONGKAI_FILES, or null when it does not name a bucket. */
export function parseS3Location(setting: string): S3Location | null {
  const match = BUCKET.exec(setting);
  if (!match?.[1]) return null;
  const rest = match[2] ?? '';
  return { bucket: match[1], prefix: rest === '' || rest.endsWith('/') ? rest : `${rest}/` };
}

/** The attachments' store of an installation with database `db` and environment `env`. */
export function fileStoreFromEnv(env: Env, db: Pick<Db, 'dialect' | 'file'>): FileStore {
  const setting = env.GONGKAI_FILES;
  if (!setting) return createFileStore(resolveFilesDir(env, db));
  const location = parseS3Location(setting);
  if (!location)
    throw new FilesDirError(
      `GONGKAI_FILES 应为 s3://存储桶名 或 s3://存储桶名/前缀/（如 s3://gongkai-files），收到“${setting}”；附件存于文件夹时请改设 GONGKAI_FILES_DIR。`,
    );
  const endpoint = env.GONGKAI_S3_ENDPOINT || undefined;
  const pathStyle = env.GONGKAI_S3_PATH_STYLE;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  return createS3FileStore(location, {
    // the keys of this environment; without them, the client's own chain (a profile, an instance role)
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined } }
      : {}),
    region: env.GONGKAI_S3_REGION || env.AWS_REGION || 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: pathStyle === undefined || pathStyle === '' ? endpoint !== undefined : pathStyle !== '0',
    // checksums only where the protocol requires them: S3-compatible servers other than AWS's
    // refuse the newer default ones (CRC32 trailers) on PUT
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
