/**
 * `gongkai agency add|rename|move|retire|reactivate|tree|import-tree`: the agency tree from the
 * command line, acting as the installation's platform administrator (docs/agencies.md). The same
 * commands and events as the console's 机构管理 and the API.
 */
import { readFile } from 'node:fs/promises';
import { createAgency } from '../commands/agencies/create-agency.ts';
import { importAgencyTree } from '../commands/agencies/import-agency-tree.ts';
import { moveAgency } from '../commands/agencies/move-agency.ts';
import { renameAgency } from '../commands/agencies/rename-agency.ts';
import { retireAgency } from '../commands/agencies/retire-agency.ts';
import { agencyKind, agencyLevel } from '../contract/agency-tree.ts';
import type { Db } from '../db/connection.ts';
import { agencyTreeEntries } from '../db/queries/agency-tree.ts';
import { agencyLevelLabel } from '../domain/agencies/tree.ts';
import { AppError } from '../errors.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, cliUsername, flags, printJson, readStdin, UsageError } from './io.ts';

export const TREE_USAGE = `用法：gongkai agency <子命令>（以平台管理员身份）
  tree [--format json]                                     列出机关树（代码、名称、层级、状态）
  add CODE --name 全称 [--short 简称] [--parent 上级代码] [--kind K] [--level L]   新建机关
  rename CODE [--name 全称] [--short 简称]                  修改名称（代码不变）
  move CODE (--parent 上级代码 | --top)                      调整上级机关（不能调到自己或下级之下）
  retire CODE | reactivate CODE                             撤销（须无在用下级机关、无未办结申请）或恢复
  import-tree FILE                                          导入机关树（JSON Lines，每行一个机关；FILE 为 - 时读标准输入；全部或全不）
  层级 L：province 省、city 市、county 县（区）、department 部门、township 乡镇（街道）
  类型 K：government、department、development_zone、township、other`;

const OPTIONS = {
  name: { type: 'string' },
  short: { type: 'string' },
  parent: { type: 'string' },
  top: { type: 'boolean' },
  kind: { type: 'string' },
  level: { type: 'string' },
  format: { type: 'string' },
} as const;

/** Whether `gongkai agency SUB` is one of the tree's subcommands. */
export function isTreeSubcommand(sub: string | undefined): boolean {
  return ['tree', 'add', 'rename', 'move', 'retire', 'reactivate', 'import-tree'].includes(sub ?? '');
}

/** Runs one tree subcommand; 0 on success. A refusal is a UsageError (exit 2) with its Chinese sentence. */
export async function agencyTreeCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = flags(rest, OPTIONS);
  const ctx = cliContext(db, { username: cliUsername(io), platformAdmin: true });
  try {
    if (sub === 'tree') {
      const agencies = await agencyTreeEntries(db.kysely);
      if (values.format === 'json') printJson(io, { agencies });
      else {
        const depth = new Map<string, number>();
        for (const a of agencies) {
          const d = a.parentCode === null ? 0 : (depth.get(a.parentCode) ?? 0) + 1;
          depth.set(a.code, d);
          const state = a.retiredOn ? `\t已撤销（${a.retiredOn}）` : '';
          io.stdout.write(`${'  '.repeat(d)}${a.code}\t${a.name}\t${agencyLevelLabel(a.level)}${state}\n`);
        }
      }
      return 0;
    }
    if (sub === 'import-tree') {
      const file = positionals[0];
      if (!file) throw new UsageError(`缺少文件。${TREE_USAGE}`);
      const content = file === '-' ? await readStdin(io) : await readText(file);
      printJson(io, await importAgencyTree(ctx, { content, source: file === '-' ? 'stdin' : file }));
      return 0;
    }
    const code = positionals[0];
    if (!code) throw new UsageError(`缺少机关代码。${TREE_USAGE}`);
    switch (sub) {
      case 'add': {
        if (!values.name) throw new UsageError('请用 --name 写机关全称。');
        const kind = agencyKind.safeParse(values.kind ?? 'department');
        if (!kind.success) throw new UsageError(kind.error.issues[0].message);
        const level = agencyLevel.safeParse(values.level ?? '');
        if (!level.success) throw new UsageError(level.error.issues[0].message);
        const input = {
          code,
          name: values.name,
          shortName: values.short ?? '',
          parent: values.parent ?? null,
        };
        await createAgency(ctx, { ...input, kind: kind.data, level: level.data });
        break;
      }
      case 'rename':
        if (values.name === undefined && values.short === undefined)
          throw new UsageError('请用 --name 或 --short 写新的名称。');
        await renameAgency(ctx, { code, name: values.name, shortName: values.short });
        break;
      case 'move':
        if ((values.parent === undefined) === (values.top !== true))
          throw new UsageError('请用 --parent 写新的上级机关代码，或用 --top 放到最上层（二者选一）。');
        await moveAgency(ctx, { code, parent: values.parent ?? null });
        break;
      case 'retire':
      case 'reactivate':
        await retireAgency(ctx, { code, retired: sub === 'retire' });
        break;
      default:
        throw new UsageError(TREE_USAGE);
    }
    const entry = (await agencyTreeEntries(db.kysely)).find((a) => a.code === code);
    printJson(io, entry);
    return 0;
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`无法读取文件 ${file}：请检查路径`);
  }
}
