/** The supervisor's 工作台 (`/api/v1/agencies/:code/supervision`, docs/supervision.md). */
import type { SupervisionOverview, SupervisionRow, SupervisionTrends } from '../../contract/supervision.ts';
import { api } from './client.ts';

export type { SupervisionOverview, SupervisionRow, SupervisionTrends };

export const supervisionApi = {
  overview: (root: string, year: number) =>
    api.call<SupervisionOverview>(`/api/v1/agencies/${encodeURIComponent(root)}/supervision?year=${year}`),
  /** the subtree's figures for each of the `years` years ending with `to`, and their charts */
  trends: (root: string, to: number, years = 5) =>
    api.call<SupervisionTrends>(
      `/api/v1/agencies/${encodeURIComponent(root)}/supervision/trends?to=${to}&years=${years}`,
    ),
  /** the region's consolidated statistics: the report format's cells summed over the subtree (a download) */
  statisticsUrl: (root: string, year: number, file: 'xlsx' | 'csv' | 'json') =>
    `/api/v1/agencies/${encodeURIComponent(root)}/supervision/statistics.${file}?year=${year}`,
};
