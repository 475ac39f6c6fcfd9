/** The frame of every signed-in page: the menu on the left, the agency switcher and the user on top. */
import {
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  InboxOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../session-context.tsx';

const MENU = [
  { key: '/', icon: <DashboardOutlined />, label: '工作台' },
  { key: '/requests', icon: <InboxOutlined />, label: '依申请公开' },
  { key: '/items', icon: <FileTextOutlined />, label: '主动公开' },
  { key: '/registry', icon: <BookOutlined />, label: '规范性文件' },
  { key: '/reports', icon: <AuditOutlined />, label: '年度报告' },
  { key: '/calendar', icon: <CalendarOutlined />, label: '工作日历' },
  { key: '/users', icon: <TeamOutlined />, label: '用户与角色' },
];

/** The menu entry a path belongs to (its first segment). */
function menuKey(pathname: string): string {
  const first = pathname.split('/')[1];
  return first ? `/${first}` : '/';
}

/** The layout: Sider menu, header (agency, user, sign out), content. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { session, agency, chooseAgency, signOut, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const agencies = session?.agencies ?? [];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18, color: '#b4232a' }}>
          公开 · 工作台
        </div>
        <nav aria-label="主菜单">
          <Menu
            mode="inline"
            selectedKeys={[menuKey(location.pathname)]}
            items={MENU.filter((m) => m.key !== '/users' || can('agency_admin'))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            {agencies.length > 1 ? (
              <Select
                aria-label="切换机关"
                value={agency?.code}
                onChange={(code) => chooseAgency(code)}
                options={agencies.map((a) => ({ value: a.code, label: a.name }))}
                style={{ minWidth: 280 }}
              />
            ) : (
              <Typography.Text strong>{agency?.name ?? '（未分配机关）'}</Typography.Text>
            )}
            <Flex gap={12} align="center">
              <Typography.Text>{session?.user.displayName}</Typography.Text>
              <Button onClick={() => signOut().then(() => navigate('/login'))}>退出登录</Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            {agency || location.pathname === '/calendar' ? (
              children
            ) : (
              <NoAgency platformAdmin={Boolean(session?.user.platformAdmin)} />
            )}
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function NoAgency({ platformAdmin }: { platformAdmin: boolean }) {
  return (
    <p role="alert">
      {platformAdmin
        ? '您是平台管理员：工作日历在“工作日历”中管理；办理某机关的事务，需在该机关被授予角色。'
        : '您的账号尚未分配到任何机关，请联系机关管理员。'}
    </p>
  );
}
