/**
 * 用户与角色: the agency's users, their roles here (granted or revoked one by one), disabling,
 * passwords. The current agency's, or (for a platform administrator) the agency in the path
 * `/platform/agencies/:agency/users`.
 */

import { Alert, Button, Checkbox, Flex, Form, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AGENCY_ROLES, type AgencyRole, ROLE_LABELS } from '../../domain/accounts/roles.ts';
import { platformUsersApi, type User, usersApi } from '../api/users.ts';
import { type NewAccountValues, NewUserCard } from '../components/NewUserCard.tsx';
import { ResetPasswordModal } from '../components/ResetPasswordModal.tsx';
import { NOWRAP } from '../lib/table.ts';
import { useApi } from '../lib/use-api.ts';
import { useChange } from '../lib/use-change.ts';
import { useAgencyCode, useSession } from '../session-context.tsx';

const ROLE_OPTIONS = AGENCY_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export default function UsersPage() {
  const current = useAgencyCode();
  const fromPath = useParams().agency;
  const agency = fromPath ?? current;
  const { session } = useSession();
  // every agency's name (the heading's, and 其他机关 names them rather than by code)
  const agencyList = useApi(() => platformUsersApi.agencies(), []).data?.agencies;
  const agencies = agencyList ?? [];
  // a name, never the code: while the list loads (or for an agency it does not hold) nothing is shown
  const nameOf = (code: string) => agencies.find((a) => a.code === code)?.name;
  const { data, error, reload } = useApi(() => usersApi.list(agency), [agency]);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  const change = useChange(reload);

  const create = (values: NewAccountValues & { roles?: AgencyRole[] }) =>
    usersApi.create(agency, { ...values, roles: values.roles ?? [] });
  const created = () => {
    setCreating(false);
    reload();
  };

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>
          用户与角色{fromPath && nameOf(fromPath) && ` · ${nameOf(fromPath)}`}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(!creating)}>
          {creating ? '收起' : '新建用户'}
        </Button>
      </Flex>
      {fromPath && (
        <Typography.Paragraph>
          <Link to="/platform/users">← 返回用户管理（全平台）</Link>
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">
        角色按机关授予：经办人登记和办理，审批负责人批准延期、签发发布信息和发布报告，保密审查员审查待发布信息，机关管理员管理本机关用户。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {creating && (
        <NewUserCard create={create} onCreated={created}>
          <Form.Item label="本机关角色" name="roles">
            <Checkbox.Group options={ROLE_OPTIONS} />
          </Form.Item>
        </NewUserCard>
      )}
      <Table<User>
        rowKey="username"
        loading={!error && (!data || !agencyList)}
        dataSource={data?.users ?? []}
        pagination={false}
        columns={[
          {
            title: '姓名',
            dataIndex: 'displayName',
            ...NOWRAP,
            render: (displayName: string, u) => (
              <>
                {displayName}
                {u.platformAdmin && <Tag color="purple">平台管理员</Tag>}
              </>
            ),
          },
          { title: '用户名', dataIndex: 'username', ...NOWRAP },
          {
            title: '本机关角色',
            key: 'roles',
            render: (_: unknown, u) => {
              const held = u.agencies.find((a) => a.code === agency)?.roles ?? [];
              return (
                <Flex gap={8} wrap>
                  {ROLE_OPTIONS.map((r) => (
                    <Checkbox
                      key={r.value}
                      checked={held.includes(r.value)}
                      aria-label={`${u.displayName} ${r.label}`}
                      onChange={(e) =>
                        change(e.target.checked ? `已授予${r.label}` : `已撤销${r.label}`, () =>
                          usersApi.setRole(agency, u.username, r.value, e.target.checked),
                        )
                      }
                    >
                      {r.label}
                    </Checkbox>
                  ))}
                </Flex>
              );
            },
          },
          {
            title: '其他机关',
            key: 'others',
            width: 100,
            render: (_: unknown, u) =>
              agencyList === undefined
                ? '…'
                : u.agencies
                    .filter((a) => a.code !== agency)
                    .map((a) => nameOf(a.code) ?? '（未列出的机关）')
                    .join('、') || '—',
          },
          {
            title: '启用',
            dataIndex: 'disabled',
            render: (disabled: boolean, u) => (
              <Switch
                checked={!disabled}
                disabled={u.username === session?.user.username}
                aria-label={`启用 ${u.displayName}`}
                onChange={(on) =>
                  change(on ? '已启用' : '已停用', () =>
                    usersApi.update(agency, u.username, { disabled: !on }),
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
                      usersApi.update(agency, u.username, { unlock: true }),
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
          change('已重置密码，该用户的登录会话已结束', () => usersApi.update(agency, username, { password }))
        }
      />
    </>
  );
}
