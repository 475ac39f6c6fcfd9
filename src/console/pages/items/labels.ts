/** Labels of item codes, from the domain. */
export { ITEM_VALIDITY_LABELS, STATUTORY_CATEGORY_LABELS } from '../../../domain/items/categories.ts';
export {
  ITEM_ACTION_LABELS,
  ITEM_REVIEW_RESULT_LABELS,
  ITEM_STATE_LABELS,
} from '../../../domain/items/state-machine.ts';
