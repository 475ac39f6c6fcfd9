/**
 * 政务新媒体 (issue 15, docs/new-media.md): the agency's accounts with their postings and silence
 * (every staff role reads), registered, edited, closed (关停), cancelled (注销) and reopened by the
 * agency's administrator; a year's statistics.
 */
import { z } from 'zod';
import { cancelAccount } from '../../../commands/new-media/cancel-account.ts';
import { closeAccount } from '../../../commands/new-media/close-account.ts';
import { editAccount } from '../../../commands/new-media/edit-account.ts';
import { registerAccount } from '../../../commands/new-media/register-account.ts';
import { reopenAccount } from '../../../commands/new-media/reopen-account.ts';
import {
  accountActionBody,
  accountDetailSchema,
  accountListSchema,
  accountParams,
  accountSchema,
  editAccountBody,
  registerAccountBody,
  statisticsSchema,
  yearQuery,
} from '../../../contract/new-media.ts';
import {
  accountEvents,
  accountStatistics,
  findAccount,
  listAccounts,
} from '../../../db/queries/new-media.ts';
import { ACCOUNT_ACTION_LABELS, ACCOUNT_ACTIONS } from '../../../domain/new-media/accounts.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, errorBody, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const TAGS = ['new-media'];
const BASE = '/api/v1/agencies/:code/new-media';
const STEPS = { close: closeAccount, cancel: cancelAccount, reopen: reopenAccount };

export const newMediaRoutes: RouteModule = async (app, options) => {
  const { db, clock } = options;
  /** today in China, and the year asked (default this year) */
  const day = (year: number | undefined) => {
    const today = clock.today();
    return { today, year: year ?? Number(today.slice(0, 4)) };
  };

  app.get(
    BASE,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: "The agency's accounts: postings (all, and the year's), last posting, silence today (staff)",
        params: z.object({ code: agencyCode }),
        querystring: yearQuery,
        response: { 200: accountListSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => {
      const when = day(request.query.year);
      const accounts = await listAccounts(db, agencyOf(request).id, when);
      const count = (level: string) => accounts.filter((a) => a.silence.level === level).length;
      return { ...when, accounts, alarms: { warning: count('warning'), overdue: count('overdue') } };
    },
  );

  app.post(
    BASE,
    {
      config: { policy: 'new_media/manage' },
      schema: {
        tags: TAGS,
        summary: '登记: a new account; its channel linked or created (agency administrator)',
        params: z.object({ code: agencyCode }),
        body: registerAccountBody,
        response: { 201: accountSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const input = { agencyId: agencyOf(request).id, account: request.body };
      return reply.code(201).send(await registerAccount(commandContext(request, options), input));
    },
  );

  app.get(
    `${BASE}/stats`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary:
          "A year's 政务新媒体 statistics: accounts per platform, opened, closed, cancelled, postings (staff)",
        params: z.object({ code: agencyCode }),
        querystring: yearQuery,
        response: { 200: statisticsSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => accountStatistics(db, agencyOf(request).id, day(request.query.year).year),
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'One account with its postings, silence and events (staff)',
        params: accountParams,
        querystring: yearQuery,
        response: { 200: accountDetailSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const when = day(request.query.year);
      const account = await findAccount(db, agencyId, request.params.id, when);
      if (!account) throw new AppError('not_found', `未找到编号为 ${request.params.id} 的政务新媒体账号。`);
      return { ...when, account, events: await accountEvents(db, agencyId, account.id) };
    },
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { policy: 'new_media/manage' },
      schema: {
        tags: TAGS,
        summary: '修改: change an account’s fields at the version seen (agency administrator)',
        params: accountParams,
        body: editAccountBody,
        response: { 200: accountSchema, ...writeErrors },
      },
    },
    async (request) =>
      editAccount(commandContext(request, options), {
        agencyId: agencyOf(request).id,
        accountId: request.params.id,
        changes: request.body,
      }),
  );

  for (const action of ACCOUNT_ACTIONS)
    app.post(
      `${BASE}/:id/actions/${action}`,
      {
        config: { policy: 'new_media/manage' },
        schema: {
          tags: TAGS,
          summary: `${ACCOUNT_ACTION_LABELS[action]} (${action}) an account on a day (agency administrator)`,
          params: accountParams,
          body: accountActionBody,
          response: { 200: accountSchema, ...writeErrors },
        },
      },
      async (request) =>
        STEPS[action](commandContext(request, options), {
          agencyId: agencyOf(request).id,
          accountId: request.params.id,
          step: request.body,
        }),
    );
};
