/**
 * The year's 政务新媒体 statistics (issue 15): per platform, the accounts open at the year's end,
 * opened, closed (关停) and cancelled (注销) during the year, and the postings of the year — an
 * account's postings are its channel's publications rows (docs/new-media.md), so the same rows the
 * annual report counts per channel.
 */
import {
  type AccountState,
  NEW_MEDIA_PLATFORMS,
  type NewMediaPlatform,
  PLATFORM_LABELS,
} from './accounts.ts';
import { type Closure, closedInYear, operatingOn } from './periods.ts';

/** What the statistics read of one account, with its postings dated in the year. */
export interface AccountForStatistics {
  id: number;
  name: string;
  platform: NewMediaPlatform;
  state: AccountState;
  openedOn: string;
  cancelledOn: string | null;
  /** every 关停 (domain/new-media/periods.ts), reopened or not */
  closures: readonly Closure[];
  postingsInYear: number;
}

export interface PlatformStatistics {
  platform: NewMediaPlatform;
  label: string;
  /** operating on 31 December: opened by then, not cancelled by then, not in a closed spell then */
  openAtYearEnd: number;
  opened: number;
  closed: number;
  cancelled: number;
  postings: number;
}

export interface NewMediaStatistics {
  year: number;
  /** every platform with an account, in the platforms' order */
  platforms: PlatformStatistics[];
  total: Omit<PlatformStatistics, 'platform' | 'label'>;
  accounts: Array<{ id: number; name: string; platform: NewMediaPlatform; postings: number }>;
}

const inYear = (day: string | null, year: number) => day?.startsWith(`${year}-`) === true;

/** Whether an account was operating at the end of the year (its last day). */
export function openAtYearEnd(
  a: Pick<AccountForStatistics, 'openedOn' | 'cancelledOn' | 'closures'>,
  year: number,
) {
  return operatingOn(a, `${year}-12-31`);
}

/** The statistics of a year from the agency's accounts (those opened after the year are left out). */
export function newMediaStatistics(
  accounts: readonly AccountForStatistics[],
  year: number,
): NewMediaStatistics {
  const counted = accounts.filter((a) => a.openedOn <= `${year}-12-31`);
  const platforms = NEW_MEDIA_PLATFORMS.flatMap((platform): PlatformStatistics[] => {
    const mine = counted.filter((a) => a.platform === platform);
    if (mine.length === 0) return [];
    return [
      {
        platform,
        label: PLATFORM_LABELS[platform],
        openAtYearEnd: mine.filter((a) => openAtYearEnd(a, year)).length,
        opened: mine.filter((a) => inYear(a.openedOn, year)).length,
        // an account closed in the year (a 注销 while operating closes it too), reopened since or not
        closed: mine.filter((a) => closedInYear(a.closures, year)).length,
        cancelled: mine.filter((a) => inYear(a.cancelledOn, year)).length,
        postings: mine.reduce((sum, a) => sum + a.postingsInYear, 0),
      },
    ];
  });
  const sum = (key: 'openAtYearEnd' | 'opened' | 'closed' | 'cancelled' | 'postings') =>
    platforms.reduce((acc, p) => acc + p[key], 0);
  return {
    year,
    platforms,
    total: {
      openAtYearEnd: sum('openAtYearEnd'),
      opened: sum('opened'),
      closed: sum('closed'),
      cancelled: sum('cancelled'),
      postings: sum('postings'),
    },
    accounts: counted.map((a) => ({
      id: a.id,
      name: a.name,
      platform: a.platform,
      postings: a.postingsInYear,
    })),
  };
}
