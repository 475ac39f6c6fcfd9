import { BackupError } from '../backups/errors.ts';
import { loadDemo } from '../commands/load-demo.ts';
import { KeyringError } from '../crypto/id-vault.ts';
import type { Db } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { FilesDirError } from '../files/files-dir.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, processIo, UsageError, writeErr } from './io.ts';
import { openCliDb } from './open-db.ts';

const USAGE = `用法：gongkai <命令> [参数]
  serve [--port N] [--host H]                        启动平台（默认 localhost:3000，或环境变量 PORT、HOST；工作台未构建或已过时则先构建）
  build-console [--if-stale]                         构建工作台（/console，Vite）
  demo                                               （重新）载入示例机关 lingang
  report --agency CODE --year YYYY --format json|html|docx|pdf [--out FILE]
                                                     生成年度报告（json/html 未指定 --out 时输出到标准输出）
  report publish|correct --agency CODE --user USER --year YYYY [--on DATE] [--reason 原因] [--note 说明]
                                                     发布年度报告或发布更正（有错误时须审批负责人填写说明；发布后不可修改，只能发布更正）
  import FILE                                        导入 JSON Lines 记录（格式见 docs/import-format.md）
  validate FILE [--today YYYY-MM-DD]                 按 R1–R10 校验一份报告 JSON（生成的或编辑过的）
  check FILE... [--previous FILE] [--format json|text]  年报体检：读取任一机关已发布的年度报告（PDF、DOCX、HTML、TXT、Markdown）并检查，每份输出一行 JSON
  check DIR --out OUTDIR                             批量体检一个文件夹：reports.csv、findings.csv、reports.json、index.html（见 docs/report-check.md）
  request register|act|show|list|letters|bases|correction-outcomes …  依申请公开与更正申请办理（用法：gongkai request）
  request proposals|include|decline|suggest …        条例第四十四条：纳入主动公开建议、纳入、不纳入、申请人建议
  request withheld-review|withheld-decide …          依第十六条不予公开信息的年度定期评估审查（条例第十八条）
  agency remedies --agency CODE --user USER …        救济途径：行政复议机关、管辖法院、投诉渠道
  agency tree|add|rename|move|retire|reactivate|import-tree …  机关树（平台管理员；用法：gongkai agency；见 docs/agencies.md）
  site show|set [--agency CODE] [--user USER] …      网站信息：主办单位、备案号等（--主办单位 值 …），--mark/--favicon 上传标识图片和图标（用法：gongkai site）
  workdays add DATE N | between A B [--calendar F]   DATE 之后第 N 个工作日；A 之后至 B 的工作日数（见 docs/calendar.md）
  clock FILE [--today YYYY-MM-DD] [--calendar F]     计算一件申请的答复期限（格式见 docs/clock.md）
  calendar show [YEAR] | import-notice FILE | override DATE holiday|workday --source 文号 | remove-override DATE  工作日历（改动后重算未办结申请的期限，见 docs/calendar.md）
  fee per-piece N [--previous M] | per-page N        信息处理费（元，国办函〔2020〕109号）：按件（本月累计）或按量计收
  search QUERY [--agency CODE] [--limit N]          检索主动公开信息，输出 JSON（id、title、score、snippet）
  items import FILE [--agency CODE]                  批量导入已发布的信息：CSV、XLSX 或 JSON Lines，全部或全不（见 docs/items-import.md）
  registry list|issue|amend|repeal|review|history …  规章和行政规范性文件登记：制发、修改、废止、清理（用法：gongkai registry；见 docs/registry.md）
  user add|grant|revoke|passwd|disable|enable|list …  用户与角色（用法：gongkai user；见 docs/security.md）
  backup --out FILE                                  备份数据库和全部附件到一个文件（含清单和校验和，见 docs/operations.md）
  restore FILE [--force]                             从备份恢复到空数据库（--force：替换已有数据）；先校验，损坏的备份不写入任何内容
  keys seal | keys rotate                            证件号码加密：加密存量明文号码；更换密钥并重新加密（见 docs/security.md）
  inspect --agency CODE | --all [--today D] [--links [--external]] [--format json|text]  网站自查：每项指标的数值、阈值和状态，保存当天结果（--links 先检查死链）；触发单项否决时退出码为 1
  inspect --evidence --agency CODE --from D --to D --out F.pdf|F.xlsx  网站自查佐证材料：期间内每日存储的结果、汇总、问题明细和数据摘要
  catalog import FILE.xlsx --agency CODE [--dry-run] [--domain 领域] | catalog export --agency CODE --out FILE.xlsx  公开事项标准目录：导入（先预览）、导出（见 docs/catalog.md）
  supervision recount [--year YYYY]… [--agency CODE]  重新统计监督工作台和地区统计表预先保存的数字（每晚网站自查后自动进行，见 docs/supervision.md）
  log --agency CODE [--actor U] [--since DATE] [--until DATE] [--name 类别] [--limit N]  操作日志：谁在何时做了什么
数据库：环境变量 DATABASE_URL（sqlite:路径 或 postgres://…），默认 sqlite:./data/gongkai.db
附件：环境变量 GONGKAI_FILES_DIR（绝对路径），未设置时为 SQLite 数据库文件旁的 files 文件夹
退出码：0 正常；1 报告有错误级别的校验问题；2 用法或输入有误`;

async function withDb<T>(io: CliIo, run: (db: Db) => Promise<T>): Promise<T> {
  const db = openCliDb(io);
  try {
    await migrateToLatest(db);
    return await run(db);
  } finally {
    await db.close();
  }
}

async function dispatch(io: CliIo, argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      return (await import('./serve.ts')).serveCommand(io, args);
    case 'build-console':
      return (await import('./build-console.ts')).buildConsoleCommand(io, args);
    case 'demo':
      return withDb(io, async (db) => {
        const result = await loadDemo(cliContext(db, { username: 'gongkai demo' }));
        if (!result.ok) throw new Error(result.problems.map((p) => `第${p.line}行：${p.reason}`).join('\n'));
        writeErr(
          io,
          `已载入示例机关 lingang：${result.lines} 条记录、${result.items} 条主动公开信息、${result.openRequests} 件办理中的申请（${db.describe}）`,
        );
        return 0;
      });
    case 'report':
      return withDb(io, async (db) => (await import('./report.ts')).reportCommand(io, db, args));
    case 'import':
      return withDb(io, async (db) => (await import('./import.ts')).importCommand(io, db, args));
    case 'validate':
      return (await import('./validate.ts')).validateCommand(io, args);
    case 'check':
      return (await import('./check.ts')).checkCommand(io, args);
    case 'agency':
      return withDb(io, async (db) => (await import('./agency.ts')).agencyCommand(io, db, args));
    case 'site':
      return withDb(io, async (db) => (await import('./site.ts')).siteCommand(io, db, args));
    case 'request':
      return withDb(io, async (db) => (await import('./request.ts')).requestCommand(io, db, args));
    case 'workdays':
      return (await import('./workdays.ts')).workdaysCommand(io, args);
    case 'clock':
      return (await import('./clock.ts')).clockCommand(io, args);
    case 'calendar':
      return withDb(io, async (db) => (await import('./calendar.ts')).calendarCommand(io, db, args));
    case 'fee':
      return (await import('./fee.ts')).feeCommand(io, args);
    case 'search':
      return withDb(io, async (db) => (await import('./search.ts')).searchCommand(io, db, args));
    case 'items':
      return withDb(io, async (db) => (await import('./items-import.ts')).itemsImportCommand(io, db, args));
    case 'user':
      return withDb(io, async (db) => (await import('./user.ts')).userCommand(io, db, args));
    case 'registry':
      return withDb(io, async (db) => (await import('./registry.ts')).registryCommand(io, db, args));
    case 'backup':
      return withDb(io, async (db) => (await import('./backup.ts')).backupCommand(io, db, args));
    case 'restore':
      return withDb(io, async (db) => (await import('./backup.ts')).restoreCommand(io, db, args));
    case 'keys':
      return withDb(io, async (db) => (await import('./keys.ts')).keysCommand(io, db, args));
    case 'inspect':
      return withDb(io, async (db) => (await import('./inspect.ts')).inspectCommand(io, db, args));
    case 'catalog':
      return withDb(io, async (db) => (await import('./catalog.ts')).catalogCommand(io, db, args));
    case 'supervision':
      return withDb(io, async (db) => (await import('./supervision.ts')).supervisionCommand(io, db, args));
    case 'log':
      return withDb(io, async (db) => (await import('./log.ts')).logCommand(io, db, args));
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`未知命令：${command}`);
  }
}

/**
 * Runs the `gongkai` command line `argv` (without `node` and the script) on `io` and resolves to
 * its exit code: 0 done, 1 a report with error violations (or an unexpected failure), 2 a usage or
 * input error (a refused backup or restore, a folder setting to fix), said on stderr. It never exits the process nor sets process.exitCode, and closes
 * every database it opens, so tests call it in-process; `bin/gongkai.js` is the process's wrapper.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(io, argv);
  } catch (error) {
    if (error instanceof UsageError) {
      writeErr(io, error.message);
      writeErr(io, '运行 gongkai help 查看用法。');
      return 2;
    }
    // a refused backup or restore, a folder setting to fix: the sentence says what to do
    if (error instanceof BackupError || error instanceof FilesDirError || error instanceof KeyringError) {
      writeErr(io, error.message);
      return 2;
    }
    writeErr(io, `出错了：${error instanceof Error ? error.message : String(error)}`);
    return error instanceof Error && error.name === 'ChromiumMissingError' ? 2 : 1;
  } finally {
    // `report`, `serve` and `inspect --links` (the crawl asks for the guide's PDF form) print PDFs
    // on the process's shared Chromium (render/pdf.ts): close it, so the process ends when the command does
    if (argv[0] === 'report' || argv[0] === 'serve' || argv[0] === 'inspect')
      await (await import('../render/pdf.ts')).closePdfBrowser();
  }
}
