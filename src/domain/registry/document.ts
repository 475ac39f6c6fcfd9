import { NORMATIVE_KIND_LABELS, type NormativeKind } from '../report/vocabulary.ts';
import { DOCUMENT_STATUS_LABELS, type DocumentStatus, effectiveStatus } from './lifecycle.ts';

/** One version of a document, as the API, the CLI and the portal show it. */
export interface RegistryDocument {
  id: number;
  kind: NormativeKind;
  kindLabel: string;
  docNumber: string;
  title: string;
  issuer: string;
  issuedOn: string;
  /** the day it stopped being in force (repealed, or superseded by the next version) */
  repealedOn: string | null;
  repealedBy: string | null;
  status: DocumentStatus;
  statusLabel: string;
  version: number;
  supersedesId: number | null;
  supersededById: number | null;
  itemId: number | null;
}

/** A stored version with the id of the version that superseded it (if any), as the queries read it. */
export interface DocumentRow {
  id: number;
  kind: string;
  doc_number: string;
  title: string;
  issuer: string;
  issued_on: string;
  repealed_on: string | null;
  repealed_by: string | null;
  status: string;
  version: number;
  supersedes_id: number | null;
  item_id: number | null;
  superseded_by_id: number | null;
}

/** The shown shape of a stored version, with its Chinese labels. */
export function toRegistryDocument(row: DocumentRow): RegistryDocument {
  const kind = row.kind as NormativeKind;
  const status = effectiveStatus(row.status, row.repealed_on);
  return {
    id: row.id,
    kind,
    kindLabel: NORMATIVE_KIND_LABELS[kind] ?? row.kind,
    docNumber: row.doc_number,
    title: row.title,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    repealedOn: row.repealed_on,
    repealedBy: row.repealed_by,
    status,
    statusLabel: DOCUMENT_STATUS_LABELS[status],
    version: row.version,
    supersedesId: row.supersedes_id,
    supersededById: row.superseded_by_id,
    itemId: row.item_id,
  };
}
