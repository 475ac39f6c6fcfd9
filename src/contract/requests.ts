/**
 * The request routes' contract: the queue's query, the bodies of registration and case actions,
 * and the responses (they are also the OpenAPI document, and the console's types).
 */

import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { DASHBOARD_LISTS, DASHBOARD_TILES, QUEUE_FILTERS } from '../domain/requests/queues.ts';
import { CORRECTION_OUTCOMES, REQUEST_KINDS } from '../domain/requests/record-correction.ts';
import { CASE_STATES } from '../domain/requests/state-machine.ts';
import { approvalRequestSchema } from './approvals.ts';
import { decimal } from './common.ts';
import { suggestionSchema } from './proposals.ts';
import { applicantBody } from './register-request.ts';

export const registeredSchema = z.object({
  requestId: z.number().int(),
  trackingCode: z
    .string()
    .describe(
      'random, 60 bits, grouped for reading aloud (7KX4-9MPQ-2RTB): the applicant follows the request with it',
    ),
  registrationNo: z.string().describe('e.g. 临港依申请〔2021〕3号'),
  receivedOn: z.string(),
  dueOn: z.string(),
  provisional: z
    .boolean()
    .describe('the due date counts across a year whose holiday notice is not yet known'),
  version: z.number().int(),
});

/** 当场答复 (条例 第三十三条第一款): registered and answered the same day. */
export const answeredOnTheSpotSchema = registeredSchema.extend({
  decidedOn: z.string().describe('the day received, decided and answered'),
  state: z.string(),
  eventId: z.number().int().describe('the event requests.answered_on_the_spot'),
});

export const receiptSchema = registeredSchema.omit({ requestId: true, version: true });

export const actionResultSchema = z.object({
  requestId: z.number().int(),
  version: z.number().int(),
  state: z.string(),
  eventId: z.number().int(),
});

export const reviewRecordedSchema = z.object({ reviewId: z.number().int() });

export const trackSchema = z.object({
  trackingCode: z.string().describe('the code grouped as it is read out: 7KX4-9MPQ-2RTB'),
  agency: z.object({ code: z.string(), name: z.string() }),
  registrationNo: z.string().nullable(),
  kind: z
    .string()
    .describe('disclosure, or record_correction (更正申请: dueOn is guidance, the 条例 sets no period)'),
  state: z.string(),
  stateLabel: z.string(),
  receivedOn: z.string(),
  decidedOn: z.string().nullable(),
  outcomeLabel: z
    .string()
    .nullable()
    .describe('the answer in words once decided: 不予公开（属于国家秘密）; a correction request: 予以更正 …'),
  dueOn: z.string(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  letters: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      fileName: z.string(),
      issuedOn: z.string().describe('the date printed on the letter (成文日期)'),
      createdAt: z.string().describe('when it was stored'),
      delivery: z
        .object({
          sentOn: z.string(),
          method: z.string(),
          trackingNo: z.string().nullable(),
          sentence: z.string().describe('已于 5 月 6 日邮寄（单号 …）'),
        })
        .nullable()
        .describe('送达 as the applicant may read it; never the applicant’s details'),
    }),
  ),
});

export const deadlineSchema = z.object({
  from: z.string(),
  days: z.number().int(),
  due: z.string(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
});

const receivedDate = (label: string) =>
  z
    .string()
    .refine(isIsoDate, { error: `${label}应为 YYYY-MM-DD 格式的日期，如 2026-01-31` })
    .optional();

/** The queue's query: a filter, a page, and optionally search words and a received-date range. */
export const queueQuery = z
  .object({
    filter: z.enum(QUEUE_FILTERS, { error: `“筛选”应为 ${QUEUE_FILTERS.join('、')} 之一` }).default('open'),
    limit: decimal(z.number({ error: '每页条数应为1到200之间的整数' }).int().min(1).max(200)).default(50),
    offset: decimal(z.number({ error: '起始位置应为0或正整数' }).int().min(0)).default(0),
    q: z
      .string()
      .max(100, { error: '搜索词最长 100 个字符，请缩短后再搜索' })
      .optional()
      .describe(
        'words found in the registration number, tracking code, applicant name or phone, or the information sought',
      ),
    receivedFrom: receivedDate('收到日期起'),
    receivedTo: receivedDate('收到日期止'),
  })
  .refine((q) => !q.receivedFrom || !q.receivedTo || q.receivedFrom <= q.receivedTo, {
    error: '收到日期起不能晚于收到日期止，请调整日期范围',
    path: ['receivedTo'],
  });

/** A case in the queue and the dashboard's lists (the stored clock columns). */
export const caseSummarySchema = z.object({
  id: z.number().int(),
  registrationNo: z.string().nullable(),
  applicantType: z.string(),
  applicantName: z.string().nullable().describe("the person's or the organization's name"),
  channel: z.string(),
  receivedOn: z.string(),
  state: z.string(),
  dueOn: z.string().nullable(),
  dueProvisional: z.boolean(),
  clockState: z.string().nullable().describe('the clock state stored with the due date'),
  waitingUntil: z.string().nullable(),
  outcome: z.string().nullable(),
  decidedOn: z.string().nullable(),
  version: z.number().int(),
  kind: z
    .string()
    .describe(`${REQUEST_KINDS.join(' | ')}: record_correction is a 更正申请 (条例 第四十一条)`),
  correctionOutcome: z
    .string()
    .nullable()
    .describe(
      `a correction request's outcome, ${CORRECTION_OUTCOMES.join(' | ')} (its outcome is null: none of table 三's)`,
    ),
  assistanceNeeds: z
    .array(z.string())
    .describe('条例 第四十三条: reading, visual, hearing — what the applicant has difficulty with (a tag)'),
});

export const queueSchema = z.object({
  total: z.number().int(),
  cases: z.array(caseSummarySchema),
  counts: z.record(z.enum(QUEUE_FILTERS), z.number().int()).describe('how many cases each filter holds'),
  today: z.string(),
  dueSoonUntil: z.string().describe('the last day counted as due soon'),
});

export const dashboardCaseSchema = caseSummarySchema.extend({
  counterDate: z.string().nullable().describe('the date the day counter counts to'),
  workingDaysLeft: z.number().int().nullable().describe('working days to counterDate; negative when past'),
});

export const dashboardSchema = z.object({
  today: z.string(),
  weekStart: z.string().describe('the Monday of this week'),
  weekEnd: z.string(),
  dueSoonUntil: z.string().describe('the last day counted as due soon'),
  tiles: z
    .array(
      z.object({
        key: z.enum(DASHBOARD_TILES),
        label: z.string(),
        count: z.number().int().describe('the queue’s total under this filter and date range'),
        filter: z.enum(QUEUE_FILTERS),
        receivedFrom: z.string().optional(),
        receivedTo: z.string().optional(),
      }),
    )
    .describe('the 工作台’s tiles: each a number and the queue it opens'),
  lists: z.array(
    z.object({
      key: z.enum(DASHBOARD_LISTS),
      label: z.string(),
      count: z.number().int(),
      cases: z.array(dashboardCaseSchema),
    }),
  ),
});

/** The answer clock as of today (domain/clock's reading). */
export const clockSchema = z.object({
  due: z.string(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  workingDaysUsed: z.number().int(),
  workingDaysLeft: z.number().int().describe('negative when overdue'),
  overdue: z.boolean(),
  state: z.enum([
    'running',
    'awaiting_correction',
    'correction_lapsed',
    'in_consultation',
    'awaiting_fee',
    'fee_lapsed',
    'decided',
  ]),
  waitingUntil: z.string().nullable(),
  deliveryUnknown: z
    .boolean()
    .describe(
      'the pending fee notice or consultation letter has no recorded receipt (送达): its period cannot be counted',
    ),
});

export const letterDeliverySchema = z.object({
  method: z.string().nullable(),
  methodLabel: z.string(),
  sentOn: z.string(),
  trackingNo: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable().describe('who recorded it, by name (姓名)'),
});

/** One case as staff see it: the applicant (ID number masked), clock, timeline, letters, files. */
export const caseDetailSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  registrationNo: z.string().nullable(),
  trackingCode: z.string().nullable(),
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  channel: z.string(),
  applicantType: z.string(),
  applicant: z
    .looseObject({ ...applicantBody.shape, idNumberMasked: z.boolean().optional() })
    .nullable()
    .describe('as registered; the ID number masked'),
  receivedOn: z.string(),
  oral: z
    .object({
      difficulty: z.string(),
      confirmation: z.string(),
      confirmationLabel: z.string(),
      confirmationNote: z.string().nullable(),
      writtenUpBy: z.string().describe('the username of who wrote it up'),
      writtenUpByName: z.string().describe('who wrote it up, by name (姓名)'),
    })
    .nullable()
    .describe('条例 第二十九条第一款: an oral application written up by the office; null: written'),
  assistance: z
    .object({
      needs: z.array(z.string()),
      needsLabel: z.string().describe('阅读困难、听觉障碍'),
      help: z.string(),
      recordedBy: z.string(),
      recordedByName: z.string().describe('who recorded it, by name (姓名)'),
      recordedOn: z.string(),
    })
    .nullable()
    .describe('条例 第四十三条: the help given to the applicant; null: none recorded. Staff only'),
  decidedOn: z.string().nullable(),
  kind: z.enum(REQUEST_KINDS).describe('disclosure, or record_correction (更正申请, 条例 第四十一条)'),
  correction: z
    .object({ record: z.string(), inaccuracy: z.string(), evidence: z.string() })
    .nullable()
    .describe('a correction request: the record, what is inaccurate, the evidence offered'),
  correctionOutcome: z.enum(CORRECTION_OUTCOMES).nullable(),
  outcome: z.string().nullable(),
  legalBasis: z.string().nullable(),
  feeFen: z.number().int().describe('the 信息处理费 paid, in whole 分'),
  items: z.array(z.object({ seq: z.number().int(), outcome: z.string().nullable() })),
  clock: clockSchema,
  allowedActions: z.array(z.string()).describe('the actions the case’s state allows (whoever asks)'),
  approvals: z
    .array(approvalRequestSchema)
    .describe('the case’s requests for approval (提请审批), newest first'),
  events: z.array(
    z.object({
      id: z.number().int(),
      seq: z.number().int(),
      type: z.string(),
      occurredOn: z.string(),
      recordedAt: z.string(),
      actor: z.string(),
      actorName: z.string().describe('the user’s name (姓名)'),
      stateBefore: z.string().nullable(),
      stateAfter: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  letters: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      fileName: z.string(),
      eventId: z.number().int().nullable(),
      createdAt: z.string(),
      issuedOn: z.string().describe("the letter's date (its event's day)"),
      delivery: letterDeliverySchema.nullable().describe('送达, when recorded'),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      createdAt: z.string(),
      createdBy: z.string(),
      createdByName: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.number().int(),
      group: z.string(),
      filedOn: z.string(),
      decidedOn: z.string().nullable(),
      result: z.string().nullable(),
    }),
  ),
  publication: z
    .object({
      suggestion: suggestionSchema
        .nullable()
        .describe('the applicant’s suggestion to publish (条例第四十四条第二款)'),
      decisions: z.array(
        z.object({
          id: z.number().int(),
          result: z.enum(['included', 'not_included']),
          reason: z.string(),
          actor: z.string(),
          actorName: z.string(),
          decidedAt: z.string(),
          item: z.object({ id: z.number().int(), title: z.string(), status: z.string() }).nullable(),
        }),
      ),
    })
    .describe('条例第四十四条: the suggestion and the proposals this request was decided in'),
});
