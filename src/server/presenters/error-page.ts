/** The HTML page a browser sees when a page route fails: the status and the Chinese message. */
import { escapeHtml } from '../../render/escape.ts';
import { renderPage } from './layout.ts';

/** An error page; the message is escaped (it may quote the URL). */
export function renderErrorPage(status: number, message: string): string {
  const main =
    `<h1>出错了（${status}）</h1>\n` +
    `<p role="alert">${escapeHtml(message)}</p>\n` +
    '<p><a href="/">返回首页</a></p>';
  return renderPage({ title: `出错了（${status}）`, main });
}
