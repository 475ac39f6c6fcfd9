/** The staff console: Ant Design in Chinese, the session, the routes. */
import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './console.css';
import { installChineseLabels } from './lib/chinese-labels.ts';
import { ConsoleRoutes } from './routes.tsx';
import { SessionProvider } from './session-context.tsx';

dayjs.locale('zh-cn');
// Ant Design's icons and some controls name themselves in English; dropdowns and dialogs render outside #root, so the whole body
installChineseLabels(document.body);

// who asked their system for less motion (WCAG 2.3.3) gets dialogs, menus and drawers without animation,
// and buttons without the click's ripple (Ant Design's wave: it stays on the button for about 2 s)
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        button={{ autoInsertSpace: false }}
        wave={{ disabled: reducedMotion }}
        theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4, motion: !reducedMotion } }}
      >
        <AntApp>
          <SessionProvider>
            <ConsoleRoutes />
          </SessionProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
