import { systemClock } from '../commands/context.ts';
import { amendDocument } from '../commands/registry/amend-document.ts';
import { amendBody, issueBody, parseInput, repealBody, reviewBody } from '../commands/registry/inputs.ts';
import { issueDocument } from '../commands/registry/issue-document.ts';
import { readReviewPass } from '../commands/registry/read-review-pass.ts';
import { repealDocument } from '../commands/registry/repeal-document.ts';
import { reviewPass } from '../commands/registry/review-pass.ts';
import type { Db } from '../db/connection.ts';
import { documentHistory, documentsInForce, listDocuments } from '../db/queries/registry.ts';
import { isIsoDate } from '../domain/dates.ts';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../domain/registry/lifecycle.ts';
import { NORMATIVE_KINDS, type NormativeKind } from '../domain/report/vocabulary.ts';
import { AppError } from '../errors.ts';
import { cliAgency, cliAgencyContext } from './command-context.ts';
import { type CliIo, flags, printJson, UsageError } from './io.ts';
import { readJsonFile } from './workdays.ts';

const USAGE = `gongkai registry list --agency CODE [--on YYYY-MM-DD] [--kind regulation|normative]   现行有效文件（公开）
gongkai registry list --agency CODE --user USER --all [--status in_force|amended|repealed]   全部版本
gongkai registry issue --agency CODE --user USER FILE.json          制发（文件格式见 docs/registry.md）
gongkai registry amend --agency CODE --user USER ID FILE.json       修改
gongkai registry repeal --agency CODE --user USER ID FILE.json      废止
gongkai registry review --agency CODE --user USER YEAR [FILE.json]  清理：记录决定；不带文件时显示该年度清理情况
gongkai registry history --agency CODE --user USER ID               各版本及变更记录
FILE 为 - 时从标准输入读取。`;

async function agencyOf(db: Db, code: string | undefined): Promise<number> {
  return (await cliAgency(db, code, `\n${USAGE}`)).id;
}

function readJson(io: CliIo, file: string | undefined): Promise<unknown> {
  if (!file) throw new UsageError(`缺少 JSON 文件。用法：\n${USAGE}`);
  return readJsonFile(io, file);
}

function positiveInt(text: string | undefined, what: string): number {
  if (!text || !/^[1-9]\d*$/.test(text)) throw new UsageError(`${what}应为正整数。用法：\n${USAGE}`);
  return Number(text);
}

function oneOf<T extends string>(
  value: string | undefined,
  values: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!values.includes(value as T)) throw new UsageError(`${flag} 应为 ${values.join('、')} 之一`);
  return value as T;
}

/**
 * `gongkai registry …`: the normative-document registry from the command line, through the same
 * commands and queries as the API. JSON in (a file or standard input), JSON out; a refused change
 * prints its Chinese reason, exit 2.
 */
export async function registryCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = flags(rest, {
    agency: { type: 'string' },
    user: { type: 'string' },
    on: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    all: { type: 'boolean' },
  });
  const print = (value: unknown) => printJson(io, value);
  const kind = oneOf<NormativeKind>(values.kind, NORMATIVE_KINDS, '--kind');
  try {
    const agencyId = await agencyOf(db, values.agency);
    if (sub === 'list' && !values.all) {
      const on = values.on ?? systemClock.today();
      if (!isIsoDate(on)) throw new UsageError('--on 应为 YYYY-MM-DD 格式的日期');
      print({ on, ...(await documentsInForce(db, agencyId, on, { kind, limit: 100_000, offset: 0 })) });
      return 0;
    }
    const { ctx } = await cliAgencyContext(db, values.agency ?? '', values.user);
    const [first, second] = positionals;
    switch (sub) {
      case 'list': {
        const status = oneOf<DocumentStatus>(values.status, DOCUMENT_STATUSES, '--status');
        print(await listDocuments(db, agencyId, { kind, status, limit: 100_000, offset: 0 }));
        return 0;
      }
      case 'issue':
        print(
          await issueDocument(ctx, { agencyId, document: parseInput(issueBody, await readJson(io, first)) }),
        );
        return 0;
      case 'amend':
        print(
          await amendDocument(ctx, {
            agencyId,
            documentId: positiveInt(first, 'ID '),
            amendment: parseInput(amendBody, await readJson(io, second)),
          }),
        );
        return 0;
      case 'repeal':
        print(
          await repealDocument(ctx, {
            agencyId,
            documentId: positiveInt(first, 'ID '),
            repeal: parseInput(repealBody, await readJson(io, second)),
          }),
        );
        return 0;
      case 'review': {
        const year = positiveInt(first, '年度 YEAR ');
        if (second)
          print({
            year,
            recorded: await reviewPass(ctx, {
              agencyId,
              year,
              review: parseInput(reviewBody, await readJson(io, second)),
            }),
          });
        else print(await readReviewPass(db, agencyId, year));
        return 0;
      }
      case 'history': {
        const history = await documentHistory(db, agencyId, positiveInt(first, 'ID '));
        if (!history) throw new UsageError(`未找到编号为 ${first} 的规范性文件`);
        print(history);
        return 0;
      }
      default:
        throw new UsageError(`用法：\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
}
