/**
 * Read queries of the normative-document registry: one document, the documents in force on a day
 * (the portal's list, the same predicate as table 二 (一)'s 现行有效件数), the staff list, the
 * history of a document (its versions and events) and a year's review pass (清理).
 */
import type { Kysely } from 'kysely';
import { type RegistryDocument, toRegistryDocument } from '../../domain/registry/document.ts';
import type { DocumentStatus } from '../../domain/registry/lifecycle.ts';
import type { NormativeKind } from '../../domain/report/vocabulary.ts';
import type { Db } from '../connection.ts';
import type { Database } from '../schema.ts';
import { loadActorNames } from './actor-names.ts';

export type { RegistryDocument };

export interface RegistryEvent {
  id: number;
  documentId: number;
  type: string;
  actor: string;
  /** who, by name (姓名) */
  actorName: string;
  at: string;
  data: unknown;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface ListOptions {
  kind?: NormativeKind;
  /** filter by status (staff list) */
  status?: DocumentStatus;
  limit: number;
  offset: number;
}

/** The agency's versions, each with the id of the version that superseded it, ready to filter. */
export function selectDocuments(k: Kysely<Database>, agencyId: number) {
  return k
    .selectFrom('normative_documents as d')
    .leftJoin('normative_documents as next', 'next.supersedes_id', 'd.id')
    .where('d.agency_id', '=', agencyId);
}

/** The columns `toRegistryDocument` reads. */
export const DOCUMENT_COLUMNS = [
  'd.id',
  'd.kind',
  'd.doc_number',
  'd.title',
  'd.issuer',
  'd.issued_on',
  'd.repealed_on',
  'd.repealed_by',
  'd.status',
  'd.version',
  'd.supersedes_id',
  'd.item_id',
  'next.id as superseded_by_id',
] as const;

/** One version of a document of the agency, or null (another agency's document is not found either). */
export async function findDocument(db: Db, agencyId: number, id: number): Promise<RegistryDocument | null> {
  const row = await selectDocuments(db.kysely, agencyId)
    .select(DOCUMENT_COLUMNS)
    .where('d.id', '=', id)
    .executeTakeFirst();
  return row ? toRegistryDocument(row) : null;
}

/** The documents in force on a day (issued on or before, not stopped on or before), newest first. */
export async function documentsInForce(
  db: Db,
  agencyId: number,
  on: string,
  options: Omit<ListOptions, 'status'>,
): Promise<Page<RegistryDocument>> {
  let query = selectDocuments(db.kysely, agencyId)
    .where('d.issued_on', '<=', on)
    .where((eb) => eb.or([eb('d.repealed_on', 'is', null), eb('d.repealed_on', '>', on)]));
  if (options.kind) query = query.where('d.kind', '=', options.kind);
  return page(query, options);
}

/** Every version of every document of the agency (staff), optionally of one status, newest first. */
export async function listDocuments(
  db: Db,
  agencyId: number,
  options: ListOptions,
): Promise<Page<RegistryDocument>> {
  let query = selectDocuments(db.kysely, agencyId);
  if (options.kind) query = query.where('d.kind', '=', options.kind);
  if (options.status === 'in_force')
    query = query.where('d.status', '=', 'in_force').where('d.repealed_on', 'is', null);
  else if (options.status === 'amended') query = query.where('d.status', '=', 'amended');
  else if (options.status === 'repealed')
    query = query.where((eb) =>
      eb.or([
        eb('d.status', '=', 'repealed'),
        eb.and([eb('d.status', '=', 'in_force'), eb('d.repealed_on', 'is not', null)]),
      ]),
    );
  return page(query, options);
}

async function page(
  query: ReturnType<typeof selectDocuments>,
  options: { limit: number; offset: number },
): Promise<Page<RegistryDocument>> {
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(DOCUMENT_COLUMNS)
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { total: Number(counted.n), items: rows.map(toRegistryDocument) };
}

/** A document's versions, oldest first, and the events of every version; null when not found. */
export async function documentHistory(
  db: Db,
  agencyId: number,
  id: number,
): Promise<{ versions: RegistryDocument[]; events: RegistryEvent[] } | null> {
  const start = await findDocument(db, agencyId, id);
  if (!start) return null;
  const versions = [start];
  for (let doc = start; doc.supersedesId !== null; ) {
    const previous = await findDocument(db, agencyId, doc.supersedesId);
    if (!previous) break;
    versions.unshift(previous);
    doc = previous;
  }
  for (let doc = start; doc.supersededById !== null; ) {
    const next = await findDocument(db, agencyId, doc.supersededById);
    if (!next) break;
    versions.push(next);
    doc = next;
  }
  const rows = await db.kysely
    .selectFrom('events')
    .select(['id', 'subject_id', 'name', 'actor', 'at', 'data'])
    .where('agency_id', '=', agencyId)
    .where('subject_type', '=', 'normative_document')
    .where(
      'subject_id',
      'in',
      versions.map((v) => String(v.id)),
    )
    .orderBy('id')
    .execute();
  const names = await loadActorNames(
    db,
    rows.map((r) => r.actor),
  );
  const events = rows.map((r) => ({
    id: r.id,
    documentId: Number(r.subject_id),
    type: r.name,
    actor: r.actor,
    actorName: names(r.actor),
    at: r.at,
    data: JSON.parse(r.data) as unknown,
  }));
  return { versions, events };
}
