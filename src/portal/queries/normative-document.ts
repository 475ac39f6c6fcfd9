/**
 * A 规范性文件's public page: the registry's versions of it (documentHistory) and, for the version
 * shown, the published item carrying its text with that item's published 解读. The registry holds
 * no body of its own: a document's text is what the agency published as an item (条例 第二十条第
 * （一）项 asks it to publish the document), linked by `normative_documents.item_id`.
 */
import type { Db } from '../../db/connection.ts';
import { documentHistory } from '../../db/queries/registry.ts';
import type { RegistryDocument } from '../../domain/registry/document.ts';

export interface DocumentText {
  id: number;
  title: string;
  bodyHtml: string;
  formedOn: string;
  publishedOn: string | null;
  docNumber: string | null;
  issuer: string;
}

export interface NormativeDocumentPage {
  document: RegistryDocument;
  versions: RegistryDocument[];
  /** the published item with the text, null when not published as an item */
  text: DocumentText | null;
  interpretations: Array<{ id: number; title: string; published_on: string | null }>;
}

/** The page of one version of a document of the agency, or null (not found, or another agency's). */
export async function loadNormativeDocument(
  db: Db,
  agencyId: number,
  id: number,
): Promise<NormativeDocumentPage | null> {
  const history = await documentHistory(db, agencyId, id);
  const document = history?.versions.find((v) => v.id === id);
  if (!history || !document) return null;
  const item =
    document.itemId === null
      ? undefined
      : await db.kysely
          .selectFrom('items')
          .select(['id', 'title', 'body_html', 'formed_on', 'published_on', 'doc_number', 'issuer'])
          .where('id', '=', document.itemId)
          .where('agency_id', '=', agencyId)
          .where('status', '=', 'published')
          .executeTakeFirst();
  const interpretations = item
    ? await db.kysely
        .selectFrom('items')
        .select(['id', 'title', 'published_on'])
        .where('interprets_item_id', '=', item.id)
        .where('status', '=', 'published')
        .orderBy('published_on')
        .orderBy('id')
        .execute()
    : [];
  const text = item
    ? {
        id: item.id,
        title: item.title,
        bodyHtml: item.body_html,
        formedOn: item.formed_on,
        publishedOn: item.published_on,
        docNumber: item.doc_number,
        issuer: item.issuer,
      }
    : null;
  return { document, versions: history.versions, text, interpretations };
}
