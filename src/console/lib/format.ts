/** Formatters of the console: dates and instants in China time, day counters, sizes. Pure. */

/** How urgent a day counter is: drives its colour. */
export type Urgency = 'overdue' | 'today' | 'soon' | 'normal';

export interface DayCounter {
  text: string;
  urgency: Urgency;
}

/**
 * The counter of a case's date in working days: negative is past (逾期), 0 is today, up to 3 is
 * soon. `what` names the date (答复 or 补正), as in “补正期限已过 2 个工作日”.
 */
export function dayCounter(
  workingDaysLeft: number | null,
  what: 'answer' | 'applicant' = 'answer',
): DayCounter | null {
  if (workingDaysLeft === null) return null;
  if (workingDaysLeft < 0) {
    const days = -workingDaysLeft;
    return what === 'answer'
      ? { text: `已逾期 ${days} 个工作日`, urgency: 'overdue' }
      : { text: `期限已过 ${days} 个工作日`, urgency: 'overdue' };
  }
  if (workingDaysLeft === 0) return { text: '今日到期', urgency: 'today' };
  return { text: `剩 ${workingDaysLeft} 个工作日`, urgency: workingDaysLeft <= 3 ? 'soon' : 'normal' };
}

/** The counter of a due date by calendar dates only (the queue, which has no working-day count). */
export function dueDateCounter(today: string, dueOn: string | null, decided: boolean): DayCounter | null {
  if (!dueOn || decided) return null;
  if (dueOn < today) return { text: '已逾期', urgency: 'overdue' };
  if (dueOn === today) return { text: '今日到期', urgency: 'today' };
  return { text: `${dueOn} 到期`, urgency: 'normal' };
}

/** The antd colour of an urgency. */
export function urgencyColor(urgency: Urgency): string {
  return { overdue: 'red', today: 'volcano', soon: 'gold', normal: 'blue' }[urgency];
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** An ISO instant as China time, “2026-11-26 10:05”; a plain date passes unchanged. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A plain date as a document writes it, “2023年1月31日” (anything else passes unchanged). */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** A file size in B, KB or MB (one decimal). */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** A label from a table of labels, or the code itself when the table has none. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (!code) return '—';
  return labels[code] ?? code;
}
