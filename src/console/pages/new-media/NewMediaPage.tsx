/**
 * 政务新媒体 (issue 15, docs/new-media.md): the agency's accounts — platform, name, state, last
 * posting, days silent with a 预警/超期 tag (the 2-week rule), this year's postings — the year's
 * statistics, and for the agency's administrator 登记, 修改, 关停, 注销, 恢复运营.
 */
import { Alert, Button, Flex, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ACCOUNT_ACTION_LABELS, type AccountAction, transition } from '../../../domain/new-media/accounts.ts';
import { SILENCE_VETO_DAYS, SILENCE_WARNING_DAYS } from '../../../domain/new-media/silence.ts';
import { type NewMediaAccount, newMediaApi } from '../../api/new-media.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { AccountModal, StepModal } from './AccountForms.tsx';
import { StatisticsCard } from './StatisticsCard.tsx';

const NOWRAP = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
const STATE_COLORS: Record<string, string> = { operating: 'green', closed: 'gold', cancelled: 'default' };
const SILENCE_COLORS: Record<string, string> = { ok: 'green', warning: 'orange', overdue: 'red' };

/** Days silent with its tag: 正常, 预警, 超期未更新; — when not operating. */
function SilenceTag({ account }: { account: NewMediaAccount }) {
  const { days, level, label } = account.silence;
  if (days === null) return <span>—</span>;
  return (
    <Space size={4}>
      <span>{days} 天</span>
      <Tag color={SILENCE_COLORS[level]}>{label}</Tag>
    </Space>
  );
}

export default function NewMediaPage() {
  const agency = useAgencyCode();
  const { allows } = useSession();
  const manages = allows('new_media/manage');
  const wide = Grid.useBreakpoint().md === true;
  const { data, error, loading, reload } = useApi(() => newMediaApi.list(agency), [agency]);
  const [editing, setEditing] = useState<NewMediaAccount | 'new' | null>(null);
  const [step, setStep] = useState<{ account: NewMediaAccount; action: AccountAction } | null>(null);
  const [platform, setPlatform] = useState<string | undefined>();
  const year = data?.year ?? dayjs().year();
  const accounts = (data?.accounts ?? []).filter((a) => !platform || a.platform === platform);
  const platforms = [...new Map((data?.accounts ?? []).map((a) => [a.platform, a.platformLabel])).entries()];

  const actions = (a: NewMediaAccount) => (
    <Space size={0}>
      {a.state !== 'cancelled' && (
        <Button type="link" size="small" onClick={() => setEditing(a)}>
          修改
        </Button>
      )}
      {(['close', 'reopen', 'cancel'] as const)
        .filter((action) => 'to' in transition(a.state, action))
        .map((action) => (
          <Button
            key={action}
            type="link"
            size="small"
            danger={action !== 'reopen'}
            onClick={() => setStep({ account: a, action })}
          >
            {ACCOUNT_ACTION_LABELS[action]}
          </Button>
        ))}
    </Space>
  );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2}>政务新媒体</Typography.Title>
        {manages && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记账号
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">
        发布数按各账号的发布渠道统计（在“主动公开”中登记其他渠道发布）。运营中的账号超过{' '}
        {SILENCE_WARNING_DAYS} 天未发布即预警，满 {SILENCE_VETO_DAYS}{' '}
        天为“超期未更新”（检查指标的单项否决情形）。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data && data.alarms.overdue + data.alarms.warning > 0 && (
        <Alert
          type={data.alarms.overdue > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`截至 ${data.today}：${data.alarms.overdue} 个账号超期未更新，${data.alarms.warning} 个账号预警。`}
        />
      )}
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <Select
          aria-label="平台"
          allowClear
          placeholder="全部平台"
          value={platform}
          onChange={setPlatform}
          style={{ width: 200 }}
          options={platforms.map(([value, label]) => ({ value, label }))}
        />
      </Flex>
      <Table<NewMediaAccount>
        scroll={{ x: 1400 }}
        rowKey="id"
        loading={loading}
        dataSource={accounts}
        pagination={false}
        columns={[
          {
            title: '账号',
            dataIndex: 'name',
            width: 150,
            render: (name: string, a) => (
              <>
                <div>{name}</div>
                <Typography.Text type="secondary">{a.platformLabel}</Typography.Text>
              </>
            ),
          },
          {
            title: '未更新',
            key: 'silence',
            width: 160,
            render: (_v, a) => <SilenceTag account={a} />,
            ...NOWRAP,
          },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            ...NOWRAP,
            render: (label: string, a) => <Tag color={STATE_COLORS[a.state]}>{label}</Tag>,
          },
          {
            title: '最近发布',
            dataIndex: 'lastPostedOn',
            render: (d: string | null) => d ?? '尚无',
            ...NOWRAP,
          },
          { title: `${year}年发布`, dataIndex: 'postingsInYear', align: 'right', ...NOWRAP },
          { title: '主办单位', dataIndex: 'hostUnit', width: 180 },
          { title: '备案', dataIndex: 'filingStatusLabel', ...NOWRAP },
          { title: '负责人', dataIndex: 'manager', ...NOWRAP },
          {
            title: '开设/关停',
            key: 'dates',
            ...NOWRAP,
            // a date and its word (关停, 恢复) on one line, not under the fixed 操作 column
            width: 150,
            render: (_v, a) => (
              <>
                <div>{a.openedOn}</div>
                {/* every 关停: the past ones with their reopening, the current one as the end */}
                {a.closures.map((c) =>
                  c.reopenedOn ? (
                    <div key={c.closedOn}>
                      <div>{c.closedOn} 关停</div>
                      <div>{c.reopenedOn} 恢复</div>
                    </div>
                  ) : (
                    <div key={c.closedOn}>至 {c.closedOn}</div>
                  ),
                )}
              </>
            ),
          },
          ...(manages
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 200,
                  // kept in view beside the scrolled columns, except at phone width where it would squeeze them
                  fixed: wide ? ('right' as const) : undefined,
                  render: (_v: unknown, a: NewMediaAccount) => actions(a),
                },
              ]
            : []),
        ]}
      />
      <StatisticsCard agency={agency} thisYear={year} key={data?.today} />
      <AccountModal
        agency={agency}
        account={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          reload();
        }}
      />
      <StepModal
        agency={agency}
        step={step}
        onClose={() => setStep(null)}
        onDone={() => {
          setStep(null);
          reload();
        }}
      />
    </>
  );
}
