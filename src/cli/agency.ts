/**
 * `gongkai agency add|rename|move|retire|reactivate|tree|import-tree`: the agency tree (agency-tree.ts).
 * `gongkai agency remedies --agency CODE --user USER [--review-body 名称 --court 法院 [--complaint 渠道]]`:
 * where the agency's answers send the applicant (复议法 第二十三条第二款, 诉讼法 第四十六条, 条例
 * 第四十七条第二款). Without the setting flags it prints them; with them, the agency admin sets them
 * (the same command and event as the console's 机关设置).
 */
import { agencyRemedies, setAgencyRemedies } from '../commands/agencies/set-remedies.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { agencyTreeCommand, isTreeSubcommand, TREE_USAGE } from './agency-tree.ts';
import { cliAgencyContext } from './command-context.ts';
import { type CliIo, flags, printJson, UsageError } from './io.ts';

const USAGE = `用法：gongkai agency remedies --agency CODE --user USER [--review-body 行政复议机关全称 --court 管辖法院全称 [--complaint 投诉渠道]]
  不带 --review-body/--court 时显示当前设置；带上时由机关管理员设置（答复书据此告知救济途径）。
${TREE_USAGE}`;

/** Runs one `gongkai agency` subcommand; 0 on success (errors are thrown). */
export async function agencyCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (isTreeSubcommand(sub)) return agencyTreeCommand(io, db, args);
  if (sub !== 'remedies') throw new UsageError(USAGE);
  const { values } = flags(rest, {
    agency: { type: 'string' },
    user: { type: 'string' },
    'review-body': { type: 'string' },
    court: { type: 'string' },
    complaint: { type: 'string' },
  });
  if (!values.agency) throw new UsageError(`缺少 --agency。${USAGE}`);
  const { agencyId, ctx } = await cliAgencyContext(db, values.agency, values.user);
  const setting =
    values['review-body'] !== undefined || values.court !== undefined || values.complaint !== undefined;
  if (!setting) {
    printJson(io, await agencyRemedies(db.kysely, agencyId));
    return 0;
  }
  try {
    const remedies = {
      reviewBody: values['review-body'] ?? '',
      court: values.court ?? '',
      complaintChannel: values.complaint,
    };
    printJson(io, await setAgencyRemedies(ctx, { agencyId, remedies }));
    return 0;
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
}
