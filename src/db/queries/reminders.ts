/** 督办 read (docs/supervision.md): an agency's reminders, or every reminder of a subtree's agencies. */
import type { Db } from '../connection.ts';

export interface ReminderRow {
  id: number;
  agency: { id: number; code: string; name: string };
  from: { code: string; name: string };
  subject: string;
  subjectLabel: string;
  message: string;
  dueOn: string;
  state: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

/** The reminders of the given agencies (open first, then by deadline), at most `limit`. */
export async function listReminders(
  db: Db,
  agencyIds: readonly number[],
  limit = 500,
): Promise<ReminderRow[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.kysely
    .selectFrom('reminders')
    .innerJoin('agencies as a', 'a.id', 'reminders.agency_id')
    .innerJoin('agencies as f', 'f.id', 'reminders.from_agency_id')
    .select([
      'reminders.id',
      'reminders.agency_id',
      'a.code as agency_code',
      'a.name as agency_name',
      'f.code as from_code',
      'f.name as from_name',
      'reminders.subject',
      'reminders.subject_label',
      'reminders.message',
      'reminders.due_on',
      'reminders.state',
      'reminders.answer',
      'reminders.answered_by',
      'reminders.answered_at',
      'reminders.closed_at',
      'reminders.created_by',
      'reminders.created_at',
      'reminders.version',
    ])
    .where('reminders.agency_id', 'in', agencyIds)
    .orderBy((eb) => eb.case().when('reminders.state', '=', 'closed').then(1).else(0).end())
    .orderBy('reminders.due_on')
    .orderBy('reminders.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
    from: { code: r.from_code, name: r.from_name },
    subject: r.subject,
    subjectLabel: r.subject_label,
    message: r.message,
    dueOn: r.due_on,
    state: r.state,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    closedAt: r.closed_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    version: r.version,
  }));
}
