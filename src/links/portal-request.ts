/** The portal asked in-process (Fastify's inject: no network, no port), as the crawl asks it. */
import type { FastifyInstance } from 'fastify';
import type { PortalRequest } from './crawl.ts';
import { LINK_CHECKER_USER_AGENT } from './settings.ts';

export function portalRequester(app: FastifyInstance): PortalRequest {
  return async (path) => {
    const response = await app.inject({
      method: 'GET',
      url: path,
      headers: { 'user-agent': LINK_CHECKER_USER_AGENT },
    });
    const contentType = String(response.headers['content-type'] ?? '');
    const location = response.headers.location;
    return {
      status: response.statusCode,
      contentType,
      // only pages are read; a download's bytes are not needed
      body: contentType.startsWith('text/html') ? response.body : '',
      location: typeof location === 'string' ? location : undefined,
    };
  };
}
