/** The portal's error page: the status and the Chinese message (escaped: it may quote the URL). */
import { html } from '../../render/escape.ts';
import { type PageContext, renderPortalPage } from './layout.ts';

/** An error page in the portal's layout. */
export function renderErrorView(status: number, message: string, context: PageContext): string {
  const main = html`<h1>出错了（${status}）</h1><p role="alert">${message}</p><p><a href="/">返回首页</a> · <a href="/search">信息检索</a></p>`;
  return renderPortalPage({ title: `出错了（${status}）`, context, crumbs: [{ label: '出错了' }], main });
}
