/**
 * What the request log may say about a URL. A tracking code opens a case's letters to whoever holds
 * it, and search words or form values can be personal: the log keeps the path and the names of the
 * query's fields, with the tracking code in the path and these fields' values replaced.
 */

/** Query fields whose values never reach the log. */
const SECRET_FIELDS = new Set([
  'code',
  'q',
  'token',
  '_csrf',
  'name',
  'idnumber',
  'phone',
  'email',
  'address',
  'information',
  'applicant',
]);

const REDACTED = '[redacted]';

/** `/api/v1/track/ABC…/letters/3.html?x=1` → `/api/v1/track/[redacted]/letters/3.html?x=1`; `?code=…&q=…` → `?code=[redacted]&q=[redacted]`. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).replace(/^(\/api\/v1\/track\/)[^/?#]+/, `$1${REDACTED}`);
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        // an undecodable key is kept as written
      }
      return eq >= 0 && SECRET_FIELDS.has(name.toLowerCase()) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/** Pino's request serializer: method, the redacted URL, host and the client's address. */
export function requestSerializer(request: { method: string; url: string; host?: string; ip?: string }) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}
