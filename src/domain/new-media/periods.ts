/**
 * When an 政务新媒体 account was operating (运营中), from its history: opened on a day, stopped by each
 * 关停 (its closing day) until its 恢复运营 (the reopening day, operating again from that day), and
 * stopped for good by a 注销. An account closed and reopened keeps its closed spell
 * (`new_media_closures`, migration 0045), so a day inside it is not an operating day — for the
 * inspection run again for that day, a past year's 本年关停 and 年末运营, the year's 网站年度报表 and
 * a posting dated inside it — however the account stands today.
 *
 * Days are ISO dates (YYYY-MM-DD), compared as text. Pure: no I/O, no clock.
 */

/** One 关停: from `closedOn` (not operating that day) to `reopenedOn` (operating again that day), or still closed. */
export interface Closure {
  closedOn: string;
  reopenedOn: string | null;
}

/** What the periods need of an account. */
export interface AccountHistory {
  openedOn: string;
  cancelledOn: string | null;
  closures: readonly Closure[];
}

/** The closure `day` falls in (closed that day), or null. */
export function closureOn(closures: readonly Closure[], day: string): Closure | null {
  return closures.find((c) => c.closedOn <= day && (c.reopenedOn === null || day < c.reopenedOn)) ?? null;
}

/** Whether the account was operating on `day`: opened by then, not cancelled by then, not in a closed spell. */
export function operatingOn(account: AccountHistory, day: string): boolean {
  if (account.openedOn > day) return false;
  if (account.cancelledOn !== null && account.cancelledOn <= day) return false;
  return closureOn(account.closures, day) === null;
}

/**
 * Whether the account was operating on some day from `first` to `last` (both included): each
 * stretch of closures is walked from the first day it could be operating.
 */
export function operatedWithin(account: AccountHistory, first: string, last: string): boolean {
  let day = account.openedOn > first ? account.openedOn : first;
  const ordered = [...account.closures].sort((a, b) => (a.closedOn < b.closedOn ? -1 : 1));
  for (const closure of ordered) {
    if (day > last) return false;
    if (closure.closedOn > day) break;
    if (closure.reopenedOn === null) return false;
    if (closure.reopenedOn > day) day = closure.reopenedOn;
  }
  return day <= last && operatingOn(account, day);
}

/**
 * The first day of the operating stretch that `day` is in: the opening, or the last reopening on or
 * before `day` — an account reopened after a long 关停 is not silent from before it.
 */
export function operatingSince(
  account: { openedOn: string; closures: readonly Closure[] },
  day: string,
): string {
  return account.closures.reduce(
    (since, c) =>
      c.reopenedOn !== null && c.reopenedOn <= day && c.reopenedOn > since ? c.reopenedOn : since,
    account.openedOn,
  );
}

/** Whether the account was closed (关停, or stopped by a 注销 while operating) on a day of `year`. */
export function closedInYear(closures: readonly Closure[], year: number): boolean {
  return closures.some((c) => c.closedOn.startsWith(`${year}-`));
}
