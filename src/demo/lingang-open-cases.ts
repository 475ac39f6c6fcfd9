/**
 * The demo agency's requests still being handled: seven cases of the current year, dated back from
 * the day the demo is loaded (the injected clock) on the official working-day calendar, and taken
 * through the real case workflow up to where they stand — so the request queue and 工作台 show work
 * on first start: 办理中, 待补正, 征求意见中, 待缴费, 已延期, one overdue, one due within three
 * working days. None of them falls in a year the demo's reports are about (2020, 2021): loaded
 * before 2022 there are none, and early in a year a case that would start in the year before is
 * left out.
 */

import { type Actor, type CommandContext, clockOf, fixedCalendar, silentLog } from '../commands/context.ts';
import { applyCaseAction } from '../commands/requests/apply-case-action.ts';
import { registerRequest } from '../commands/requests/register-request.ts';
import type { Db } from '../db/connection.ts';
import type { WorkCalendar } from '../domain/calendar/types.ts';
import type { CaseAction } from '../domain/requests/state-machine.ts';
import { residentId } from './lingang-cases.ts';

const OPERATOR: Actor = { username: 'lingang-operator', roles: ['operator'] };
/** 条例 第三十三条: an extension needs the 工作机构负责人 (policy.ts: the approver). */
const APPROVER: Actor = { username: 'lingang-approver', roles: ['operator', 'approver'] };

/** The first year whose requests no demo report counts. */
const FIRST_OPEN_YEAR = 2022;

interface OpenCase {
  /** received this many working days before today */
  ago: number;
  channel: 'online' | 'letter';
  name: string;
  id: string;
  /** what is asked for; `{y}` is the current year, `{ly}` the year before */
  information: string;
  /** each step this many working days after receipt */
  steps: Array<{
    after: number;
    action: CaseAction;
    payload: (on: string, calendar: WorkCalendar) => object;
  }>;
}

const OPEN_CASES: OpenCase[] = [
  {
    // 办理中: received last week, nothing done yet
    ago: 4,
    channel: 'online',
    name: '郑海燕',
    id: residentId('19860214', '321'),
    information: '{y}年临港区老旧小区改造项目清单及资金安排',
    steps: [],
  },
  {
    // 待补正: the request does not say which document (条例 第三十条)
    ago: 6,
    channel: 'online',
    name: '冯国庆',
    id: residentId('19721001', '332'),
    information: '关于我村土地征收的相关文件',
    steps: [
      {
        after: 2,
        action: 'request_correction',
        payload: (on, calendar) => ({
          until: calendar.addWorkingDays(on, 15),
          what: '请写明所在村的名称，以及所需文件的名称、文号或形成时间等特征性描述',
        }),
      },
    ],
  },
  {
    // 征求意见中: the information concerns a company's commercial interests (条例 第三十二条)
    ago: 9,
    channel: 'letter',
    name: '褚明',
    id: residentId('19790523', '343'),
    information: '{ly}年威海某新材料科技有限公司获得的技术改造专项资金拨付明细',
    steps: [
      {
        after: 3,
        action: 'send_consultation',
        payload: () => ({
          party: '威海某新材料科技有限公司',
          kind: 'third_party',
          question: '技术改造专项资金拨付明细中涉及贵公司的部分是否同意公开',
        }),
      },
    ],
  },
  {
    // 待缴费: a large volume of pages (国办函〔2020〕109号 按量计收)
    ago: 8,
    channel: 'online',
    name: '卫晓东',
    id: residentId('19840817', '354'),
    information: '{ly}年1月至12月临港区全部建设工程规划许可证及附图',
    steps: [{ after: 5, action: 'send_fee_notice', payload: () => ({ method: 'per_page', pages: 320 }) }],
  },
  {
    // 已延期: many documents to retrieve; the 工作机构负责人 agreed to extend (条例 第三十三条第二款)
    ago: 21,
    channel: 'online',
    name: '蒋文静',
    id: residentId('19910630', '365'),
    information: '{ly}年临港区各镇农村危房改造补助对象名单及补助金额',
    steps: [
      {
        after: 17,
        action: 'extend',
        payload: () => ({ days: 15, reason: '需要汇总四个镇的档案材料，无法在20个工作日内答复' }),
      },
    ],
  },
  {
    // overdue: received over twenty working days ago and still not answered
    ago: 23,
    channel: 'online',
    name: '沈佳',
    id: residentId('19770912', '376'),
    information: '临港区{ly}年度政府投资项目审计结果',
    steps: [],
  },
  {
    // due within three working days
    ago: 18,
    channel: 'online',
    name: '韩立新',
    id: residentId('19681125', '387'),
    information: '{y}年临港区城市道路挖掘占用审批台账',
    steps: [],
  },
];

/** The working day `n` working days before `date` (date itself not counted). */
function workingDaysBefore(calendar: WorkCalendar, date: string, n: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  let left = n;
  for (;;) {
    day.setUTCDate(day.getUTCDate() - 1);
    const iso = day.toISOString().slice(0, 10);
    if (calendar.isWorkingDay(iso) && --left <= 0) return iso;
  }
}

/**
 * Registers the open cases of the year of `today` and takes each to where it stands (inside the
 * caller's transaction). Returns how many were loaded.
 */
export async function loadDemoOpenCases(
  db: Db,
  agencyId: number,
  calendar: WorkCalendar,
  today: string,
): Promise<number> {
  const year = Number(today.slice(0, 4));
  if (year < FIRST_OPEN_YEAR) return 0;
  const at = (actor: Actor, instant: Date): CommandContext => ({
    db,
    actor,
    clock: clockOf(() => instant),
    calendar: fixedCalendar(calendar),
    log: silentLog,
  });
  const text = (s: string) => s.replaceAll('{y}', String(year)).replaceAll('{ly}', String(year - 1));
  let loaded = 0;
  // registered in the order received, so their 登记号 follow the days
  for (const c of [...OPEN_CASES].sort((a, b) => b.ago - a.ago)) {
    const received = workingDaysBefore(calendar, today, c.ago);
    if (received < `${year}-01-01`) continue;
    const submittedAt = new Date(`${received}T09:30:00+08:00`);
    const registered = await registerRequest(at(OPERATOR, submittedAt), {
      agencyId,
      channel: c.channel,
      applicantType: 'natural_person',
      applicant: {
        name: c.name,
        idType: 'resident_id',
        idNumber: c.id,
        phone: '0631-5550000',
        address: '山东省威海市临港经济技术开发区',
        information: text(c.information),
        form: 'paper',
        delivery: 'post',
      },
      receivedOn: c.channel === 'online' ? undefined : received,
      receiptNote: c.channel === 'letter' ? '挂号信签收' : undefined,
      submittedAt: c.channel === 'online' ? submittedAt : undefined,
    });
    let version = registered.version;
    for (const step of c.steps) {
      const on = calendar.addWorkingDays(received, step.after);
      const done = await applyCaseAction(
        at(step.action === 'extend' ? APPROVER : OPERATOR, new Date(`${on}T10:00:00+08:00`)),
        {
          agencyId,
          requestId: registered.requestId,
          expectedVersion: version,
          action: step.action,
          payload: step.payload(on, calendar) as Record<string, unknown>,
          occurredOn: on,
        },
      );
      version = done.version;
    }
    loaded++;
  }
  return loaded;
}
