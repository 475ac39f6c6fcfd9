/**
 * The demo agency's disclosure requests of 2020 and 2021, taken through the real case workflow
 * (intake, correction, consultation, decision) on the days they happened, so the seed's table 三
 * comes from full cases: six in 2021 (5 online, 1 by letter; 予以公开 1, 部分公开 2, 无法提供 2,
 * 逾期不补正 1) and two in 2020.
 */

import { type Actor, type CommandContext, clockOf, fixedCalendar, silentLog } from '../commands/context.ts';
import { applyCaseAction } from '../commands/requests/apply-case-action.ts';
import { registerRequest } from '../commands/requests/register-request.ts';
import type { Db } from '../db/connection.ts';
import type { WorkCalendar } from '../domain/calendar/types.ts';
import { residentIdCheckCode } from '../domain/identity/resident-id.ts';
import type { RequestRecord } from '../domain/report/records.ts';
import type { Outcome } from '../domain/report/vocabulary.ts';
import { requestOutcome } from '../domain/requests/outcome-basis.ts';
import type { CaseAction } from '../domain/requests/state-machine.ts';

const OPERATOR: Actor = { username: 'lingang-operator', roles: ['operator'] };

/** A made-up but well-formed 居民身份证号 of Weihai (3710…). */
export const residentId = (birth: string, seq: string): string => {
  const first17 = `371002${birth}${seq}`;
  return first17 + residentIdCheckCode(first17);
};

interface DemoCase {
  channel: 'online' | 'letter';
  received: string;
  name: string;
  id: string;
  information: string;
  steps: Array<{ on: string; action: CaseAction; payload: Record<string, unknown> }>;
}

const decide = (
  on: string,
  outcome: string,
  basis: string,
  reasons: string,
  fields?: Record<string, string>,
) => ({
  on,
  action: 'decide' as const,
  payload: { outcome, basis, reasons, ...(fields ? { fields } : {}) },
});
/** How granted information reaches the applicant (条例 第三十六条第（二）项). */
const BY_POST = { delivery: '本机关已将该政府信息的纸质复制件以邮寄方式寄送至您提供的通讯地址' };

const CASES: DemoCase[] = [
  {
    channel: 'online',
    received: '2020-05-12',
    name: '王建华',
    id: residentId('19750312', '101'),
    information: '2019年临港区城乡低保资金发放情况',
    steps: [
      decide(
        '2020-06-03',
        'granted',
        'a36.2',
        '该信息为《2019年临港区城乡最低生活保障资金发放汇总表》，共3页。',
        BY_POST,
      ),
    ],
  },
  {
    channel: 'online',
    received: '2020-10-09',
    name: '刘芳',
    id: residentId('19820701', '202'),
    information: '某村1998年土地承包合同',
    steps: [
      decide(
        '2020-10-29',
        'unable.not_held',
        'a36.4',
        '本机关检索了档案室保存的1995年至2000年农村土地承包档案，未找到该合同。农村土地承包合同一般由发包方（村集体经济组织）和乡镇农村经营管理机构保存，您可以向其了解。',
      ),
    ],
  },
  {
    channel: 'online',
    received: '2021-03-08',
    name: '陈志强',
    id: residentId('19690521', '113'),
    information: '2020年临港区重点项目建设计划',
    steps: [
      decide('2021-03-26', 'granted', 'a36.2', '该信息为《2020年临港区重点项目建设计划》，共12页。', BY_POST),
    ],
  },
  {
    channel: 'online',
    received: '2021-04-21',
    name: '李秀英',
    id: residentId('19880915', '224'),
    information: '临港区某道路拓宽工程的立项批复及征收补偿方案',
    steps: [
      {
        on: '2021-05-18',
        action: 'decide',
        payload: {
          items: [
            { description: '立项批复', outcome: 'granted' },
            { description: '征收补偿方案', outcome: 'unable.not_held' },
          ],
          basis: 'a37',
          fields: { ...BY_POST, reason: '征收补偿方案由区征收办制作，本机关不掌握该信息' },
          reasons: '立项批复予以公开；征收补偿方案由区征收办制作，本机关不掌握',
        },
      },
    ],
  },
  {
    channel: 'letter',
    received: '2021-06-07',
    name: '赵磊',
    id: residentId('19710203', '135'),
    information: '2020年某企业环境影响评价报告及企业补贴发放明细',
    steps: [
      {
        on: '2021-06-09',
        action: 'send_consultation',
        payload: {
          party: '威海某制造有限公司',
          kind: 'third_party',
          question: '企业补贴发放明细是否同意公开',
        },
      },
      {
        on: '2021-06-21',
        action: 'receive_consultation_reply',
        payload: { summary: '补贴明细涉及商业秘密，不同意公开', objects: true },
      },
      {
        on: '2021-06-30',
        action: 'decide',
        payload: {
          items: [
            { description: '环境影响评价报告', outcome: 'granted' },
            { description: '企业补贴发放明细', outcome: 'denied.third_party' },
          ],
          basis: 'a37',
          fields: {
            ...BY_POST,
            reason: '企业补贴发放明细涉及第三方商业秘密，经书面征求意见，第三方不同意公开且理由合理',
          },
          reasons: '补贴明细涉及第三方商业秘密，第三方不同意公开',
        },
      },
    ],
  },
  {
    channel: 'online',
    received: '2021-08-16',
    name: '孙丽',
    id: residentId('19900127', '246'),
    information: '2005年临港区某企业改制档案',
    steps: [
      decide(
        '2021-09-10',
        'unable.not_held',
        'a36.4',
        '本机关于2010年设立，检索了本机关档案室和原划入单位移交的档案，均无2005年企业改制档案。',
      ),
    ],
  },
  {
    channel: 'online',
    received: '2021-09-22',
    name: '周伟',
    id: residentId('19661108', '157'),
    information: '临港区2010年规划调整的会议纪要',
    steps: [
      decide(
        '2021-10-27',
        'unable.not_held',
        'a36.4',
        '本机关检索了2010年的会议记录和发文登记，2010年规划调整由上级规划主管部门组织，本机关未召开相关会议、未形成会议纪要。',
      ),
    ],
  },
  {
    channel: 'online',
    received: '2021-11-15',
    name: '吴敏',
    id: residentId('19930419', '268'),
    information: '有关文件',
    steps: [
      {
        on: '2021-11-17',
        action: 'request_correction',
        payload: { until: '2021-12-01', what: '请写明所需文件的名称、文号或其他特征性描述' },
      },
      { on: '2021-12-20', action: 'close_correction_lapsed', payload: {} },
    ],
  },
];

/** Runs each demo case through intake and its steps, each on its own day (inside the caller's transaction). */
export async function loadDemoCases(db: Db, agencyId: number, calendar: WorkCalendar): Promise<void> {
  /** The operator acting at an instant: each step is recorded on its own day. */
  const at = (instant: Date): CommandContext => ({
    db,
    actor: OPERATOR,
    clock: clockOf(() => instant),
    calendar: fixedCalendar(calendar),
    log: silentLog,
  });
  for (const c of CASES) {
    const submittedAt = new Date(`${c.received}T10:00:00+08:00`);
    const registered = await registerRequest(at(submittedAt), {
      agencyId,
      channel: c.channel,
      applicantType: 'natural_person',
      applicant: {
        name: c.name,
        idType: 'resident_id',
        idNumber: c.id,
        phone: '0631-5550000',
        address: '山东省威海市临港经济技术开发区',
        information: c.information,
        form: 'paper',
        delivery: 'post',
      },
      receivedOn: c.channel === 'online' ? undefined : c.received,
      receiptNote: c.channel === 'letter' ? '挂号信签收' : undefined,
      submittedAt: c.channel === 'online' ? submittedAt : undefined,
    });
    let version = registered.version;
    for (const step of c.steps) {
      const done = await applyCaseAction(at(new Date(`${step.on}T10:00:00+08:00`)), {
        agencyId,
        requestId: registered.requestId,
        expectedVersion: version,
        action: step.action,
        payload: step.payload,
        occurredOn: step.on,
      });
      version = done.version;
    }
  }
}

/**
 * The same cases as plain records (what the workflow must leave behind), for tests that compute
 * the report in memory. Online cases were submitted on working days, so received = submitted.
 */
export function demoRequestRecords(): RequestRecord[] {
  return CASES.map((c) => {
    const last = c.steps[c.steps.length - 1];
    const items =
      (last.payload.items as Array<{ outcome: Outcome }> | undefined)?.map((i) => i.outcome) ?? [];
    const outcome: Outcome =
      last.action === 'close_correction_lapsed'
        ? 'other.no_correction'
        : items.length > 0
          ? requestOutcome(items)
          : (last.payload.outcome as Outcome);
    return {
      applicantType: 'natural_person',
      channel: c.channel,
      receivedOn: c.received,
      decidedOn: last.on,
      outcome,
      feeFen: 0,
      itemOutcomes: items,
    };
  });
}
