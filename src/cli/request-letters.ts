/**
 * `gongkai request letters` (a case's letters as sent: kind, date, full text or HTML) and
 * `gongkai request bases` (the outcomes under table 三's headings, each basis with the fields a
 * decision on it must carry: domain/requests/decision-fields.ts, as the API and the console).
 */
import type { Db } from '../db/connection.ts';
import { isLetterKind, letterKindLabel } from '../domain/letters/kinds.ts';
import { chineseDate } from '../domain/letters/print.ts';
import { OUTCOMES, type Outcome } from '../domain/report/vocabulary.ts';
import { decisionFields, OUTCOME_CHOICES } from '../domain/requests/decision-fields.ts';
import { citationText, OUTCOME_BASES } from '../domain/requests/outcome-basis.ts';
import { letterText } from '../render/letters/text.ts';
import { UsageError } from './io.ts';

/** One stored letter of a case. */
export interface CaseLetter {
  id: number;
  kind: string;
  /** the date printed on it (the day of the step that sent it) */
  issuedOn: string;
  html: string;
}

/** The letters of a case in the order they were issued; null when the agency has no such case. */
export async function caseLetters(db: Db, agencyId: number, requestId: number): Promise<CaseLetter[] | null> {
  const found = await db.kysely
    .selectFrom('requests')
    .select('id')
    .where('id', '=', requestId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!found) return null;
  const rows = await db.kysely
    .selectFrom('letters')
    .leftJoin('events', 'events.id', 'letters.event_id')
    .select(['letters.id', 'letters.kind', 'letters.html', 'letters.created_at', 'events.occurred_on'])
    .where('letters.request_id', '=', requestId)
    .orderBy('letters.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    issuedOn: r.occurred_on || r.created_at.slice(0, 10),
    html: r.html,
  }));
}

const kindLabel = (kind: string): string => (isLetterKind(kind) ? letterKindLabel(kind) : kind);

/** The letters as text (a heading line per letter, then its text) or as their HTML documents. */
export function printLetters(letters: readonly CaseLetter[], format: 'text' | 'html'): string {
  if (letters.length === 0) return '该申请还没有出具文书。\n';
  return letters
    .map((l, i) => {
      const head = `${i + 1}. ${kindLabel(l.kind)}（${l.kind}）  ${chineseDate(l.issuedOn)}  文书编号 ${l.id}`;
      if (format === 'html') return `<!-- ${head.replace(/--/g, '—')} -->\n${l.html}\n`;
      return `===== ${head}\n${letterText(l.html)}\n`;
    })
    .join('\n');
}

/** The outcomes under their headings, each basis with its provisions, sentence and required fields. */
export function outcomeBases(only?: string) {
  if (only !== undefined && !(OUTCOMES as readonly string[]).includes(only))
    throw new UsageError(`未知的办理结果：${only}。可选：${OUTCOMES.join('、')}`);
  return OUTCOME_CHOICES.map((group) => ({
    heading: group.heading,
    outcomes: group.outcomes
      .filter((o) => only === undefined || o.outcome === only)
      .map(({ outcome, label }) => ({
        outcome,
        label,
        bases: OUTCOME_BASES[outcome as Outcome].map((b) => ({
          basis: b.code,
          provisions: citationText(b.citations),
          sentence: b.sentence,
          fields: decisionFields(outcome, b.code),
        })),
      })),
  })).filter((group) => group.outcomes.length > 0);
}
