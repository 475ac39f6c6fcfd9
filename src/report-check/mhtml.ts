/**
 * A web page saved as MHTML (.mht/.mhtml: “网页，单个文件”, as Internet Explorer and Edge save
 * government pages) → its HTML part's bytes and charset. MIME multipart/related (RFC 2557): the
 * first text/html part, its quoted-printable or base64 transfer encoding undone. Small enough to
 * write here; no MHTML package on npm is widely used.
 */

export interface MhtmlPage {
  html: Uint8Array;
  charset?: string;
}

/** Whether the bytes begin as a MIME message of a saved page. */
export function isMhtml(head: string): boolean {
  const start = head.slice(0, 4096);
  return (
    !/^\s*</.test(start) &&
    /^MIME-Version:/im.test(start) &&
    /Content-Type:\s*multipart\/related/i.test(start)
  );
}

/** The page's HTML part, or undefined when the message has none. */
export function mhtmlPage(bytes: Uint8Array): MhtmlPage | undefined {
  const text = new TextDecoder('latin1').decode(bytes);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(text)?.[1];
  if (!boundary) return undefined;
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const type = /Content-Type:\s*([^;\s]+)/i.exec(headers)?.[1]?.toLowerCase();
    if (type !== 'text/html') continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const charset = /charset\s*=\s*"?([\w-]+)"?/i.exec(headers)?.[1];
    return { html: decodeBody(body, encoding), charset };
  }
  return undefined;
}

function decodeBody(body: string, encoding: string | undefined): Uint8Array {
  if (encoding === 'base64') return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  if (encoding !== 'quoted-printable') return latin1(body);
  const unfolded = body.replace(/=\r?\n/g, '');
  return latin1(
    unfolded.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}
