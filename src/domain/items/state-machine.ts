/**
 * The life of a proactively disclosed item (主动公开): drafted, reviewed for secrets before
 * publication (保密审查, 条例第十七条), published, withdrawn. Pure and table-driven: which action is
 * allowed from which state, where it leads, and who may take it.
 */

import { can, type PolicyTable, roleRefusal, rolesNeeded } from '../accounts/policy-table.ts';

export const ITEM_STATES = ['draft', 'in_review', 'approved', 'published', 'withdrawn'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  draft: '草稿',
  in_review: '保密审查中',
  approved: '审查通过待发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/** The result of an item's 保密审查 (条例第十七条), as the item page shows it. */
export const ITEM_REVIEW_RESULT_LABELS: Record<'approved' | 'rejected' | 'pending', string> = {
  approved: '通过',
  rejected: '退回',
  pending: '审查中',
};

export const ITEM_ACTIONS = [
  'edit',
  'attach',
  'detach',
  'submit',
  'approve',
  'reject',
  'publish',
  'withdraw',
  'post',
  'link',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export const ITEM_ACTION_LABELS: Record<ItemAction, string> = {
  edit: '修改内容',
  attach: '上传附件',
  detach: '删除附件',
  submit: '送保密审查',
  approve: '保密审查通过',
  reject: '保密审查退回',
  publish: '发布',
  withdraw: '撤回',
  post: '登记其他渠道发布',
  link: '关联政策文件与解读',
};

/**
 * Every allowed move as [from, to]. A change of content after approval voids the review (back to
 * draft: what was reviewed is no longer what would be published); a published item may be
 * corrected in place (the change is recorded before → after and the search index follows).
 */
export const TRANSITIONS: Record<ItemAction, ReadonlyArray<readonly [ItemState, ItemState]>> = {
  edit: [
    ['draft', 'draft'],
    ['approved', 'draft'],
    ['published', 'published'],
  ],
  attach: [
    ['draft', 'draft'],
    ['approved', 'draft'],
    ['published', 'published'],
  ],
  detach: [
    ['draft', 'draft'],
    ['approved', 'draft'],
    ['published', 'published'],
  ],
  submit: [['draft', 'in_review']],
  approve: [['in_review', 'approved']],
  reject: [['in_review', 'draft']],
  publish: [['approved', 'published']],
  withdraw: [['published', 'withdrawn']],
  post: [['published', 'published']],
  link: [
    ['draft', 'draft'],
    ['in_review', 'in_review'],
    ['approved', 'approved'],
    ['published', 'published'],
  ],
};

/**
 * 三审: the 经办人 (operator) drafts, the 保密审查员 (reviewer) reviews (条例第十七条), the 审批负责人
 * (approver) 签发 — 发布 is theirs. An operator asks for it (`request_approval`, 提请审批 of the item:
 * domain/requests/approvals.ts) and the approver publishes from the 工作台 or the item page.
 *
 * 条例 第十七条：“行政机关应当建立健全政府信息公开审查机制，明确审查的程序和责任。行政机关应当依照《中华人民共和国
 * 保守国家秘密法》以及其他法律、法规和国家有关规定对拟公开的政府信息进行审查。”
 */
export const ACTION_ROLES: PolicyTable<ItemVerb> = {
  create: ['operator'],
  edit: ['operator'],
  attach: ['operator'],
  detach: ['operator'],
  submit: ['operator'],
  approve: ['reviewer'],
  reject: ['reviewer'],
  publish: ['approver'],
  withdraw: ['operator'],
  post: ['operator'],
  link: ['operator'],
  request_approval: ['operator'],
};

/** What the items' policy table decides: each action, drafting (`create`), asking for 签发 (`request_approval`). */
export type ItemVerb = ItemAction | 'create' | 'request_approval';

/** What each verb that is not an action is, in the words of its refusal. */
const VERB_WORDS: Record<Exclude<ItemVerb, ItemAction>, string> = {
  create: '起草信息',
  request_approval: '提请签发发布',
};

export type ItemTransition = { ok: true; to: ItemState } | { ok: false; message: string };

/** Where an action leads from a state, or why it is refused (a Chinese sentence). */
export function transition(state: ItemState, action: ItemAction): ItemTransition {
  const move = TRANSITIONS[action].find(([from]) => from === state);
  if (move) return { ok: true, to: move[1] };
  const allowed = TRANSITIONS[action].map(([from]) => `“${ITEM_STATE_LABELS[from]}”`).join('或');
  return {
    ok: false,
    message: `该信息当前为“${ITEM_STATE_LABELS[state]}”，不能${ITEM_ACTION_LABELS[action]}；只有${allowed}的信息可以。`,
  };
}

/** The actions an item in this state allows (what the item page offers). */
export function allowedActions(state: ItemState): ItemAction[] {
  return ITEM_ACTIONS.filter((action) => TRANSITIONS[action].some(([from]) => from === state));
}

/** Who acts: a user name and the roles held in the item's agency. */
export interface ItemActor {
  username: string;
  roles: readonly string[];
}

/**
 * Why an actor may not take an action on an item drafted by `drafter`, or null when allowed. The
 * review is a second pair of eyes: the drafter may not review their own item, even with the role.
 */
export function refusalFor(action: ItemVerb, actor: ItemActor, drafter: string): string | null {
  if (!can(ACTION_ROLES, actor, action)) {
    const what =
      action === 'create' || action === 'request_approval' ? VERB_WORDS[action] : ITEM_ACTION_LABELS[action];
    return roleRefusal(what, rolesNeeded(ACTION_ROLES, action));
  }
  if ((action === 'approve' || action === 'reject') && actor.username === drafter) {
    return '保密审查应由起草人以外的人员进行：您是该信息的起草人，请交其他保密审查员审查。';
  }
  return null;
}
