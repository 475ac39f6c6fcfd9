/** The HTML page a browser sees when a page route outside the portal fails: the status and the Chinese message. */
import { renderErrorView } from '../../portal/views/error.ts';

/** An error page in the portal's layout; the message is escaped (it may quote the URL). */
export function renderErrorPage(status: number, message: string): string {
  return renderErrorView(status, message, { url: '/', large: false });
}
