/**
 * 提请审批 (issue 13; domain/requests/approvals.ts): the 经办人 puts an action they may not take alone
 * (the extension: 条例 第三十三条第二款 “经政府信息公开工作机构负责人同意”) to the 审批负责人, who approves
 * it (the action is taken, as the approver, in the same transaction) or returns it with a reason.
 * An item's 发布 is the 审批负责人's (签发): the operator asks with `…/items/:id/approval-requests`
 * and the same approve/return decide it (the approval publishes the item as the approver).
 * The 待审批 list is read by every staff member of the agency (the 工作台, the queue's filter).
 */
import { z } from 'zod';
import { requestItemApproval } from '../../../commands/items/item-approvals.ts';
import { approveRequest } from '../../../commands/requests/approve-request.ts';
import { requestApproval } from '../../../commands/requests/request-approval.ts';
import { returnApproval } from '../../../commands/requests/return-approval.ts';
import {
  approvalApprovedSchema,
  approvalListQuery,
  approvalListSchema,
  approvalParams,
  approvalRequestedSchema,
  approvalReturnedSchema,
  itemApprovalRequestedSchema,
  requestApprovalBody,
  requestItemApprovalBody,
  returnApprovalBody,
} from '../../../contract/approvals.ts';
import { listApprovalRequests } from '../../../db/queries/approval-requests.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { itemParams } from '../items/items-schemas.ts';
import { agencyCode, caseParams, errorBody, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const approvalRequestRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    '/api/v1/agencies/:code/requests/:id/approval-requests',
    {
      config: { policy: 'requests/request_approval' },
      schema: {
        tags: ['requests'],
        summary:
          '提请审批: put a case action the operator may not take alone (extend, 条例 第三十三条第二款) to the approver',
        description:
          'The action’s fields are checked now as the action checks them; the case’s state must allow the action; a second pending request for the same action on the case is refused (409). The case event requests.approval_requested; the case’s state is unchanged.',
        params: caseParams,
        body: requestApprovalBody,
        response: { 201: approvalRequestedSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = commandContext(request, { db, calendars, clock });
      const requested = await requestApproval(ctx, {
        agencyId: agencyOf(request).id,
        requestId: request.params.id,
        ...request.body,
      });
      return reply.code(201).send(requested);
    },
  );

  app.post(
    '/api/v1/agencies/:code/items/:id/approval-requests',
    {
      config: { policy: 'items/request_approval' },
      schema: {
        tags: ['items'],
        summary: '提请签发发布: the operator asks the approver to publish an item that passed its 保密审查',
        description:
          '发布 is the 审批负责人’s (签发). The item must be 审查通过待发布; a second pending request for the item is refused (409). The item event items.approval_requested; the item is unchanged. Approved with …/approval-requests/:approvalId/approve (the item is published as the approver).',
        params: itemParams,
        body: requestItemApprovalBody,
        response: { 201: itemApprovalRequestedSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = commandContext(request, { db, calendars, clock });
      const requested = await requestItemApproval(ctx, {
        agencyId: agencyOf(request).id,
        itemId: request.params.id,
        ...request.body,
      });
      return reply.code(201).send(requested);
    },
  );

  app.get(
    '/api/v1/agencies/:code/approval-requests',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['requests'],
        summary:
          'The agency’s requests for approval (提请审批), newest first; `state=pending` is the 待审批 list',
        params: z.object({ code: agencyCode }),
        querystring: approvalListQuery,
        response: { 200: approvalListSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => ({
      approvals: await listApprovalRequests(db.kysely, agencyOf(request).id, { state: request.query.state }),
    }),
  );

  app.post(
    '/api/v1/agencies/:code/approval-requests/:approvalId/approve',
    {
      config: { policy: 'requests/decide_approval' },
      schema: {
        tags: ['requests'],
        summary: 'Approve a request for approval: the action is taken as the approver, in one transaction',
        description:
          'A case’s: the case event of the action (requests.extended and its letter) and requests.approval_granted. An item’s: the item is published as the approver (items.published, items.approval_granted). The action’s own checks still apply (nothing is written when it is refused). 409 when already decided.',
        params: approvalParams,
        response: { 200: approvalApprovedSchema, ...writeErrors },
      },
    },
    async (request) =>
      approveRequest(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        approvalId: request.params.approvalId,
      }),
  );

  app.post(
    '/api/v1/agencies/:code/approval-requests/:approvalId/return',
    {
      config: { policy: 'requests/decide_approval' },
      schema: {
        tags: ['requests'],
        summary:
          'Return a request for approval with the reason (requests.approval_returned, or items.approval_returned: the item stays approved)',
        params: approvalParams,
        body: returnApprovalBody,
        response: { 200: approvalReturnedSchema, ...writeErrors },
      },
    },
    async (request) =>
      returnApproval(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        approvalId: request.params.approvalId,
        reason: request.body.reason,
      }),
  );
};
