import { T4_COLUMN_LABELS } from '../../../domain/report/vocabulary.ts';

/** Labels of request codes, from the domain (one source for the server, the letters and the console). */
export {
  APPLICANT_TYPE_LABELS,
  OUTCOME_LABELS,
  REQUEST_CHANNEL_LABELS,
  T4_GROUP_LABELS,
} from '../../../domain/report/vocabulary.ts';
export { QUEUE_FILTER_LABELS, QUEUE_FILTERS } from '../../../domain/requests/queues.ts';
export { CASE_ACTION_LABELS, CASE_STATE_LABELS } from '../../../domain/requests/state-machine.ts';

export const EVENT_LABELS: Record<string, string> = {
  received: '收到申请并登记',
  calendar_changed: '工作日历调整，期限重算',
  correction_requested: '发出补正告知',
  correction_received: '收到补正材料',
  consultation_sent: '发出征求意见函',
  consultation_replied: '收到征求意见回复',
  extended: '延期答复',
  fee_notice: '发出收费通知',
  fee_paid: '登记缴费',
  reasons_requested: '要求说明理由',
  later_date_set: '确定延后答复期限',
  decided: '作出答复',
  attachment_added: '添加附件',
  letter_sent: '登记文书送达',
  review_recorded: '登记行政复议或诉讼',
};

/** The result of a 行政复议 or 诉讼, in table 四's words. */
export const REVIEW_RESULT_LABELS: Record<'upheld' | 'corrected' | 'other', string> = {
  upheld: T4_COLUMN_LABELS.upheld,
  corrected: T4_COLUMN_LABELS.corrected,
  other: T4_COLUMN_LABELS.other,
};
