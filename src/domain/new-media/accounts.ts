/**
 * 政务新媒体 (issue 15, docs/new-media.md): an agency's accounts on third-party platforms — the
 * platforms, an account's states and the steps between them (开设 → 关停 → 注销, 关停 → 恢复运营),
 * its 备案 status, and the checks of its fields with Chinese messages naming each field.
 *
 * 国务院办公厅关于推进政务新媒体健康有序发展的意见（国办发〔2018〕123号）asks that accounts be opened,
 * changed, closed (关停) and cancelled (注销) through the 政务公开 office and registered (备案); its text
 * on this was not found through the search tool (only its preamble, e.g. https://minibeng.com/xxgk/
 * xxgkzdly/zdlyxgzc/content/post_46789.html): 「一些政务新媒体还存在功能定位不清晰、信息发布不严谨、
 * 建设运维不规范、监督管理不到位等突出问题，“僵尸”、“睡眠”……等现象时有发生」. Local rules that
 * carry it out list the same four steps, e.g. 自贡市政务新媒体管理办法（自府办函〔2021〕62号）第四条:
 * 「……做好政务新媒体开设、变更、注销、关停的登记备案等工作」.
 *
 * Pure: no I/O, no clock (today is passed in).
 */
import { isIsoDate } from '../dates.ts';
import { type Closure, closureOn, operatingSince } from './periods.ts';

/** The platforms an account is on (the 其他 of an app or a platform not listed). */
export const NEW_MEDIA_PLATFORMS = [
  'wechat',
  'weibo',
  'douyin',
  'kuaishou',
  'channels',
  'toutiao',
  'xiaohongshu',
  'bilibili',
  'other',
] as const;
export type NewMediaPlatform = (typeof NEW_MEDIA_PLATFORMS)[number];
export const PLATFORM_LABELS: Record<NewMediaPlatform, string> = {
  wechat: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  kuaishou: '快手',
  channels: '视频号',
  toutiao: '今日头条',
  xiaohongshu: '小红书',
  bilibili: '哔哩哔哩',
  other: '其他',
};

/** An account's states: 运营中, 已关停 (stopped, may reopen), 已注销 (cancelled on the platform: final). */
export const ACCOUNT_STATES = ['operating', 'closed', 'cancelled'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = {
  operating: '运营中',
  closed: '已关停',
  cancelled: '已注销',
};

/** 备案: registered with the 政务公开 office, in progress, or not. */
export const FILING_STATUSES = ['filed', 'pending', 'not_filed'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  filed: '已备案',
  pending: '备案中',
  not_filed: '未备案',
};

/** The steps that change an account's state. */
export const ACCOUNT_ACTIONS = ['close', 'cancel', 'reopen'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];
export const ACCOUNT_ACTION_LABELS: Record<AccountAction, string> = {
  close: '关停',
  cancel: '注销',
  reopen: '恢复运营',
};

/** action → the states it starts from and the state it leads to. */
const TRANSITIONS: Record<AccountAction, { from: readonly AccountState[]; to: AccountState }> = {
  close: { from: ['operating'], to: 'closed' },
  cancel: { from: ['operating', 'closed'], to: 'cancelled' },
  reopen: { from: ['closed'], to: 'operating' },
};

/** The state an action leads to, or the Chinese reason it cannot be taken from `state`. */
export function transition(
  state: AccountState,
  action: AccountAction,
): { to: AccountState } | { refusal: string } {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(state)) return { to: rule.to };
  const label = ACCOUNT_ACTION_LABELS[action];
  if (state === 'cancelled')
    return { refusal: `该账号已注销，不能${label}；如需重新开设，请登记一个新账号。` };
  if (action === 'reopen') return { refusal: '该账号正在运营，无需恢复运营。' };
  return { refusal: `该账号${ACCOUNT_STATE_LABELS[state]}，不能${label}。` };
}

/** The fields of an account that staff enter (register and edit). */
export interface AccountFields {
  platform: string;
  name: string;
  accountId: string;
  hostUnit: string;
  openedOn: string;
  filingStatus: string;
  filingNo: string;
  manager: string;
  managerPhone: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const MOBILE = /^1\d{10}$/;
const LANDLINE = /^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$/;

/**
 * The problems of an account's fields, each naming its field in Chinese and what to do (none: an
 * empty list). The shapes (lengths, enums, dates) are checked by the contract's schema first; these
 * are the rules across fields and against today.
 */
export function accountFieldProblems(fields: AccountFields, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!(NEW_MEDIA_PLATFORMS as readonly string[]).includes(fields.platform))
    add('platform', `“平台”请从列表中选择（${Object.values(PLATFORM_LABELS).join('、')}）`);
  if (fields.name.trim() === '') add('name', '请填写“账号名称”，即在平台上显示的名称');
  if (fields.hostUnit.trim() === '') add('hostUnit', '请填写“主办单位”');
  if (!isIsoDate(fields.openedOn)) add('openedOn', '“开设日期”不是有效日期，请写成 YYYY-MM-DD');
  else if (fields.openedOn > today) add('openedOn', `“开设日期”不能晚于今天（${today}）`);
  if (fields.filingStatus === 'filed' && fields.filingNo.trim() === '')
    add('filingNo', '备案状态为“已备案”时，请填写“备案编号”');
  if (fields.manager.trim() === '') add('manager', '请填写“负责人”姓名');
  const phone = fields.managerPhone.replace(/\s/g, '');
  if (phone !== '' && !MOBILE.test(phone) && !LANDLINE.test(phone))
    add('managerPhone', '“负责人电话”应为 11 位手机号或带区号的固定电话，如 0631-5212345');
  return problems;
}

/**
 * The day of a step (关停, 注销, 恢复运营): a date, not after today, not before the account was opened;
 * a 恢复运营 (or a 注销 of a closed account) not before its closing, a 关停 (or a 注销 of an operating
 * account) not before its last reopening — closed spells do not overlap (domain/new-media/periods.ts).
 */
export function stepDayProblem(
  action: AccountAction,
  on: string,
  account: { openedOn: string; closedOn: string | null; closures: readonly Closure[] },
  today: string,
): FieldProblem | null {
  const label = `${ACCOUNT_ACTION_LABELS[action]}日期`;
  if (!isIsoDate(on)) return { field: 'on', message: `“${label}”不是有效日期，请写成 YYYY-MM-DD` };
  if (on > today) return { field: 'on', message: `“${label}”不能晚于今天（${today}）` };
  if (on < account.openedOn)
    return { field: 'on', message: `“${label}”不能早于账号的开设日期（${account.openedOn}）` };
  if (account.closedOn !== null && on < account.closedOn)
    return { field: 'on', message: `“${label}”不能早于账号的关停日期（${account.closedOn}）` };
  // its last reopening (none is dated after today): a new closed spell may not begin inside an earlier one
  const earliest = operatingSince(account, today);
  if (account.closedOn === null && on < earliest)
    return { field: 'on', message: `“${label}”不能早于账号上次恢复运营的日期（${earliest}）` };
  return null;
}

/**
 * Why a posting on an account's channel on `postedOn` is refused, or null: an account posts nothing
 * while closed (关停) — from its closing day to the day before its reopening — nor from its 注销 on
 * (a posting dated outside those spells is recorded).
 */
export function postingRefusal(
  account: { name: string; state: AccountState; closures: readonly Closure[] },
  postedOn: string,
): string | null {
  const closure = closureOn(account.closures, postedOn);
  if (closure === null) return null;
  if (closure.reopenedOn !== null)
    return `政务新媒体账号“${account.name}”自 ${closure.closedOn} 起关停，${closure.reopenedOn} 恢复运营，不能登记关停期间在该账号的发布；请核对发布渠道和发布日期。`;
  return `政务新媒体账号“${account.name}”已于 ${closure.closedOn} ${account.state === 'cancelled' ? '停止运营并注销' : '关停'}，不能登记此后在该账号的发布；请核对发布渠道和发布日期。`;
}
