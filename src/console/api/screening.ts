/** 发布前自查 (docs/screening.md): an item's findings and screenings, the agency's 错敏词 list. */
import type { z } from 'zod';
import type {
  findingSchema,
  itemScreeningResponse,
  screeningWordBody,
  screeningWordSchema,
  screeningWordsResponse,
} from '../../contract/screening.ts';
import { api } from './client.ts';

export type Finding = z.infer<typeof findingSchema>;
export type ItemScreening = z.infer<typeof itemScreeningResponse>;
export type ScreeningWord = z.infer<typeof screeningWordSchema>;

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const screeningApi = {
  /** the item screened now, and the screenings kept (newest first) */
  item: (agency: string, id: number) => api.call<ItemScreening>(`${base(agency)}/items/${id}/screening`),
  words: (agency: string) =>
    api.call<z.infer<typeof screeningWordsResponse>>(`${base(agency)}/screening-words`),
  addWord: (agency: string, body: z.input<typeof screeningWordBody>) =>
    api.call<ScreeningWord>(`${base(agency)}/screening-words`, { method: 'POST', body }),
  removeWord: (agency: string, id: number) =>
    api.call<null>(`${base(agency)}/screening-words/${id}`, { method: 'DELETE' }),
};
