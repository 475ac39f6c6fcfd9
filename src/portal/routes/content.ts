/**
 * The published content: home, the 政府信息公开 sections, 法定主动公开内容, item pages and annual
 * reports. What is dear and changes seldom is cached per server (see `PortalCaches`).
 */
import { z } from 'zod';
import { columnNote, columnNotes } from '../../db/queries/guide.ts';
import { listAgencyColumns, listItems } from '../../db/queries/items.ts';
import { documentsInForce } from '../../db/queries/registry.ts';
import { findVersion, listVersions } from '../../db/queries/report-versions.ts';
import { STATUTORY_CATEGORIES } from '../../domain/items/categories.ts';
import { AppError } from '../../errors.ts';
import { frozenReport } from '../../server/presenters/version-json.ts';
import { type AgencySummary, findAgency, listAgencies } from '../../server/queries/agencies.ts';
import { agencyCode, decimal, reportParams, rowId } from '../../server/routes/schemas.ts';
import type { RouteOptions } from '../../server/routes/types.ts';
import { pageContext } from '../context.ts';
import { HOME_AGENCIES_MAX, topLevelAgencies } from '../directory.ts';
import { pageCount, pageRedirect, requestedPage } from '../paging.ts';
import { categoryCounts, latestItems, policiesWithInterpretations } from '../queries/catalog.ts';
import { directoryAgencies } from '../queries/directory.ts';
import { loadItemPage, publishedItemHead } from '../queries/item-page.ts';
import { loadNormativeDocument } from '../queries/normative-document.ts';
import { renderCatalogIndex, renderCatalogList } from '../views/catalog.ts';
import { renderHome } from '../views/home.ts';
import { renderItemContent, renderItemPage } from '../views/item.ts';
import { renderInForceList } from '../views/normative.ts';
import { renderNormativeDocument } from '../views/normative-document.ts';
import { renderReportList, renderReportPage, reportPageData } from '../views/reports.ts';
import {
  renderAgencyReports,
  renderAllSections,
  renderOnRequest,
  renderSectionIndex,
} from '../views/section.ts';
import type { PortalApp, PortalCaches } from './index.ts';
import { agencyOrNotFound, answerKeptPage, sendKeptPage, sendPage } from './shared.ts';

/** Items per page of a category list. */
export const versionQuery = z.object({
  version: decimal(z.number({ error: '版本号应为正整数' }).int().min(1).max(1000)).optional(),
});

export const CATALOG_PAGE_SIZE = 20;
/** Documents per page of the list of normative documents in force. */
export const NORMATIVE_PAGE_SIZE = 50;

const codeParams = z.object({ code: agencyCode });
const catalogQuery = z.object({
  category: z.enum(STATUTORY_CATEGORIES, { error: '公开类别应为 a20.1–a20.15 或 other' }).optional(),
  column: z.string().max(32, { error: '子栏目代码最长 32 个字符' }).optional(),
  // read by requestedPage (paging.ts): a page that is not there is a redirect, never a 400
  page: z.union([z.string(), z.array(z.string())]).optional(),
});

/** Registers the content pages. */
export function contentPages(app: PortalApp, { db, clock }: RouteOptions, caches: PortalCaches): void {
  // A province's pages list the top of its agency tree (views/agencies.ts renderAgencyList); a small site, every agency.
  const topCodesOf = async (agencies: readonly AgencySummary[]): Promise<string[] | undefined> =>
    agencies.length > HOME_AGENCIES_MAX
      ? topLevelAgencies(await caches.directory.get('all', () => directoryAgencies(db))).map((a) => a.code)
      : undefined;
  // the pages kept whole (page-cache.ts) are answered before their validation and handler
  const kept = answerKeptPage(caches.pages);

  app.get('/', { onRequest: kept }, (request, reply) =>
    sendKeptPage(request, reply, caches.pages, async (context) => {
      const data = await caches.home.get('home', async () => {
        const agencies = await listAgencies(db);
        return {
          agencies,
          topCodes: await topCodesOf(agencies),
          latest: await latestItems(db, { limit: 10 }),
          policies: await policiesWithInterpretations(db, { limit: 6 }),
        };
      });
      return renderHome(data, context);
    }),
  );

  app.get('/gongkai', async (request, reply) => {
    const agencies = await caches.agencies.get('all', () => listAgencies(db));
    return sendPage(reply, renderAllSections(agencies, await topCodesOf(agencies), pageContext(request)));
  });

  app.get('/agencies/:code/gongkai', { schema: { params: codeParams } }, async (request, reply) => {
    const agency = await agencyOrNotFound(db, caches, request.params.code);
    const latest = await latestItems(db, { agencyId: agency.id, limit: 10 });
    return sendPage(reply, renderSectionIndex(agency, latest, pageContext(request)));
  });

  app.get(
    '/agencies/:code/gongkai/on-request',
    { schema: { params: codeParams } },
    async (request, reply) => {
      const agency = await agencyOrNotFound(db, caches, request.params.code);
      return sendPage(reply, renderOnRequest(agency, pageContext(request)));
    },
  );

  app.get('/agencies/:code/gongkai/reports', { schema: { params: codeParams } }, async (request, reply) => {
    const agency = await agencyOrNotFound(db, caches, request.params.code);
    const years = (await findAgency(db, agency.code))?.reportYears ?? [];
    return sendPage(reply, renderAgencyReports(agency, years, pageContext(request)));
  });

  // not cached: a repeal or an amendment shows at once (one indexed query)
  app.get(
    '/agencies/:code/gongkai/normative',
    { schema: { params: codeParams, querystring: catalogQuery.pick({ page: true }) } },
    async (request, reply) => {
      const agency = await agencyOrNotFound(db, caches, request.params.code);
      const raw = request.query.page;
      const asked = requestedPage(raw);
      const page = asked ?? 1;
      const on = clock.today();
      const offset = (page - 1) * NORMATIVE_PAGE_SIZE;
      const found = await documentsInForce(db, agency.id, on, { limit: NORMATIVE_PAGE_SIZE, offset });
      const moved = pageRedirect(request.url, raw, asked, pageCount(found.total, NORMATIVE_PAGE_SIZE));
      if (moved) return reply.redirect(moved, 303);
      const listing = { on, rows: found.items, total: found.total, page, pageSize: NORMATIVE_PAGE_SIZE };
      return sendPage(reply, renderInForceList(agency, listing, pageContext(request)));
    },
  );

  app.get(
    '/agencies/:code/gongkai/normative/:id',
    { schema: { params: codeParams.extend({ id: rowId('文件编号') }) } },
    async (request, reply) => {
      const agency = await agencyOrNotFound(db, caches, request.params.code);
      const page = await loadNormativeDocument(db, agency.id, request.params.id);
      if (!page) throw new AppError('not_found', '未找到该规范性文件，请从现行有效规范性文件目录中选择。');
      return sendPage(reply, renderNormativeDocument(agency, page, pageContext(request)));
    },
  );

  app.get(
    '/agencies/:code/gongkai/catalog',
    { schema: { params: codeParams, querystring: catalogQuery }, onRequest: kept },
    (request, reply) =>
      sendKeptPage(request, reply, caches.pages, async (context) => {
        const agency = await agencyOrNotFound(db, caches, request.params.code);
        const columns = await caches.columns.get(String(agency.id), () => listAgencyColumns(db, agency.id));
        const { category, column } = request.query;
        const raw = request.query.page;
        const asked = requestedPage(raw);
        const page = asked ?? 1;
        if (!category) {
          const counts = await caches.counts.get(String(agency.id), () => categoryCounts(db, agency.id));
          const notes = await columnNotes(db.kysely, agency.id);
          return renderCatalogIndex(agency, counts, columns, context, notes);
        }
        const chosen = column ? columns.find((c) => c.code === column && c.category === category) : undefined;
        if (column && !chosen) throw new AppError('not_found', `该类别下没有代码为 ${column} 的子栏目。`);
        const offset = (page - 1) * CATALOG_PAGE_SIZE;
        const key = `${agency.id}:${category}:${column ?? ''}:${page}`;
        const found = await caches.listings.get(key, () =>
          listItems(db, agency.id, {
            publishedOnly: true,
            category,
            column,
            limit: CATALOG_PAGE_SIZE,
            offset,
          }),
        );
        const moved = pageRedirect(request.url, raw, asked, pageCount(found.total, CATALOG_PAGE_SIZE));
        if (moved) return { redirect: moved };
        // an empty column says why (its 备注说明), else 暂无信息
        const note =
          found.total > 0
            ? ''
            : chosen
              ? await columnNote(db.kysely, agency.id, 'column', chosen.code)
              : await columnNote(db.kysely, agency.id, 'category', category);
        const listing = {
          category,
          column: chosen,
          note,
          rows: found.rows,
          total: found.total,
          page,
          pageSize: CATALOG_PAGE_SIZE,
        };
        return renderCatalogList(agency, listing, columns, context);
      }),
  );

  app.get(
    '/agencies/:code/items/:id',
    {
      schema: {
        params: codeParams.extend({
          id: rowId('信息编号'),
        }),
      },
      onRequest: kept,
    },
    (request, reply) =>
      sendKeptPage(request, reply, caches.pages, async (context) => {
        const agency = await agencyOrNotFound(db, caches, request.params.code);
        const missing = () => new AppError('not_found', '未找到该信息，它可能尚未发布或已撤回。');
        const head = await caches.heads.get(`${agency.id}:${request.params.id}`, () =>
          publishedItemHead(db, agency.id, request.params.id),
        );
        if (!head) throw missing();
        const content = await caches.items.get(`${head.id}:${head.version}`, async () => {
          const loaded = await loadItemPage(db, agency.id, head.id);
          if (!loaded) throw missing();
          return renderItemContent(agency, loaded.found, loaded.related);
        });
        return renderItemPage(agency, head, content, context);
      }),
  );

  app.get('/reports', async (request, reply) => {
    // a retired agency's published reports stay public
    const agencies = await caches.agencies.get('with-retired', () => listAgencies(db, { withRetired: true }));
    return sendPage(reply, renderReportList(agencies, pageContext(request)));
  });

  app.get(
    '/agencies/:code/reports/:year',
    { schema: { params: reportParams, querystring: versionQuery } },
    async (request, reply) => {
      const { code, year } = request.params;
      const agency = await agencyOrNotFound(db, caches, code);
      const versions = await listVersions(db, agency.id, year);
      const wanted = request.query.version ?? versions.at(-1)?.version;
      const chosen = versions.find((v) => v.version === wanted);
      if (!chosen)
        throw new AppError(
          'not_found',
          versions.length === 0 ? `${year} 年度报告尚未发布。` : `${year} 年度报告没有第 ${wanted} 版。`,
        );
      // a published version never changes: its rendering is cached by its number
      const page = await caches.reports.get(`${code}:${year}:${chosen.version}`, async () => {
        const row = await findVersion(db, agency.id, year, chosen.version);
        if (!row) throw new AppError('not_found', `${year} 年度报告尚未发布。`);
        return reportPageData(frozenReport(row), chosen.version);
      });
      return sendPage(reply, renderReportPage(page, versions, pageContext(request)));
    },
  );
}
