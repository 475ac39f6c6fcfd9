/** `GET /api/v1/search`: full-text search of published items (主动公开), public. */
import { z } from 'zod';
import { publicSearch } from '../../../search/public-search.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, decimal, errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;

const searchQuerystring = z.object({
  q: z.string().max(200, { error: '检索词最长 200 个字符' }).default('').describe('检索词；"…" 为短语'),
  sort: z
    .enum(['relevance', 'date'], { error: '排序应为 relevance（相关度）或 date（日期）' })
    .optional()
    .describe('relevance (default) or date, newest first'),
  agency: agencyCode.optional(),
  category: z
    .string()
    .regex(/^(a20\.\d{1,2}|other)$/, { error: '类别应为 a20.1…a20.15 或 other' })
    .optional()
    .describe('第二十条 category, e.g. a20.1'),
  year: z
    .string()
    .regex(/^\d{4}$/, { error: '年份应为四位数字，如 2021' })
    .transform(Number)
    .optional()
    .describe('year published'),
  type: z
    .enum(['policy', 'interpretation', 'other'], { error: '文件类型应为 policy、interpretation 或 other' })
    .optional(),
  validity: z
    .enum(['valid', 'expired', 'repealed'], { error: '有效性应为 valid、expired 或 repealed' })
    .optional(),
  page: decimal(
    z
      .number({ error: '页码应为正整数' })
      .int({ error: '页码应为正整数' })
      .min(1, { error: '页码应为正整数' })
      .max(1000, { error: '页码最大为 1000' }),
  ).default(1),
});

const searchBody = z.object({
  total: z.number().int().describe('matching items (counted up to a cap, see totalCapped)'),
  totalCapped: z.boolean().describe('there are more matches than `total`'),
  partialTotal: z.number().int().describe('how many of `total` hold only some of the words (they come last)'),
  page: z.number().int(),
  pageSize: z.number().int(),
  hits: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      titleHtml: z.string().describe('the title, HTML-escaped, matches in <mark>'),
      snippetHtml: z.string().describe('a passage of the body, HTML-escaped, matches in <mark>'),
      score: z.number(),
      publishedOn: z.string(),
      partial: z
        .boolean()
        .describe('holds only some of the words (stop words such as 我想 怎么 的 left out)'),
    }),
  ),
});

export const searchRoutes: RouteModule = async (app, { db }) => {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search published items (title matches and recent items first)',
        querystring: searchQuerystring,
        response: { 200: searchBody, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { q, agency, category, year, type, validity, sort, page } = request.query;
      const result = await publicSearch(db, {
        text: q,
        agency,
        category,
        year,
        documentType: type,
        validity,
        sort,
        limit: SEARCH_PAGE_SIZE,
        offset: (page - 1) * SEARCH_PAGE_SIZE,
      });
      if (!result) throw new AppError('not_found', `未找到机关代码为 ${agency} 的机关，请检查后重试。`);
      return {
        total: result.total,
        totalCapped: result.totalCapped ?? false,
        partialTotal: result.partialTotal ?? 0,
        page,
        pageSize: SEARCH_PAGE_SIZE,
        hits: result.hits.map((hit) => ({ ...hit, partial: hit.partial ?? false })),
      };
    },
  );
};
