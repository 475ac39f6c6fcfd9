/**
 * The supervisor's 工作台 (issue 15, docs/supervision.md): for every agency of a subtree, its own
 * figures of a year and the figures of it with everything below it (rolled up). Pure: the counts
 * come from SQL (db/queries/supervision.ts), the working days from the calendar passed in.
 *
 * - Requests (依申请公开, disclosure requests only: 条例 第二十七条's 申请; 更正申请 are not counted):
 *   received in the year, open and overdue now (the answer clock past its due day), answered in the
 *   year by outcome group (table 三's （一）…（六）), and the median working days from receipt to the
 *   answer — 条例 第三十三条第二款: “行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复”,
 *   so the days counted are the working days after the day of receipt up to the day of the answer.
 * - 行政复议 and 行政诉讼 filed in the year about the agency's disclosure work (table 四's groups), how
 *   many concluded and how many of those corrected the agency (结果纠正): the 纠错率 is corrected ÷
 *   concluded, over 复议 and 诉讼 together.
 * - 主动公开: items published in the year, and those published later than 条例 第二十六条's 20
 *   working days after they were formed (domain/items/timeliness.ts).
 * - The year's annual report: 未编制 / 草稿 / 已发布 / 逾期未发布 (year-status.ts), rolled up as counts.
 */
import { OUTCOME_GROUPS, type OutcomeGroup } from '../report/vocabulary.ts';
import {
  REPORT_YEAR_STATUSES,
  type ReportYearStatus,
  type ReportYearStatusCode,
} from '../report/year-status.ts';

/** An agency of the subtree as the overview places it. */
export interface TreeAgency {
  id: number;
  code: string;
  name: string;
  /** null for the root of the subtree (whatever its parent outside it) */
  parentId: number | null;
}

/** What is counted of 复议 or of 诉讼. */
export interface ReviewCounts {
  filed: number;
  concluded: number;
  corrected: number;
}

/** One agency's counts for the year (the SQL's), before anything is derived. */
export interface AgencyCounts {
  received: number;
  open: number;
  overdue: number;
  outcomes: Record<OutcomeGroup, number>;
  /** working days from receipt to answer → how many requests answered in the year took that long */
  answerDays: Map<number, number>;
  reviews: ReviewCounts;
  suits: ReviewCounts;
  published: number;
  late: number;
  /** last year's, for the trend */
  previous: { received: number; published: number };
}

/** The figures shown for an agency, or for it with its subtree. */
export interface Figures {
  received: number;
  open: number;
  overdue: number;
  /** answered in the year */
  decided: number;
  outcomes: Record<OutcomeGroup, number>;
  /** null when nothing was answered in the year */
  medianWorkingDays: number | null;
  reviews: ReviewCounts;
  suits: ReviewCounts;
  /** corrected ÷ concluded over 复议 and 诉讼, null when none concluded */
  correctionRate: number | null;
  published: number;
  late: number;
  /** published within 20 working days ÷ published, null when nothing was published */
  timelyRate: number | null;
  previous: { received: number; published: number };
}

export interface OverviewRow {
  agency: TreeAgency;
  depth: number;
  report: ReportYearStatus;
  own: Figures;
  subtree: Figures & { agencies: number; reports: Record<ReportYearStatusCode, number> };
}

/** No counts: an agency with no rows in any table. */
export function emptyCounts(): AgencyCounts {
  return {
    received: 0,
    open: 0,
    overdue: 0,
    outcomes: Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, 0])) as Record<OutcomeGroup, number>,
    answerDays: new Map(),
    reviews: { filed: 0, concluded: 0, corrected: 0 },
    suits: { filed: 0, concluded: 0, corrected: 0 },
    published: 0,
    late: 0,
    previous: { received: 0, published: 0 },
  };
}

/** An agency's counts in a map of them, added (empty) the first time it is asked for. */
export function countsOf(counts: Map<number, AgencyCounts>, agencyId: number): AgencyCounts {
  let found = counts.get(agencyId);
  if (!found) {
    found = emptyCounts();
    counts.set(agencyId, found);
  }
  return found;
}

/** The median of a histogram (value → count); the lower middle value of an even count. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value) ?? 0;
    if (seen >= middle) return value;
  }
  return null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Adds `from` into `into` (a roll-up). */
function addCounts(into: AgencyCounts, from: AgencyCounts): void {
  into.received += from.received;
  into.open += from.open;
  into.overdue += from.overdue;
  for (const g of OUTCOME_GROUPS) into.outcomes[g] += from.outcomes[g];
  for (const [days, n] of from.answerDays) into.answerDays.set(days, (into.answerDays.get(days) ?? 0) + n);
  for (const key of ['reviews', 'suits'] as const) {
    into[key].filed += from[key].filed;
    into[key].concluded += from[key].concluded;
    into[key].corrected += from[key].corrected;
  }
  into.published += from.published;
  into.late += from.late;
  into.previous.received += from.previous.received;
  into.previous.published += from.previous.published;
}

/** The figures derived from counts (medians and rates). */
export function figuresOf(counts: AgencyCounts): Figures {
  const decided = OUTCOME_GROUPS.reduce((sum, g) => sum + counts.outcomes[g], 0);
  const concluded = counts.reviews.concluded + counts.suits.concluded;
  const corrected = counts.reviews.corrected + counts.suits.corrected;
  return {
    received: counts.received,
    open: counts.open,
    overdue: counts.overdue,
    decided,
    outcomes: { ...counts.outcomes },
    medianWorkingDays: histogramMedian(counts.answerDays),
    reviews: { ...counts.reviews },
    suits: { ...counts.suits },
    correctionRate: ratio(corrected, concluded),
    published: counts.published,
    late: counts.late,
    timelyRate: ratio(counts.published - counts.late, counts.published),
    previous: { ...counts.previous },
  };
}

/**
 * The overview of a subtree: every agency in tree order (depth first, siblings by code), with its
 * own figures and its subtree's. `agencies` must hold the root (parentId null) and every agency
 * below it; an agency whose parent is not in the list is placed under the root's level as a root.
 */
export function buildOverview(
  agencies: readonly TreeAgency[],
  counts: ReadonlyMap<number, AgencyCounts>,
  reports: ReadonlyMap<number, ReportYearStatus>,
): OverviewRow[] {
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<number | null, TreeAgency[]>();
  for (const agency of agencies) {
    const parent = agency.parentId !== null && ids.has(agency.parentId) ? agency.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(agency);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const statusOf = (agency: TreeAgency): ReportYearStatus => {
    const report = reports.get(agency.id);
    if (!report) throw new Error(`no report status for agency ${agency.code}`);
    return report;
  };
  // first the roll-up, children before their parent: each agency's subtree counts
  const rolled = new Map<number, { counts: AgencyCounts; subtree: OverviewRow['subtree'] }>();
  const rollUp = (agency: TreeAgency): { counts: AgencyCounts; subtree: OverviewRow['subtree'] } => {
    const total = emptyCounts();
    addCounts(total, counts.get(agency.id) ?? emptyCounts());
    const statuses = Object.fromEntries(REPORT_YEAR_STATUSES.map((s) => [s, 0])) as Record<
      ReportYearStatusCode,
      number
    >;
    statuses[statusOf(agency).status]++;
    let n = 1;
    for (const child of children.get(agency.id) ?? []) {
      const below = rollUp(child);
      addCounts(total, below.counts);
      for (const s of REPORT_YEAR_STATUSES) statuses[s] += below.subtree.reports[s];
      n += below.subtree.agencies;
    }
    const result = { counts: total, subtree: { ...figuresOf(total), agencies: n, reports: statuses } };
    rolled.set(agency.id, result);
    return result;
  };
  // then the rows in tree order, parents first
  const rows: OverviewRow[] = [];
  const walk = (agency: TreeAgency, depth: number): void => {
    const subtree = rolled.get(agency.id)?.subtree;
    if (!subtree) throw new Error(`agency ${agency.code} not rolled up`);
    const own = figuresOf(counts.get(agency.id) ?? emptyCounts());
    rows.push({ agency, depth, report: statusOf(agency), own, subtree });
    for (const child of children.get(agency.id) ?? []) walk(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) {
    rollUp(root);
    walk(root, 0);
  }
  return rows;
}
