/**
 * The contract of requests for approval (提请审批, domain/requests/approvals.ts): the operator's
 * request on a case or an item (提请签发发布), the approver's return, the 待审批 list and a request as
 * the API shows it.
 */
import { z } from 'zod';
import {
  APPROVABLE_ACTIONS,
  APPROVABLE_ITEM_ACTIONS,
  APPROVAL_STATES,
  APPROVAL_TEXT_MAX,
} from '../domain/requests/approvals.ts';
import { agencyCode, rowId } from './common.ts';
import { caseVersion } from './request-inputs.ts';

const text = (label: string) =>
  z
    .string({ error: `“${label}”应为文字` })
    .max(APPROVAL_TEXT_MAX, { error: `“${label}”不能超过${APPROVAL_TEXT_MAX}个字，请精简后再提交` });

/** `POST …/requests/:id/approval-requests`: what to approve (the action and its fields) and why. */
export const requestApprovalBody = z.object({
  expectedVersion: caseVersion.optional(),
  action: z
    .string({ error: '请选择提请审批的事项' })
    .describe(`the case action to approve: ${APPROVABLE_ACTIONS.join(' | ')}`),
  payload: z
    .record(z.string(), z.unknown(), { error: '“办理内容”应为对象' })
    .default({})
    .describe('the action’s fields as proposed (extend: days, reason), checked as the action checks them'),
  reason: text('提请说明').optional().describe('why; the action’s own reason when left out'),
});

/** `POST …/items/:id/approval-requests`: 提请签发发布 of an item that passed its 保密审查, and why. */
export const requestItemApprovalBody = z.object({
  expectedVersion: z
    .number({ error: '版本号应为您看到的版本号（整数）' })
    .int({ error: '版本号应为整数' })
    .min(1, { error: '版本号应为正整数' })
    .optional()
    .describe('the item’s version you saw; a later change by someone else gives 409'),
  action: z
    .string({ error: '请选择提请审批的事项' })
    .default('publish')
    .describe(`the item action to approve: ${APPROVABLE_ITEM_ACTIONS.join(' | ')} (签发发布)`),
  reason: text('提请说明').optional().describe('why; “该信息已通过保密审查，提请签发发布。” when left out'),
});

export const itemApprovalRequestedSchema = z.object({
  approvalId: z.number().int(),
  itemId: z.number().int(),
  action: z.string(),
});

/** `POST …/approval-requests/:approvalId/return`: why it is returned. */
export const returnApprovalBody = z.object({
  reason: text('退回理由').optional().describe('required: why the request is returned'),
});

export const approvalParams = z.object({ code: agencyCode, approvalId: rowId('提请审批编号') });

export const approvalListQuery = z.object({
  state: z
    .enum(APPROVAL_STATES, { error: '“状态”应为 pending（待审批）、approved（已批准）或 returned（已退回）' })
    .optional()
    .describe('only requests for approval in this state (default: all)'),
});

export const approvalRequestSchema = z.object({
  id: z.number().int(),
  subjectType: z.enum(['request', 'item']).describe('a case’s action, or an item’s 发布 (签发)'),
  requestId: z.number().int().nullable().describe('the case (null for an item’s request)'),
  registrationNo: z.string().nullable(),
  information: z.string().nullable(),
  itemId: z.number().int().nullable().describe('the item (null for a case’s request)'),
  itemTitle: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  payload: z.record(z.string(), z.unknown()),
  reason: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string().describe('the asker’s name (姓名)'),
  requestedAt: z.string(),
  state: z.enum(APPROVAL_STATES),
  stateLabel: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable().describe('the approver’s name (姓名)'),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
});

export const approvalListSchema = z.object({ approvals: z.array(approvalRequestSchema) });

export const approvalRequestedSchema = z.object({
  approvalId: z.number().int(),
  requestId: z.number().int(),
  action: z.string(),
});

export const approvalApprovedSchema = z.object({
  approvalId: z.number().int(),
  requestId: z.number().int().nullable(),
  itemId: z.number().int().nullable(),
  action: z.string(),
  version: z.number().int().describe('the case’s (or the item’s) version after the action'),
  state: z.string(),
  eventId: z.number().int().describe('the action’s event (the case’s, or the item’s items.published)'),
});

export const approvalReturnedSchema = z.object({
  approvalId: z.number().int(),
  requestId: z.number().int().nullable(),
  itemId: z.number().int().nullable(),
});
