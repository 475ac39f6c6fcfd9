/** One line of the event log in Chinese, and the days of China as instants (the log's date filters). */
import { ITEM_STATE_LABELS } from '../items/state-machine.ts';
import { CASE_STATE_LABELS } from '../requests/state-machine.ts';
import { eventNameLabel, eventSubjectLabel } from './names.ts';

/** The states of each kind of subject that has them, in Chinese. */
const STATE_LABELS: Record<string, Record<string, string>> = {
  request: CASE_STATE_LABELS,
  item: ITEM_STATE_LABELS,
};

/** A subject's state in Chinese (the code when its kind has no labels). */
export function stateLabel(subjectType: string, state: string): string {
  return STATE_LABELS[subjectType]?.[state] ?? state;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant (ISO UTC) as China reads it: `2026-12-06 10:15`. */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The first instant of a day in China (`2026-12-06` → `2026-12-05T16:00:00.000Z`). */
export function chinaDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS).toISOString();
}

/** The last instant of a day in China. */
export function chinaDayEnd(date: string): string {
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - CHINA_OFFSET_MS).toISOString();
}

/** What a line of the log shows of an event. */
export interface EventLine {
  name: string;
  subjectType: string;
  subjectId: string;
  actor: string;
  at: string;
  occurredOn: string | null;
  stateBefore: string | null;
  stateAfter: string | null;
  data: unknown;
}

/** A short summary: the day it counts from, the state before → after, the reason given. */
export function eventSummary(event: EventLine): string {
  const parts: string[] = [];
  if (event.occurredOn) parts.push(`日期 ${event.occurredOn}`);
  if (event.stateAfter && event.stateBefore !== event.stateAfter)
    parts.push(
      `状态 ${event.stateBefore ? stateLabel(event.subjectType, event.stateBefore) : '—'} → ${stateLabel(event.subjectType, event.stateAfter)}`,
    );
  const data = event.data;
  if (data && typeof data === 'object' && 'reason' in data && typeof data.reason === 'string')
    parts.push(data.reason);
  return parts.join('；');
}

/** One line of `gongkai log`: time, actor, what, of what, summary (tab-separated). */
export function eventLine(event: EventLine): string {
  return [
    chinaTime(event.at),
    event.actor,
    `${eventNameLabel(event.name)}（${event.name}）`,
    eventSubjectLabel(event.subjectType, event.subjectId),
    eventSummary(event),
  ].join('\t');
}
