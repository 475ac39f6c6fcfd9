/**
 * `gongkai keys seal` and `gongkai keys rotate` (docs/security.md): applicants' ID numbers at rest.
 * `seal` encrypts numbers still stored in clear (the server also does it at every start); `rotate`
 * makes a new key current and re-encrypts every number under it (old keys stay in the keyring).
 */
import { rotateIdKey, sealIdNumbers } from '../commands/keys/seal-id-numbers.ts';
import { keyringPath } from '../crypto/id-vault.ts';
import type { Db } from '../db/connection.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, cliUsername, UsageError, writeErr } from './io.ts';

const USAGE = 'gongkai keys seal | gongkai keys rotate';

export async function keysCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (rest.length > 0 || (verb !== 'seal' && verb !== 'rotate')) throw new UsageError(`用法：${USAGE}`);
  const ctx = cliContext(db, { username: cliUsername(io) });
  const path = keyringPath(io.env, db);
  if (verb === 'seal') {
    const { sealed, keyId } = await sealIdNumbers(ctx);
    writeErr(
      io,
      sealed > 0
        ? `已加密 ${sealed} 件申请的证件号码（密钥 ${keyId}，${path}）。`
        : `没有未加密的证件号码（密钥 ${keyId}，${path}）。`,
    );
    return 0;
  }
  const { from, to, resealed } = await rotateIdKey(ctx, io.env);
  writeErr(
    io,
    `已更换证件号码加密密钥：${from} → ${to}，重新加密 ${resealed} 件申请（${path}；旧密钥仍保留在该文件中，用于打开旧备份）。请重新备份该密钥文件。`,
  );
  return 0;
}
