/**
 * What every case action handler shares: the context it is given, the step it returns, and the
 * parsing of its payload (a 400 naming the fields in Chinese) and its refusal (409).
 */
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { RequestTable } from '../../db/schema.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import type { ClockEvent, ClockReading } from '../../domain/requests/clock-events.ts';
import type { CaseAction } from '../../domain/requests/state-machine.ts';
import { AppError } from '../../errors.ts';
import type { Trx } from '../context.ts';
import { ACTION_PAYLOADS, type ActionPayload } from './action-payloads.ts';
import type { CaseRow } from './case-store.ts';
import type { LetterRequest } from './issue-letter.ts';

export interface HandlerContext {
  trx: Trx;
  row: CaseRow;
  payload: Record<string, unknown>;
  occurredOn: string;
  calendar: WorkCalendar;
  /** the clock before this step, as of today */
  before: ClockReading;
  events: ClockEvent[];
  today: string;
}

export interface Step {
  eventType: string;
  clockEvent?: ClockEvent;
  columns?: Updateable<RequestTable>;
  record?: Record<string, unknown>;
  afterWrite?: (trx: Trx, eventId: number) => Promise<void>;
  /** the letter this step sends, given the clock after it */
  letter?: (after: ClockReading) => LetterRequest;
}

export type Handler = (ctx: HandlerContext) => Step | Promise<Step>;

export function parse<A extends CaseAction>(action: A, payload: unknown): ActionPayload<A> {
  const result = (ACTION_PAYLOADS[action] as z.ZodType).safeParse(payload ?? {});
  if (result.success) return result.data as ActionPayload<A>;
  const details = result.error.issues.map((i) => ({
    field: i.path.join('.') || 'payload',
    message: i.message,
  }));
  throw new AppError('validation', `输入有误：${details.map((d) => d.message).join('；')}`, details);
}

export const refuse = (message: string): never => {
  throw new AppError('invalid_state', message);
};
