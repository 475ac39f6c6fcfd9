/** Labels of item codes, from the domain. */
export { ITEM_VALIDITY_LABELS, STATUTORY_CATEGORY_LABELS } from '../../../domain/items/categories.ts';
export { ITEM_ACTION_LABELS, ITEM_STATE_LABELS } from '../../../domain/items/state-machine.ts';

export const ITEM_EVENT_LABELS: Record<string, string> = {
  created: '起草',
  edited: '修改',
  submitted: '送保密审查',
  approved: '保密审查通过',
  rejected: '保密审查退回',
  published: '发布',
  withdrawn: '撤回',
  posted: '登记其他渠道发布',
  attachment_added: '上传附件',
  attachment_removed: '删除附件',
  interpretation_linked: '关联政策文件与解读',
  interpretation_unlinked: '取消关联政策文件与解读',
  imported: '批量导入',
};
