/**
 * 发布前自查 (docs/screening.md): an item's findings and screenings, the agency's 错敏词 list and its
 * bodies. The approve body's confirmation is in item-inputs.ts (itemActionBodies.approve).
 */
import { z } from 'zod';
import { FINDING_KINDS } from '../domain/items/screening.ts';
import { agencyCode, rowId } from './common.ts';

export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  where: z.enum(['title', 'body', 'attachment']),
  attachment: z.string().optional(),
  match: z.string().describe('the match; personal data masked'),
  before: z.string(),
  after: z.string(),
  offset: z.number().int(),
  suggestion: z.string(),
  note: z.string().optional(),
});

const unscreenedSchema = z.object({ fileName: z.string(), reason: z.string() });

export const itemScreeningSchema = z.object({
  id: z.number().int(),
  stage: z.string().describe('`submitted` (送保密审查) or `review` (保密审查通过)'),
  screenedAt: z.string(),
  screenedBy: z.string(),
  screenedByName: z.string(),
  findings: z.array(findingSchema),
  unscreened: z.array(unscreenedSchema),
  confirmedBy: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmNote: z.string().nullable(),
  eventId: z.number().int().nullable(),
});

/** `GET …/items/:id/screening`: the item screened now, and the screenings kept. */
export const itemScreeningResponse = z.object({
  current: z.object({
    findings: z.array(findingSchema),
    unscreened: z.array(unscreenedSchema),
  }),
  history: z.array(itemScreeningSchema),
});

export const screeningWordSchema = z.object({
  id: z.number().int(),
  word: z.string(),
  correction: z.string().nullable(),
  note: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const screeningWordsResponse = z.object({
  words: z.array(screeningWordSchema),
  builtin: z.array(z.object({ word: z.string(), correction: z.string().nullable(), note: z.string() })),
});

/** `POST …/screening-words`. */
export const screeningWordBody = z.object({
  word: z.string({ error: '请填写错敏词' }).max(50, { error: '“错敏词”最长 50 个字' }),
  correction: z.string().max(50, { error: '“正确写法”最长 50 个字' }).nullable().optional(),
  note: z.string().max(200, { error: '“说明”最长 200 个字' }).default(''),
});

export const screeningWordParams = z.object({ code: agencyCode, wordId: rowId('错敏词编号') });
