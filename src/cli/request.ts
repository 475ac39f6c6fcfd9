import { readFileSync } from 'node:fs';
import { applyCaseAction } from '../commands/requests/apply-case-action.ts';
import { registerBody } from '../commands/requests/register-input.ts';
import { registerRequest } from '../commands/requests/register-request.ts';
import type { Db } from '../db/connection.ts';
import { findCase, listCases, type QueueFilter } from '../db/queries/request-cases.ts';
import { LetterIncompleteError, LetterTemplateError } from '../domain/letters/templates.ts';
import { CASE_ACTIONS, type CaseAction } from '../domain/requests/state-machine.ts';
import { AppError } from '../errors.ts';
import { caseJson } from '../server/presenters/case-json.ts';
import { cliAgencyContext } from './command-context.ts';
import { type CliIo, flags, printJson, UsageError } from './io.ts';
import { caseLetters, outcomeBases, printLetters } from './request-letters.ts';
import { PROPOSAL_USAGE, proposalCommand } from './request-proposals.ts';

const USAGE = `gongkai request register --agency CODE --user USER FILE.json
gongkai request act --agency CODE --user USER ID ACTION [--on YYYY-MM-DD] [--payload JSON] --version N
gongkai request show --agency CODE --user USER ID
gongkai request list --agency CODE --user USER [--filter open|overdue|due_soon|awaiting_correction|awaiting_fee|in_consultation|decided|all]
gongkai request letters --agency CODE --user USER ID [--format text|html]
gongkai request bases [OUTCOME]
${PROPOSAL_USAGE}

作出答复（decide）的 --payload 除 outcome、basis、reasons 外，还要在 fields 中写明所选法律依据要求的各项，
如 {"outcome":"partial",…,"fields":{"delivery":"…","reason":"…"}}；各依据要求哪些项，见 gongkai request bases。`;

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * `gongkai request …`: the case workflow from the command line, through the same commands as the
 * API (register, act, show, list). Prints JSON; a refused step prints its Chinese reason, exit 2.
 */
export async function requestCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = flags(rest, {
    agency: { type: 'string' },
    user: { type: 'string' },
    on: { type: 'string' },
    payload: { type: 'string' },
    version: { type: 'string' },
    filter: { type: 'string' },
    format: { type: 'string' },
    year: { type: 'string' },
    status: { type: 'string' },
    category: { type: 'string' },
    title: { type: 'string' },
    reason: { type: 'string' },
    reasons: { type: 'string' },
    note: { type: 'string' },
  });
  const print = (value: unknown) => printJson(io, value);
  if (sub === 'bases') {
    print(outcomeBases(positionals[0]));
    return 0;
  }
  try {
    if (!values.agency) throw new UsageError(`缺少 --agency。用法：\n${USAGE}`);
    const { agencyId, ctx } = await cliAgencyContext(db, values.agency, values.user);
    const today = ctx.clock.today();
    const calendar = await ctx.calendar.get();
    switch (sub) {
      case 'proposals':
      case 'include':
      case 'decline':
      case 'suggest': {
        const out = await proposalCommand(sub, db, ctx, agencyId, values, positionals);
        if ('text' in out) io.stdout.write(out.text);
        else print(out.json);
        return 0;
      }
      case 'register': {
        if (!positionals[0]) throw new UsageError(`缺少申请文件。用法：\n${USAGE}`);
        const parsed = registerBody.safeParse(readJson(positionals[0]));
        if (!parsed.success)
          throw new UsageError(
            `申请文件有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
          );
        const input = parsed.data;
        const submittedAt = input.channel === 'online' ? ctx.clock.now() : undefined;
        print(await registerRequest(ctx, { ...input, agencyId, submittedAt }));
        return 0;
      }
      case 'act': {
        const [id, action] = positionals;
        if (!id || !action || !CASE_ACTIONS.includes(action as CaseAction)) {
          throw new UsageError(`用法：${USAGE}\nACTION 为 ${CASE_ACTIONS.join('、')} 之一`);
        }
        if (!values.version || !/^\d+$/.test(values.version))
          throw new UsageError('缺少 --version：请写您看到的版本号（gongkai request show 可查）');
        const payload = values.payload ? (JSON.parse(values.payload) as Record<string, unknown>) : {};
        print(
          await applyCaseAction(ctx, {
            agencyId,
            requestId: Number(id),
            expectedVersion: Number(values.version),
            action: action as CaseAction,
            payload,
            occurredOn: values.on,
          }),
        );
        return 0;
      }
      case 'show': {
        const found = await findCase(db, agencyId, Number(positionals[0]));
        if (!found) throw new UsageError(`未找到编号为 ${positionals[0]} 的申请`);
        print(caseJson(found, calendar, today));
        return 0;
      }
      case 'list': {
        const filter = (values.filter ?? 'open') as QueueFilter;
        print(
          await listCases(db, agencyId, {
            filter,
            today,
            dueSoonUntil: calendar.addWorkingDays(today, 3),
            limit: 200,
            offset: 0,
          }),
        );
        return 0;
      }
      case 'letters': {
        const format = values.format ?? 'text';
        if (format !== 'text' && format !== 'html') throw new UsageError('--format 应为 text 或 html');
        if (!positionals[0] || !/^\d+$/.test(positionals[0]))
          throw new UsageError(`缺少申请编号。用法：\n${USAGE}`);
        const letters = await caseLetters(db, agencyId, Number(positionals[0]));
        if (!letters) throw new UsageError(`未找到编号为 ${positionals[0]} 的申请`);
        io.stdout.write(printLetters(letters, format));
        return 0;
      }
      default:
        throw new UsageError(`用法：\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    if (error instanceof LetterIncompleteError || error instanceof LetterTemplateError)
      throw new UsageError(error.message);
    if (error instanceof SyntaxError) throw new UsageError(`--payload 不是有效的 JSON：${error.message}`);
    throw error;
  }
}
