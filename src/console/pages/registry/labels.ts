/** How the registry's events read in the console: what happened, and a line of what was recorded. */
import { REVIEW_DECISION_LABELS } from '../../../domain/registry/lifecycle.ts';
import type { RegistryEvent } from '../../api/registry.ts';
import { labelOf } from '../../lib/format.ts';

/** The tag colour of a status: 现行有效 green, 已修改 gold, 已废止 grey. */
export const STATUS_COLORS: Record<string, string> = {
  in_force: 'green',
  amended: 'gold',
  repealed: 'default',
};

/** Table column props that keep a short value (文号, a date, a kind) on one line. */
export const NOWRAP = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };

type Data = Record<string, unknown>;
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** What an event recorded, in one Chinese line (empty when there is nothing to add). */
export function eventDetail(event: RegistryEvent, versionOf: (id: number) => number | undefined): string {
  const data = (event.data ?? {}) as Data;
  const input = (data.input ?? {}) as Data;
  switch (event.type) {
    case 'registry.issued':
      return [text(input.docNumber), input.issuedOn ? `制发日期 ${text(input.issuedOn)}` : '']
        .filter(Boolean)
        .join('，');
    case 'registry.amended': {
      const from = versionOf(Number(data.supersedes));
      return `${from ? `修改第 ${from} 版，` : ''}制发日期 ${text(input.issuedOn)}`;
    }
    case 'registry.superseded': {
      const next = versionOf(Number(data.supersededBy));
      return `${text(data.on)} 起由${next ? `第 ${next} 版` : '新版本'}取代`;
    }
    case 'registry.repealed':
      return `废止日期 ${text(input.repealedOn)}，依据 ${text(input.repealedBy)}`;
    case 'registry.reviewed': {
      const decision = labelOf(REVIEW_DECISION_LABELS, text(data.decision));
      const note = text(data.note);
      return `${text(data.year)} 年度清理：${decision}${note ? `（${note}）` : ''}`;
    }
    default:
      return '';
  }
}
