/** Response schemas of the registry routes (they are also the OpenAPI document). */
import { z } from 'zod';
import { DOCUMENT_STATUSES, REVIEW_DECISIONS } from '../domain/registry/lifecycle.ts';
import { NORMATIVE_KINDS } from '../domain/report/vocabulary.ts';
import { agencyCode, decimal, errorBody, rowId } from './common.ts';

/** The error responses of the staff routes. */
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const kind = z
  .enum(NORMATIVE_KINDS, { error: '“文件类型”应为 regulation（规章）或 normative（行政规范性文件）' })
  .optional();
export const paging = {
  limit: decimal(z.number({ error: '每页条数应为1到500之间的整数' }).int().min(1).max(500)).default(100),
  offset: decimal(z.number({ error: '起始位置应为0或正整数' }).int().min(0)).default(0),
};
export const documentParams = z.object({
  code: agencyCode,
  id: rowId('文件编号'),
});
export const yearParams = z.object({
  code: agencyCode,
  year: decimal(
    z
      .number({ error: '年度应为四位年份' })
      .int({ error: '年度应为四位年份' })
      .min(1990, { error: '年度应为四位年份' })
      .max(2999, { error: '年度应为四位年份' }),
  ),
});

export const registryDocumentSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NORMATIVE_KINDS),
  kindLabel: z.string().describe('规章 or 行政规范性文件'),
  docNumber: z.string().describe('文号'),
  title: z.string(),
  issuer: z.string().describe('发文机关'),
  issuedOn: z.string(),
  repealedOn: z.string().nullable().describe('the day it stopped being in force: repealed, or superseded'),
  repealedBy: z.string().nullable().describe('the repealing document'),
  status: z.enum(DOCUMENT_STATUSES),
  statusLabel: z.string(),
  version: z.number().int(),
  supersedesId: z.number().int().nullable().describe('the version this one amends'),
  supersededById: z.number().int().nullable().describe('the version that amends this one'),
  itemId: z.number().int().nullable().describe('the published item carrying the text'),
});

export const documentPageSchema = z.object({
  total: z.number().int(),
  items: z.array(registryDocumentSchema),
});

export const inForceSchema = documentPageSchema.extend({ on: z.string().describe('the day asked about') });

export const historySchema = z.object({
  versions: z.array(registryDocumentSchema).describe('oldest first'),
  events: z.array(
    z.object({
      id: z.number().int(),
      documentId: z.number().int(),
      type: z.string(),
      actor: z.string(),
      actorName: z.string().describe('who, by name (姓名)'),
      at: z.string(),
      data: z.unknown(),
    }),
  ),
});

export const reviewPassSchema = z.object({
  year: z.number().int(),
  decisions: z.array(
    z.object({
      reviewId: z.number().int(),
      decision: z.enum(REVIEW_DECISIONS),
      decisionLabel: z.string(),
      note: z.string(),
      reviewedOn: z.string(),
      actor: z.string(),
      actorName: z.string().describe('who decided, by name (姓名)'),
      resultDocumentId: z.number().int().nullable(),
      document: registryDocumentSchema,
    }),
  ),
  pending: z.array(registryDocumentSchema).describe('in force, issued by the year’s end, no decision yet'),
  counts: z.object({
    kept: z.number().int(),
    amended: z.number().int(),
    repealed: z.number().int(),
    pending: z.number().int(),
  }),
});

export const recordedSchema = z.object({
  year: z.number().int(),
  recorded: z.array(
    z.object({
      reviewId: z.number().int(),
      documentId: z.number().int(),
      decision: z.enum(REVIEW_DECISIONS),
      resultDocumentId: z.number().int().nullable(),
    }),
  ),
});
