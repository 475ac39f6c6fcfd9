/**
 * The line under a timeline entry of a case that says what the entry recorded, where the label alone
 * does not: a consultation of another agency with its co-producers and lead (条例 第三十四条), an oral
 * application (第二十九条第一款), the help given (第四十三条). Null: nothing to add.
 */
import { type AssistanceNeed, assistanceLabel } from '../../domain/requests/intake.ts';

interface TimelineEvent {
  type: string;
  data: Record<string, unknown>;
}

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function caseEventDetail(event: TimelineEvent): string | null {
  const { data } = event;
  if (event.type === 'consultation_sent' && data.kind === 'agency') {
    const lead = data.lead === 'this' ? '本机关' : String(data.lead ?? '');
    return `征求${String(data.party ?? '')}意见；共同制作：本机关、${texts(data.coProducers).join('、')}；牵头制作：${lead}（条例第三十四条）`;
  }
  if (event.type === 'received' && data.oral) return '口头提出，由本机关代为填写（条例第二十九条第一款）';
  if (event.type === 'assistance_recorded') {
    const after = (data.after ?? {}) as { needs?: unknown };
    return `申请人存在的困难：${assistanceLabel(texts(after.needs) as AssistanceNeed[])}（条例第四十三条）`;
  }
  return null;
}
