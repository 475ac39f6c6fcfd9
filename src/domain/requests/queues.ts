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
  'pending_approval',
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
  /** a request for approval (提请审批, approvals.ts) of the case is pending */
  pending_approval: '待审批',
  decided: CASE_STATE_LABELS.decided,
  all: '全部',
};

/**
 * The case states in which the answer clock runs, the ones the overdue and due-soon lists read.
 * 第三十五条: a case awaiting reasons is among them (asking for reasons does not stop the clock).
 */
export const CLOCK_RUNNING_STATES: readonly string[] = ['open', 'in_consultation', 'awaiting_reasons'];

/** “Due soon”: due within this many working days from today (the queue's filter and the 工作台's tile). */
export const DUE_SOON_WORKING_DAYS = 3;

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

/**
 * The 工作台's tiles (issue 13): each a number, each the queue under a filter and received-date range
 * (the console links there, so a tile's number is the queue's total). 新收 counts every case
 * received today or this week (Monday to today), whatever its state.
 */
export const DASHBOARD_TILES = [
  'received_today',
  'received_this_week',
  'open',
  'due_soon',
  'overdue',
  'pending_approval',
] as const;
export type DashboardTile = (typeof DASHBOARD_TILES)[number];

export const DASHBOARD_TILE_LABELS: Record<DashboardTile, string> = {
  received_today: '今日新收',
  received_this_week: '本周新收',
  open: '办理中',
  due_soon: QUEUE_FILTER_LABELS.due_soon,
  overdue: QUEUE_FILTER_LABELS.overdue,
  // the cases with a pending 提请审批; the 工作台's 待审批事项 below the tiles also lists items' 签发发布
  pending_approval: `申请${QUEUE_FILTER_LABELS.pending_approval}`,
};

/** The queue a tile opens: its filter and received-date range, given today and the week's Monday. */
export function tileQuery(
  tile: DashboardTile,
  dates: { today: string; weekStart: string },
): { filter: QueueFilter; receivedFrom?: string; receivedTo?: string } {
  switch (tile) {
    case 'received_today':
      return { filter: 'all', receivedFrom: dates.today, receivedTo: dates.today };
    case 'received_this_week':
      return { filter: 'all', receivedFrom: dates.weekStart, receivedTo: dates.today };
    default:
      return { filter: tile };
  }
}
