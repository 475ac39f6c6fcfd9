/**
 * The staff's lists of request cases: the queue's filters and the dashboard's lists, each with its
 * label. One source for the API (query validation, counts), the database queries and the console.
 */
import { CASE_STATE_LABELS } from './state-machine.ts';

/** The queue's filters, in the order the console offers them. */
export const QUEUE_FILTERS = [
  'open',
  'overdue',
  'due_soon',
  'awaiting_correction',
  'awaiting_fee',
  'in_consultation',
  'decided',
  'all',
] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const QUEUE_FILTER_LABELS: Record<QueueFilter, string> = {
  open: '未办结',
  overdue: '已逾期',
  due_soon: '即将到期',
  awaiting_correction: CASE_STATE_LABELS.awaiting_correction,
  awaiting_fee: CASE_STATE_LABELS.awaiting_fee,
  in_consultation: CASE_STATE_LABELS.in_consultation,
  decided: CASE_STATE_LABELS.decided,
  all: '全部',
};

/**
 * The case states in which the answer clock runs, the ones the overdue and due-soon lists read.
 * 第三十五条: a case awaiting reasons is among them (asking for reasons does not stop the clock).
 */
export const CLOCK_RUNNING_STATES: readonly string[] = ['open', 'in_consultation', 'awaiting_reasons'];

/** The dashboard's lists: the answer clock running (overdue, due today, this week), then the waits. */
export const DASHBOARD_LISTS = [
  'overdue',
  'due_today',
  'due_this_week',
  'awaiting_correction',
  'awaiting_fee',
  'in_consultation',
] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

export const DASHBOARD_LIST_LABELS: Record<DashboardList, string> = {
  overdue: QUEUE_FILTER_LABELS.overdue,
  due_today: '今日到期',
  due_this_week: '本周到期',
  awaiting_correction: CASE_STATE_LABELS.awaiting_correction,
  awaiting_fee: CASE_STATE_LABELS.awaiting_fee,
  in_consultation: CASE_STATE_LABELS.in_consultation,
};
