import { readFileSync } from 'node:fs';
import { answerOnTheSpot } from '../commands/requests/answer-on-the-spot.ts';
import { applyCaseAction } from '../commands/requests/apply-case-action.ts';
import { recordAssistance } from '../commands/requests/record-assistance.ts';
import { onTheSpotBody, registerBody } from '../commands/requests/register-input.ts';
import { registerRequest } from '../commands/requests/register-request.ts';
import type { Db } from '../db/connection.ts';
import { loadActorNames } from '../db/queries/actor-names.ts';
import { findCase, listCases, type QueueFilter } from '../db/queries/request-cases.ts';
import { LetterIncompleteError, LetterTemplateError } from '../domain/letters/templates.ts';
import {
  CORRECTION_FIELDS,
  CORRECTION_OUTCOME_LABELS,
  CORRECTION_OUTCOMES,
  REFUSAL_GROUND_LABELS,
  REFUSAL_GROUNDS,
} from '../domain/requests/record-correction.ts';
import { CASE_ACTIONS, type CaseAction } from '../domain/requests/state-machine.ts';
import { AppError } from '../errors.ts';
import { caseJson, caseUsernames } from '../server/presenters/case-json.ts';
import { cliAgencyContext } from './command-context.ts';
import { type CliIo, flags, printJson, UsageError } from './io.ts';
import { caseLetters, outcomeBases, printLetters } from './request-letters.ts';
import { PROPOSAL_USAGE, proposalCommand } from './request-proposals.ts';
import { withheldDecide, withheldReviewList } from './request-withheld.ts';

const USAGE = `gongkai request register --agency CODE --user USER FILE.json
gongkai request on-the-spot --agency CODE --user USER FILE.json
gongkai request act --agency CODE --user USER ID ACTION [--on YYYY-MM-DD] [--payload JSON] --version N
gongkai request assist --agency CODE --user USER ID --version N --needs reading,visual,hearing --given TEXT
gongkai request show --agency CODE --user USER ID
gongkai request list --agency CODE --user USER [--filter open|overdue|due_soon|awaiting_correction|awaiting_fee|in_consultation|decided|all]
gongkai request letters --agency CODE --user USER ID [--format text|html]
gongkai request bases [OUTCOME]
gongkai request correction-outcomes
${PROPOSAL_USAGE}
gongkai request withheld-review --agency CODE --user USER --year YYYY [--format text|json]
gongkai request withheld-decide --agency CODE --user USER --year YYYY ID [--part N] --decision kept|disclosed --reason 理由 [--replaces 决定编号] [--category a20.N|other]

withheld-review / withheld-decide：条例第十八条对依第十六条不予公开的信息的年度定期评估审查；kept 为继续不予公开，
disclosed 为转为公开（起草一条待公开信息，经保密审查后发布）；更正本年度已有的决定须以 --replaces 注明其编号。

作出答复（decide）的 --payload 除 outcome、basis、reasons 外，还要在 fields 中写明所选法律依据要求的各项，
如 {"outcome":"partial",…,"fields":{"delivery":"…","reason":"…"}}；各依据要求哪些项，见 gongkai request bases。

口头提出的申请（条例第二十九条第一款）：申请文件写 "channel":"oral" 和
"oral":{"difficulty":"书面形式确有困难的情形","confirmation":"signed|read_back|other","confirmationNote":"…"}。
为申请人提供的帮助（条例第四十三条）：登记时写 "assistance":{"needs":["reading"],"help":"…"}，
或事后用 gongkai request assist（--needs 为 reading 阅读困难、visual 视觉障碍、hearing 听觉障碍，逗号分隔）。
征求其他机关意见（条例第三十四条）：--payload 写 "kind":"agency","coProducers":["…"],"lead":"this"（本机关牵头）。

当场答复（on-the-spot，条例第三十三条第一款）：文件与 register 相同，但不写 receivedOn（以今天为收到日期），
channel 为 in_person（可省略），并在 decision 中写作出答复的内容（与 decide 的 --payload 相同）；登记与答复一并完成。
告知提供方式（record_provision，条例第四十条）：act ID record_provision --payload
'{"method":"inspection","reason":"cost_too_high","date":"YYYY-MM-DD","time":"上午9:00至11:30","place":"…","contact":"…"}'
或 '{"method":"paper|electronic|other","how":"…"[,"otherForm":"…"][,"reason":"carrier_safety|cost_too_high"]}'。

更正申请（条例第四十一条）：登记文件写 "kind":"record_correction" 和
"correction":{"record":"要求更正的记录","inaccuracy":"不准确的内容","evidence":"提供的证据"}（无需 information、form、delivery）；
以 decide_correction 答复，--payload 如 {"outcome":"corrected","corrected":"更正的内容"}、
{"outcome":"transferred","agency":"有权更正的机关"}、{"outcome":"referred","agency":"…","contact":"…"}、
{"outcome":"refused","ground":"not_verified|insufficient_evidence","reason":"理由"}；各结果要求哪些项，见 gongkai request correction-outcomes。`;

/** 条例 第四十一条: the outcomes of a correction request, each with the fields decide_correction takes. */
function correctionOutcomes() {
  return {
    outcomes: CORRECTION_OUTCOMES.map((outcome) => ({
      outcome,
      label: CORRECTION_OUTCOME_LABELS[outcome],
      fields: CORRECTION_FIELDS[outcome],
    })),
    grounds: REFUSAL_GROUNDS.map((ground) => ({ ground, label: REFUSAL_GROUND_LABELS[ground] })),
  };
}

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
    needs: { type: 'string' },
    given: { type: 'string' },
    year: { type: 'string' },
    part: { type: 'string' },
    decision: { type: 'string' },
    reason: { type: 'string' },
    replaces: { type: 'string' },
    category: { type: 'string' },
    status: { type: 'string' },
    title: { type: 'string' },
    reasons: { type: 'string' },
    note: { type: 'string' },
  });
  const print = (value: unknown) => printJson(io, value);
  if (sub === 'bases') {
    print(outcomeBases(positionals[0]));
    return 0;
  }
  if (sub === 'correction-outcomes') {
    print(correctionOutcomes());
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
      case 'on-the-spot': {
        if (!positionals[0]) throw new UsageError(`缺少申请文件。用法：\n${USAGE}`);
        const parsed = onTheSpotBody.safeParse(readJson(positionals[0]));
        if (!parsed.success)
          throw new UsageError(
            `申请文件有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
          );
        print(await answerOnTheSpot(ctx, { ...parsed.data, agencyId }));
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
      case 'assist': {
        if (!positionals[0] || !/^\d+$/.test(positionals[0]))
          throw new UsageError(`缺少申请编号。用法：\n${USAGE}`);
        if (!values.version || !/^\d+$/.test(values.version))
          throw new UsageError('缺少 --version：请写您看到的版本号（gongkai request show 可查）');
        const needs = (values.needs ?? '')
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean);
        print(
          await recordAssistance(ctx, {
            agencyId,
            requestId: Number(positionals[0]),
            expectedVersion: Number(values.version),
            assistance: { needs, help: values.given },
          }),
        );
        return 0;
      }
      case 'show': {
        const found = await findCase(db, agencyId, Number(positionals[0]));
        if (!found) throw new UsageError(`未找到编号为 ${positionals[0]} 的申请`);
        print(caseJson(found, calendar, today, await loadActorNames(db, caseUsernames(found))));
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
      case 'withheld-review':
        io.stdout.write(await withheldReviewList(db, agencyId, values));
        return 0;
      case 'withheld-decide':
        io.stdout.write(await withheldDecide(ctx, agencyId, positionals[0], values));
        return 0;
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
