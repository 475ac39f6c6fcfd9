/**
 * 用户管理（全平台）: the platform administrator's view of every user and their roles in every
 * agency — create (optionally with roles in one agency, or as a platform administrator), disable or
 * enable, reset a password, grant or revoke platform administrator, and open an agency's users page.
 */

import { Alert, Button, Checkbox, Flex, Form, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { AGENCY_ROLES, type AgencyRole, isAgencyRole, ROLE_LABELS } from '../../domain/accounts/roles.ts';
import { platformUsersApi, type User } from '../api/users.ts';
import { NewUserCard } from '../components/NewUserCard.tsx';
import { ResetPasswordModal } from '../components/ResetPasswordModal.tsx';
import { NOWRAP } from '../lib/table.ts';
import { useApi } from '../lib/use-api.ts';
import { useChange } from '../lib/use-change.ts';
import { useSession } from '../session-context.tsx';

const ROLE_OPTIONS = AGENCY_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

interface NewUserForm {
  username: string;
  displayName: string;
  password: string;
  platformAdmin?: boolean;
  agency?: string;
  roles?: AgencyRole[];
}

export default function PlatformUsersPage() {
  const { session } = useSession();
  const { data, error, reload } = useApi(() => platformUsersApi.list(), []);
  const agencyList = useApi(() => platformUsersApi.agencies(), []).data?.agencies;
  const agencies = agencyList ?? [];
  const agencyName = (code: string) => agencies.find((a) => a.code === code)?.name ?? code;
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [filter, setFilter] = useState('');
  const [form] = Form.useForm<NewUserForm>();
  const chosenAgency = Form.useWatch('agency', form);
  const self = session?.user.username;

  const users = useMemo(() => {
    const all = data?.users ?? [];
    const q = filter.trim().toLowerCase();
    if (!q) return all;
    return all.filter((u) => `${u.username} ${u.displayName}`.toLowerCase().includes(q));
  }, [data, filter]);

  const change = useChange(reload);

  const create = ({ agency, roles, platformAdmin, ...values }: NewUserForm) =>
    platformUsersApi.create({
      ...values,
      platformAdmin: Boolean(platformAdmin),
      agency: agency ? { code: agency, roles: roles ?? [] } : undefined,
    });
  const created = () => {
    setCreating(false);
    reload();
  };

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>用户管理（全平台）</Typography.Title>
        <Button type="primary" onClick={() => setCreating(!creating)}>
          {creating ? '收起' : '新建用户'}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">
        本页列出平台上的全部用户及其在各机关的角色。停用的用户不能登录；重置密码会结束该用户的全部登录会话。各机关的角色可在该机关的用户页中逐项授予或撤销。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {creating && (
        <NewUserCard form={form} create={create} onCreated={created}>
          <Flex gap={16} wrap>
            <Form.Item label="所属机关" name="agency" extra="可不选；选择后请勾选该机关的角色">
              <Select
                allowClear
                placeholder="选择机关"
                style={{ width: 320 }}
                options={agencies.map((a) => ({ value: a.code, label: a.name }))}
              />
            </Form.Item>
            <Form.Item
              label="该机关角色"
              name="roles"
              rules={[
                {
                  required: Boolean(chosenAgency),
                  message: '已选择机关，请至少勾选一个该机关的角色',
                },
              ]}
            >
              <Checkbox.Group options={ROLE_OPTIONS} disabled={!chosenAgency} />
            </Form.Item>
          </Flex>
          <Form.Item name="platformAdmin" valuePropName="checked">
            <Checkbox>平台管理员（管理全平台用户和工作日历）</Checkbox>
          </Form.Item>
        </NewUserCard>
      )}
      <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="查找用户"
          placeholder="按用户名或姓名查找"
          allowClear
          onChange={(e) => setFilter(e.target.value)}
          style={{ maxWidth: 280 }}
        />
        <Typography.Text>按机关管理用户与角色：</Typography.Text>
        {agencies.map((a) => (
          <Link key={a.code} to={`/platform/agencies/${a.code}/users`}>
            {a.name}
          </Link>
        ))}
      </Flex>
      <Table<User>
        rowKey="username"
        // the agencies' names too: a role's agency is named, never shown by its code
        loading={!error && (!data || !agencyList)}
        dataSource={users}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'displayName',
            ...NOWRAP,
            render: (displayName: string, u) => (
              <Flex gap={8} wrap align="center">
                {displayName}
                {u.disabled && <Tag color="default">已停用</Tag>}
              </Flex>
            ),
          },
          { title: '用户名', dataIndex: 'username', ...NOWRAP },
          {
            title: '各机关角色',
            key: 'agencies',
            render: (_: unknown, u) =>
              u.agencies.length === 0 ? (
                '—'
              ) : (
                <Flex vertical gap={4}>
                  {u.agencies.map((a) => (
                    <span key={a.code}>
                      <Link to={`/platform/agencies/${a.code}/users`}>{agencyName(a.code)}</Link>：
                      {a.roles.map((r) => (isAgencyRole(r) ? ROLE_LABELS[r] : r)).join('、')}
                    </span>
                  ))}
                </Flex>
              ),
          },
          {
            title: '平台管理员',
            dataIndex: 'platformAdmin',
            width: 120,
            render: (platformAdmin: boolean, u) => (
              <Switch
                checked={platformAdmin}
                disabled={u.username === self}
                aria-label={`${u.displayName} 平台管理员`}
                onChange={(on) =>
                  change(on ? `已授予${u.displayName}平台管理员` : `已撤销${u.displayName}的平台管理员`, () =>
                    platformUsersApi.update(u.username, { platformAdmin: on }),
                  )
                }
              />
            ),
          },
          {
            title: '启用',
            dataIndex: 'disabled',
            width: 80,
            render: (disabled: boolean, u) => (
              <Switch
                checked={!disabled}
                disabled={u.username === self}
                aria-label={`启用 ${u.displayName}`}
                onChange={(on) =>
                  change(on ? `已启用${u.displayName}` : `已停用${u.displayName}`, () =>
                    platformUsersApi.update(u.username, { disabled: !on }),
                  )
                }
              />
            ),
          },
          {
            title: '密码',
            key: 'password',
            render: (_: unknown, u) => (
              <Flex wrap gap={8}>
                <Button aria-label={`重置${u.displayName}的密码`} onClick={() => setResetting(u)}>
                  重置密码
                </Button>
                <Button
                  aria-label={`解除${u.displayName}的登录锁定`}
                  title="密码多次输错后，该用户在输错的网络地址上会被暂时锁定；解除后可立即重新登录"
                  onClick={() =>
                    change(`已解除${u.displayName}的登录锁定`, () =>
                      platformUsersApi.update(u.username, { unlock: true }),
                    )
                  }
                >
                  解除登录锁定
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        reset={(username, password) =>
          change('已重置密码，该用户的登录会话已结束', () => platformUsersApi.update(username, { password }))
        }
      />
    </>
  );
}
