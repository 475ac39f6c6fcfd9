/**
 * `gongkai catalog import FILE.xlsx --agency CODE [--dry-run] [--domain 领域]` and
 * `gongkai catalog export --agency CODE --out FILE.xlsx` (docs/catalog.md): the agency's 公开事项标准目录
 * from or to XLSX, as the machine's operator (`cli:$USER`), as `gongkai inspect`. An import prints
 * each entry with its 公开时限 read back in Chinese; a bad file is refused naming row and column
 * (exit 2), nothing written; `--dry-run` writes nothing either way.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { exportCatalog } from '../commands/catalog/export-catalog.ts';
import { importCatalog } from '../commands/catalog/import-catalog.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { cliActor } from './calendar.ts';
import { cliAgency, cliContext } from './command-context.ts';
import { type CliIo, flags, UsageError } from './io.ts';

const USAGE =
  'gongkai catalog import FILE.xlsx --agency CODE [--dry-run] [--domain 领域] | gongkai catalog export --agency CODE --out FILE.xlsx';

export async function catalogCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = flags(rest, {
    agency: { type: 'string' },
    'dry-run': { type: 'boolean' },
    domain: { type: 'string' },
    out: { type: 'string' },
  });
  if (action === 'export') {
    if (!values.out || positionals.length > 0) throw new UsageError(`缺少 --out 文件。用法：${USAGE}`);
    const agency = await cliAgency(db, values.agency, USAGE);
    const { content, entries } = await exportCatalog(db, agency, new Date());
    await writeFile(values.out, content);
    io.stdout.write(`已导出 ${agency.name} 的标准目录 ${entries} 项到 ${values.out}\n`);
    return 0;
  }
  if (action !== 'import') throw new UsageError(`用法：${USAGE}`);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`缺少要导入的 XLSX 文件。用法：${USAGE}`);
  const agency = await cliAgency(db, values.agency, USAGE);
  const content = await readFile(file).catch(() => {
    throw new UsageError(`无法读取文件 ${file}`);
  });
  const dryRun = values['dry-run'] === true;
  try {
    const result = await importCatalog(cliContext(db, cliActor(io)), {
      agencyId: agency.id,
      content,
      fileName: file,
      domain: values.domain,
      dryRun,
    });
    for (const e of result.entries)
      io.stdout.write(
        `第${e.row}行 ${e.domain ? `［${e.domain}］` : ''}${e.title}：${e.deadline} → ${e.ruleLabel}\n`,
      );
    for (const s of result.skipped) io.stdout.write(`第${s.row}行 已跳过：${s.reason}\n`);
    const domains = result.domains.map((d) => d || '（未分领域）').join('、');
    io.stdout.write(
      `${dryRun ? '预览（未写入）' : '已导入'}：${agency.name} ${result.entries.length} 项，领域 ${domains}；替换原有 ${result.replaced} 项，沿用对应栏目 ${result.mappingsKept} 项\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') throw new UsageError(error.message);
    throw error;
  }
}
