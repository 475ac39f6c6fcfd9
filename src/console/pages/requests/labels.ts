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

/** The result of a 行政复议 or 诉讼, in table 四's words. */
export const REVIEW_RESULT_LABELS: Record<'upheld' | 'corrected' | 'other', string> = {
  upheld: T4_COLUMN_LABELS.upheld,
  corrected: T4_COLUMN_LABELS.corrected,
  other: T4_COLUMN_LABELS.other,
};
