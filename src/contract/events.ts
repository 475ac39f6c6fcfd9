/** The event log's contract (`GET /api/v1/agencies/:code/events`): the 操作日志's filters and rows. */

import { z } from 'zod';
import { decimal } from './common.ts';

const isoDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}应为日期 YYYY-MM-DD`)
    .optional();

/** The query of the 操作日志: who, what (an area such as `requests`, or one event name), when, a page. */
export const eventQuery = z.object({
  actor: z.string().max(64).optional(),
  name: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, '事件类别应为如 requests 或 requests.extended 的名称')
    .optional(),
  from: isoDate('起始日期'),
  to: isoDate('截止日期'),
  limit: decimal(z.number({ error: '每页条数应为1到200之间的整数' }).int().min(1).max(200)).default(50),
  cursor: z.string().max(80).optional(),
});

/** One event as the API shows it. */
export const eventSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  seq: z.number().int(),
  actor: z.string().describe('the username'),
  actorName: z.string().describe('who, as people read it: the user’s name (姓名)'),
  at: z.string(),
  occurredOn: z.string().nullable(),
  stateBefore: z.string().nullable(),
  stateAfter: z.string().nullable(),
  data: z.unknown(),
});

/** A page of the log, newest first. */
export const eventPageSchema = z.object({ events: z.array(eventSchema), nextCursor: z.string().nullable() });
