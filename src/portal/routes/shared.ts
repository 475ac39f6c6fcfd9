/** What the portal's route files share: HTML replies and the agency lookup. */
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { type AgencyProfile, findAgencyProfile } from '../queries/catalog.ts';

/** Sends a page; public pages may be kept a minute by browsers (they vary with the text-size cookie). */
export function sendPage(reply: FastifyReply, html: string, options: { private?: boolean } = {}) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', options.private ? 'no-store' : 'public, max-age=60')
    .header('vary', 'Cookie')
    .send(html);
}

/** The agency of a code, or not_found. */
export async function agencyOrNotFound(db: Db, code: string): Promise<AgencyProfile> {
  const agency = await findAgencyProfile(db, code);
  if (!agency) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关，请从首页选择机关。`);
  return agency;
}
