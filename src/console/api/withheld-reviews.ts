/** 条例 第十八条's yearly review of information withheld under 第十六条 (docs/requests.md). */
import type {
  WithheldReviewEntryView,
  WithheldReviewInput,
  WithheldReviewList,
} from '../../contract/withheld-reviews.ts';
import { api } from './client.ts';

export type { WithheldReviewEntryView, WithheldReviewInput, WithheldReviewList };

const base = (agency: string, year: number) =>
  `/api/v1/agencies/${encodeURIComponent(agency)}/withheld-reviews/${year}`;

export const withheldReviewsApi = {
  list: (agency: string, year: number) => api.call<WithheldReviewList>(base(agency, year)),
  decide: (agency: string, year: number, body: WithheldReviewInput) =>
    api.call<WithheldReviewEntryView>(`${base(agency, year)}/decisions`, { method: 'POST', body }),
};
