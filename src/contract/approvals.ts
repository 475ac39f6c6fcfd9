/**
 * The contract of requests for approval (提请审批, domain/requests/approvals.ts): the operator's
 * request on a case, the approver's return, the 待审批 list and a request as the API shows it.
 */
import { z } from 'zod';
import { APPROVABLE_ACTIONS, APPROVAL_STATES, APPROVAL_TEXT_MAX } from '../domain/requests/approvals.ts';
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
  requestId: z.number().int(),
  registrationNo: z.string().nullable(),
  information: z.string().nullable(),
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

export const approvalApprovedSchema = approvalRequestedSchema.extend({
  version: z.number().int().describe('the case’s version after the action'),
  state: z.string(),
  eventId: z.number().int().describe('the action’s case event'),
});

export const approvalReturnedSchema = z.object({ approvalId: z.number().int(), requestId: z.number().int() });
