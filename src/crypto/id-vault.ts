/**
 * Personal identity numbers at rest (docs/security.md): an applicant's ID document number is stored
 * sealed with AES-256-GCM under the installation's current key (its key id kept with it), beside a
 * keyed hash (HMAC-SHA256) for exact-match lookups and the masked form staff views show. The keys
 * live in a keyring file outside the database — so a copy of the database, or a backup, holds no
 * readable number — and `gongkai keys rotate` re-seals every number under a new key.
 *
 * The keyring: `GONGKAI_ID_KEY_FILE` (absolute), else `gongkai-keys.json` beside a SQLite database
 * file; PostgreSQL needs the setting. A missing file is created with a new key (mode 600).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Db } from '../db/connection.ts';

/** A keyring setting or file that cannot be used; the message says what to do, in Chinese. */
export class KeyringError extends Error {
  override readonly name = 'KeyringError';
}

export interface Keyring {
  /** the key new numbers are sealed with */
  current: string;
  /** every key still needed to open numbers sealed before (key id → 32 bytes) */
  keys: Record<string, Buffer>;
}

const SEALED = /^v1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;
const AAD = Buffer.from('gongkai:applicant.idNumber');

/** The keyring file of an installation with database `db` and environment `env`. */
export function keyringPath(
  env: Readonly<Record<string, string | undefined>>,
  db: Pick<Db, 'dialect' | 'file'>,
): string {
  const configured = env.GONGKAI_ID_KEY_FILE;
  if (configured) {
    if (!isAbsolute(configured))
      throw new KeyringError(
        `GONGKAI_ID_KEY_FILE 应为绝对路径（如 /etc/gongkai/keys.json），收到“${configured}”。`,
      );
    return configured;
  }
  if (db.dialect === 'sqlite' && db.file) return join(dirname(db.file), 'gongkai-keys.json');
  throw new KeyringError(
    '须设置 GONGKAI_ID_KEY_FILE：保存证件号码加密密钥的文件（绝对路径，不要与数据库或备份放在一起；文件不存在时自动生成）。',
  );
}

/** A new key id: `k` and 8 random hex digits. */
export const newKeyId = (): string => `k${randomBytes(4).toString('hex')}`;

function parseKeyring(text: string, path: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new KeyringError(`密钥文件 ${path} 不是有效的 JSON，请从备份中恢复该文件。`);
  }
  const r = raw as { current?: unknown; keys?: Record<string, unknown> };
  if (typeof r.current !== 'string' || !r.keys || typeof r.keys !== 'object')
    throw new KeyringError(`密钥文件 ${path} 缺少 current 或 keys，请从备份中恢复该文件。`);
  const keys: Record<string, Buffer> = {};
  for (const [id, value] of Object.entries(r.keys)) {
    const key = typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.alloc(0);
    if (key.length !== 32)
      throw new KeyringError(`密钥文件 ${path} 中的密钥 ${id} 不是 32 字节，请从备份中恢复该文件。`);
    keys[id] = key;
  }
  if (!keys[r.current]) throw new KeyringError(`密钥文件 ${path} 中没有当前密钥 ${r.current}。`);
  return { current: r.current, keys };
}

/** Writes the keyring (mode 600), through a temporary file so a crash leaves the old one whole. */
export function writeKeyring(path: string, keyring: Keyring): void {
  mkdirSync(dirname(path), { recursive: true });
  const text = JSON.stringify(
    {
      note: '公开平台证件号码加密密钥。丢失将无法读取已加密的证件号码：请单独、安全地备份本文件，不要与数据库备份放在一起。',
      current: keyring.current,
      keys: Object.fromEntries(Object.entries(keyring.keys).map(([id, k]) => [id, k.toString('base64')])),
    },
    null,
    2,
  );
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/**
 * The keyring at `path`; a new one (one fresh key) when the file does not exist yet. Two processes
 * starting at once on a new installation (the server and an import) must not each make a key: the
 * new file is linked into place only if none is there, and whoever loses reads the winner's.
 */
export function loadKeyring(path: string): Keyring {
  if (!existsSync(path)) {
    const id = newKeyId();
    const keyring = { current: id, keys: { [id]: randomBytes(32) } };
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
    writeKeyring(temp, keyring);
    try {
      linkSync(temp, path);
      return keyring;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temp, { force: true });
    }
  }
  return parseKeyring(readFileSync(path, 'utf8'), path);
}

/** Sealing, opening and hashing of ID numbers under a keyring. */
export interface IdVault {
  readonly keyring: Keyring;
  /** `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url) under the current key */
  seal(plain: string): string;
  /** the number of a sealed value; throws when the key is unknown or the value was altered */
  open(sealed: string): string;
  /** the key id a sealed value was sealed under, or null for anything else */
  keyIdOf(sealed: string): string | null;
  /** the keyed hash of a document (type + number, normalized) for exact-match lookups */
  hash(idType: string, idNumber: string): string;
}

const b64 = (data: Buffer) => data.toString('base64url');

/** The normal form of a document number for hashing: no spaces, upper case. */
export const normalIdNumber = (n: string): string => n.replace(/\s+/g, '').toUpperCase();

export function createIdVault(keyring: Keyring): IdVault {
  const hashKey = Buffer.from(
    hkdfSync('sha256', keyring.keys[keyring.current], Buffer.alloc(0), 'gongkai id-number hash', 32),
  );
  return {
    keyring,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyring.keys[keyring.current], iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${keyring.current}.${b64(iv)}.${b64(body)}.${b64(cipher.getAuthTag())}`;
    },
    open(sealed) {
      const m = SEALED.exec(sealed);
      if (!m) throw new KeyringError('证件号码的密文格式不正确。');
      const key = keyring.keys[m[1]];
      if (!key)
        throw new KeyringError(`证件号码由密钥 ${m[1]} 加密，密钥文件中没有该密钥：请恢复包含它的密钥文件。`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(m[2], 'base64url'));
      decipher.setAAD(AAD);
      decipher.setAuthTag(Buffer.from(m[4], 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(m[3], 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new KeyringError('证件号码的密文校验失败（已被改动，或密钥不对）。');
      }
    },
    keyIdOf(sealed) {
      return SEALED.exec(sealed)?.[1] ?? null;
    },
    hash(idType, idNumber) {
      return createHmac('sha256', hashKey)
        .update(`${idType}:${normalIdNumber(idNumber)}`)
        .digest('base64url');
    },
  };
}

const vaults = new Map<string, IdVault>();

/** The vault of the installation behind `db` (its keyring loaded once per process). */
export function idVaultFor(db: Pick<Db, 'dialect' | 'file'>, env = process.env): IdVault {
  const path = keyringPath(env, db);
  let vault = vaults.get(path);
  if (!vault) {
    vault = createIdVault(loadKeyring(path));
    vaults.set(path, vault);
  }
  return vault;
}

/** Forgets the loaded vault of a keyring file (after `gongkai keys rotate` rewrote it). */
export function forgetIdVault(path: string): void {
  vaults.delete(path);
}
