/**
 * What a supervisor (政务公开办, a subtree scope: domain/accounts/actor.ts) may do in the agencies
 * below them (issue 15, docs/supervision.md): read, never act. The access gate (src/server/access.ts)
 * admits a supervisor over the route's agency to the agency's staff reads — routes that declare
 * `policy: 'staff'` and are GETs — except the ones listed here; every write, and every read that
 * needs a role of the agency's own (the event log: `events/view_log`), stays refused (403). A
 * supervisor of another subtree is refused everything (rolesIn covers only their own subtree).
 */
import { type Actor, type AgencyNode, rolesIn, SUPERVISOR_ROLE } from '../accounts/actor.ts';
import { allows, isPolicyVerb } from '../policies.ts';

/**
 * Staff reads a supervisor does not get, each with its reason: the agency's own staff accounts,
 * and the files applicants uploaded (copies of identity documents among them: a supervisor reviews
 * how a case was handled, from its record and letters, and needs no applicant's documents).
 */
export const SUPERVISOR_HIDDEN_READS: Readonly<Record<string, string>> = {
  '/api/v1/agencies/:code/users': 'the agency’s staff accounts are its own administrators’ business',
  '/api/v1/agencies/:code/users/:username': 'the agency’s staff accounts',
  '/api/v1/agencies/:code/requests/:id/attachments/:attachmentId':
    'files applicants uploaded (identity documents among them)',
};

/** Whether the actor supervises the agency: a supervisor scope on it or on one of its ancestors. */
export function supervises(actor: Actor, agency: AgencyNode): boolean {
  return rolesIn(actor, agency).includes(SUPERVISOR_ROLE);
}

/**
 * Whether a supervisor over the route's agency may call the route (`policy`: the route's declared
 * policy when it is a name; a policy worked out per request is never a read's): a GET that any staff role of
 * the agency may call (`policy: 'staff'`) or whose verb's table grants the supervisor (网站自查's
 * `inspection/view`, 政务新媒体's `new_media/view`), not one of the hidden reads.
 */
export function supervisorMayRead(method: string, url: string, policy: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (SUPERVISOR_HIDDEN_READS[url] !== undefined || policy === undefined) return false;
  if (policy === 'staff') return true;
  return isPolicyVerb(policy) && allows({ username: '', roles: [SUPERVISOR_ROLE] }, policy);
}

/** The refusal of the supervision pages to anyone not supervising the agency, said to the person signed in. */
export const SUPERVISOR_ONLY =
  '该页面供监督人员（政务公开办）查看本机关及下级机关的情况，您在该机关没有“监督人员”角色；如需开通，请联系平台管理员。';
