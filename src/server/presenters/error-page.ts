/** The HTML page a browser sees when a page route outside the portal's own scope fails (a 404, a bad URL). */
import type { FastifyRequest } from 'fastify';
import { pageContext } from '../../portal/context.ts';
import { renderErrorView } from '../../portal/views/error.ts';

/** An error page in the portal's layout, with the site's identity; the message is escaped (it may quote the URL). */
export function renderErrorPage(request: FastifyRequest, status: number, message: string): string {
  return renderErrorView(status, message, { ...pageContext(request), url: '/' });
}
