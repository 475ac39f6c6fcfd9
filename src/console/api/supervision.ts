/** The supervisor's 工作台 (`/api/v1/agencies/:code/supervision`, docs/supervision.md). */
import type { SupervisionOverview, SupervisionRow } from '../../contract/supervision.ts';
import { api } from './client.ts';

export type { SupervisionOverview, SupervisionRow };

export const supervisionApi = {
  overview: (root: string, year: number) =>
    api.call<SupervisionOverview>(`/api/v1/agencies/${encodeURIComponent(root)}/supervision?year=${year}`),
};
