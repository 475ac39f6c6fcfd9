/**
 * The frame of every signed-in page: the menu on the left, the agency switcher and the user on top.
 * Below the lg breakpoint the menu folds away and a menu button at the start of the header opens
 * it (antd's own floating trigger sat over the page's first line at phone width).
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudDownloadOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HistoryOutlined,
  InboxOutlined,
  MenuOutlined,
  MobileOutlined,
  MonitorOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Select, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { PolicyVerb } from '../../domain/policies.ts';
import { useSession } from '../session-context.tsx';

/**
 * The menu; `agency`: needs a current agency; `verb`: the policy verb it needs there; `platform`:
 * platform administrators only; `supervisor`: users who supervise a subtree.
 */
const MENU: Array<{
  key: string;
  icon: ReactNode;
  label: string;
  agency?: true;
  verb?: PolicyVerb;
  platform?: true;
  supervisor?: true;
}> = [
  { key: '/supervision', icon: <ClusterOutlined />, label: '监督工作台', supervisor: true },
  { key: '/', icon: <DashboardOutlined />, label: '工作台', agency: true },
  { key: '/requests', icon: <InboxOutlined />, label: '依申请公开', agency: true },
  { key: '/items', icon: <FileTextOutlined />, label: '主动公开', agency: true },
  { key: '/registry', icon: <BookOutlined />, label: '规范性文件', agency: true },
  { key: '/new-media', icon: <MobileOutlined />, label: '政务新媒体', agency: true, verb: 'new_media/view' },
  { key: '/catalog', icon: <OrderedListOutlined />, label: '标准目录', agency: true, verb: 'catalog/view' },
  { key: '/reports', icon: <AuditOutlined />, label: '年度报告', agency: true },
  {
    key: '/report-checks',
    icon: <FileSearchOutlined />,
    label: '年报体检',
    agency: true,
    verb: 'report_checks/view',
  },
  { key: '/calendar', icon: <CalendarOutlined />, label: '工作日历' },
  { key: '/users', icon: <TeamOutlined />, label: '用户与角色', agency: true, verb: 'users/manage' },
  {
    key: '/settings',
    icon: <SettingOutlined />,
    label: '机关设置',
    agency: true,
    verb: 'letters/edit_remedies',
  },
  { key: '/guide', icon: <ProfileOutlined />, label: '公开指南与栏目', agency: true, verb: 'guide/edit' },
  {
    key: '/screening-words',
    icon: <FileProtectOutlined />,
    label: '错敏词库',
    agency: true,
    verb: 'screening/manage_words',
  },
  { key: '/inspection', icon: <MonitorOutlined />, label: '网站自查', agency: true, verb: 'inspection/view' },
  {
    key: '/website-report',
    icon: <FileTextOutlined />,
    label: '网站工作年度报表',
    agency: true,
    verb: 'website_report/view',
  },
  { key: '/events', icon: <HistoryOutlined />, label: '操作日志', agency: true, verb: 'events/view_log' },
  {
    key: '/platform/users',
    icon: <SafetyCertificateOutlined />,
    label: '用户管理（全平台）',
    platform: true,
  },
  { key: '/platform/agency-tree', icon: <ApartmentOutlined />, label: '机构管理（全平台）', platform: true },
  { key: '/platform/backups', icon: <CloudDownloadOutlined />, label: '数据备份（全平台）', platform: true },
  { key: '/platform/site', icon: <GlobalOutlined />, label: '网站信息（全平台）', platform: true },
];

/** The menu entry a path belongs to (its first segment; the backups, agency-tree and site pages their own, every other /platform page under the platform's users). */
function menuKey(pathname: string): string {
  const first = pathname.split('/')[1];
  if (pathname.startsWith('/platform/backups')) return '/platform/backups';
  if (pathname.startsWith('/platform/agency-tree')) return '/platform/agency-tree';
  if (pathname.startsWith('/platform/site')) return '/platform/site';
  if (first === 'platform') return '/platform/users';
  return first ? `/${first}` : '/';
}

/** Pages that need no current agency: the calendar, the supervisor's and the platform administrator's pages. */
function agencyFree(pathname: string): boolean {
  return pathname === '/calendar' || pathname === '/supervision' || pathname.startsWith('/platform/');
}

/** The layout: Sider menu, header (agency, user, sign out), content. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { session, agency, chooseAgency, signOut, allows, readOnly, supervised } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  /** below lg: the menu folds away, opened by the header's menu button */
  const [narrow, setNarrow] = useState(false);
  const [folded, setFolded] = useState(false);
  const own = session?.agencies ?? [];
  // the agency a supervisor looks at joins the switcher while they look at it
  const agencies = agency && !own.some((a) => a.code === agency.code) ? [...own, agency] : own;
  const platformAdmin = Boolean(session?.user.platformAdmin);
  const menu = MENU.filter(
    (m) =>
      (!m.agency || agency) &&
      (!m.verb || allows(m.verb)) &&
      (!m.platform || platformAdmin) &&
      (!m.supervisor || supervised.length > 0),
  ).map(({ key, icon, label }) => ({ key, icon, label }));
  // a supervisor's own office holds no work of theirs: their start page is the 监督工作台
  const supervisorHome =
    readOnly && location.pathname === '/' && supervised.some((a) => a.code === agency?.code);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={folded}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setFolded(broken);
        }}
        trigger={null}
        className="gk-sider"
        theme="light"
        width={220}
      >
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18, color: '#b4232a' }}>
          公开 · 工作台
        </div>
        <nav aria-label="主菜单">
          <Menu
            mode="inline"
            selectedKeys={[menuKey(location.pathname)]}
            items={menu}
            onClick={({ key }) => {
              navigate(key);
              if (narrow) setFolded(true);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="gk-header">
          <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
            {narrow && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={folded ? '打开菜单' : '收起菜单'}
                aria-expanded={!folded}
                onClick={() => setFolded(!folded)}
                // a finger's target: at least 44 × 44 px
                style={{ width: 44, height: 44, flex: 'none' }}
              />
            )}
            {readOnly && (
              <Tag
                color="blue"
                style={{ flex: 'none', marginInlineEnd: 0 }}
                title="监督人员只读查看，不能办理"
              >
                只读查看
              </Tag>
            )}
            {agencies.length > 1 ? (
              <Select
                aria-label="切换机关"
                value={agency?.code}
                onChange={(code: string) =>
                  own.some((a) => a.code === code)
                    ? chooseAgency(code)
                    : chooseAgency(code, agencies.find((a) => a.code === code)?.name)
                }
                options={agencies.map((a) => ({ value: a.code, label: a.name }))}
                className="gk-header-agency"
              />
            ) : (
              <Typography.Text strong className="gk-header-agency">
                {agency?.name ?? (platformAdmin ? '平台管理' : '（未分配机关）')}
              </Typography.Text>
            )}
            <Flex gap={12} align="center" style={{ flex: 'none' }}>
              <Typography.Text className="gk-header-user">{session?.user.displayName}</Typography.Text>
              <Button onClick={() => signOut().then(() => navigate('/login'))}>退出登录</Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            {supervisorHome ? (
              <Navigate to="/supervision" replace />
            ) : agency || agencyFree(location.pathname) ? (
              children
            ) : platformAdmin && location.pathname === '/' ? (
              <Navigate to="/platform/users" replace />
            ) : (
              <NoAgency platformAdmin={platformAdmin} />
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
        ? '您是平台管理员：在“用户管理（全平台）”中管理全部用户及其在各机关的角色，在“工作日历”中管理工作日历；办理某机关的事务，需在该机关被授予角色。'
        : '您的账号尚未分配到任何机关，请联系机关管理员。'}
    </p>
  );
}
