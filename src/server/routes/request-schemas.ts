/** Response schemas of the request routes (they are also the OpenAPI document). */
import { z } from 'zod';

export const registeredSchema = z.object({
  requestId: z.number().int(),
  trackingCode: z.string().describe('random, 160 bits: the applicant follows the request with it'),
  registrationNo: z.string().describe('e.g. 临港依申请〔2021〕3号'),
  receivedOn: z.string(),
  dueOn: z.string(),
  provisional: z
    .boolean()
    .describe('the due date counts across a year whose holiday notice is not yet known'),
  version: z.number().int(),
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
  agency: z.object({ code: z.string(), name: z.string() }),
  registrationNo: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  receivedOn: z.string(),
  decidedOn: z.string().nullable(),
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
      createdAt: z.string(),
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
