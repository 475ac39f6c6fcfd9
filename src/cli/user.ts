/**
 * `gongkai user add|grant|revoke|passwd|disable|enable|list`: accounts from the command line, as
 * the installation's administrator (an installation creates its first platform administrator this
 * way). Passwords come from --password or, better (not in the shell history), --password-stdin.
 */

import { agencyIdByCode } from '../accounts/load-actor.ts';
import { changeRole } from '../commands/accounts/change-role.ts';
import { createUser } from '../commands/accounts/create-user.ts';
import { updateUser } from '../commands/accounts/update-user.ts';
import type { Db } from '../db/connection.ts';
import { listUsers } from '../db/queries/users.ts';
import { type Actor, isScopeRole } from '../domain/accounts/actor.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, cliUsername, flags, readStdin, UsageError, writeErr } from './io.ts';

const USAGE = `用法：gongkai user <子命令>
  add USERNAME --name 姓名 (--password P | --password-stdin) [--platform-admin] [--agency CODE --role R …]
  grant USERNAME --agency CODE --role R        授予角色（operator、approver、reviewer、agency_admin；
                                               supervisor：只读查看该机关及其全部下级机关，督办）
  revoke USERNAME --agency CODE --role R       撤销角色
  passwd USERNAME (--password P | --password-stdin)   重设密码（该用户的会话全部结束）
  disable USERNAME | enable USERNAME           停用（会话全部结束）或启用
  list [--agency CODE]                         列出用户及其角色`;

const OPTIONS = {
  name: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'platform-admin': { type: 'boolean' },
  agency: { type: 'string' },
  role: { type: 'string', multiple: true },
} as const;

/** The command line acts as a platform administrator of the installation. */
function cliScope(io: CliIo): Actor {
  return { username: cliUsername(io), platformAdmin: true, scopes: [] };
}

async function passwordOf(
  io: CliIo,
  values: { password?: string; 'password-stdin'?: boolean },
): Promise<string> {
  if (values['password-stdin']) return (await readStdin(io)).replace(/\r?\n$/, '');
  if (values.password) return values.password;
  throw new UsageError('请用 --password 或 --password-stdin 提供密码。');
}

function rolesOf(values: { role?: string[] }): string[] {
  const roles = values.role ?? [];
  for (const role of roles)
    if (!isScopeRole(role))
      throw new UsageError(
        `角色 ${role} 无效：应为 operator、approver、reviewer、agency_admin 或 supervisor（监督本机关及下级机关）。`,
      );
  return roles;
}

/** Runs one `gongkai user` subcommand; 0 on success (errors are thrown). */
export async function userCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = flags(rest, OPTIONS);
  const username = positionals[0];
  const ctx = cliContext(db, cliScope(io));
  if (sub === 'list') {
    const agencyId = values.agency ? await agencyIdByCode(db, values.agency) : null;
    for (const user of await listUsers(db, agencyId)) {
      const roles = user.agencies.map((a) => `${a.code}:${a.roles.join('+')}`).join(' ');
      const flagsText = [user.platformAdmin ? '平台管理员' : '', user.disabled ? '已停用' : ''].filter(
        Boolean,
      );
      io.stdout.write(
        `${user.username}\t${user.displayName}\t${roles}${flagsText.length ? `\t${flagsText.join('、')}` : ''}\n`,
      );
    }
    return 0;
  }
  if (!username) throw new UsageError(USAGE);
  if (sub === 'add') {
    if (!values.name) throw new UsageError('请用 --name 提供用户姓名。');
    const roles = rolesOf(values);
    if (roles.length && !values.agency) throw new UsageError('授予角色时请用 --agency 指定机关。');
    const agency = values.agency ? { id: await agencyIdByCode(db, values.agency), roles } : undefined;
    const password = await passwordOf(io, values);
    const platformAdmin = values['platform-admin'];
    await createUser(ctx, { username, displayName: values.name, password, platformAdmin, agency });
    writeErr(io, `已创建用户 ${username}${values['platform-admin'] ? '（平台管理员）' : ''}。`);
    return 0;
  }
  if (sub === 'grant' || sub === 'revoke') {
    const roles = rolesOf(values);
    if (!values.agency || roles.length === 0)
      throw new UsageError('请用 --agency 和 --role 指定机关和角色。');
    const agencyId = await agencyIdByCode(db, values.agency);
    for (const role of roles) {
      const { changed } = await changeRole(ctx, { username, agencyId, role, grant: sub === 'grant' });
      writeErr(
        io,
        `${username} ${values.agency}:${role} ${sub === 'grant' ? (changed ? '已授予' : '原已持有') : changed ? '已撤销' : '原未持有'}`,
      );
    }
    return 0;
  }
  if (sub === 'passwd') {
    await updateUser(ctx, { username, change: { password: await passwordOf(io, values) } });
    writeErr(io, `已重设 ${username} 的密码。`);
    return 0;
  }
  if (sub === 'disable' || sub === 'enable') {
    await updateUser(ctx, { username, change: { disabled: sub === 'disable' } });
    writeErr(io, `已${sub === 'disable' ? '停用' : '启用'}用户 ${username}。`);
    return 0;
  }
  throw new UsageError(USAGE);
}
