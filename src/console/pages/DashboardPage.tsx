/**
 * 工作台: the tiles (今日新收, 本周新收, 办理中, 即将到期, 已逾期, 申请待审批 — each a number that opens the
 * queue under the same filter, so the queue shows what was counted), the requests for approval
 * waiting — a case's (延期答复) and an item's (签发发布), which the 审批负责人 approves or returns
 * right here —, then the request lists that need attention today, with counts and day counters.
 */
import { Alert, Card, Col, Empty, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { remindersApi } from '../api/reminders.ts';
import { approvalsApi, type Dashboard, requestsApi } from '../api/requests.ts';
import { dayCounter, formatInstant, urgencyColor } from '../lib/format.ts';
import { useApi } from '../lib/use-api.ts';
import { useAgencyCode, useSession } from '../session-context.tsx';
import { ApprovalDecision } from './requests/ApprovalsCard.tsx';
import { RemindersCard } from './supervision/RemindersCard.tsx';

/** The queue's URL of a tile: its filter and received-date range (RequestQueuePage reads them). */
function tileLink(tile: Dashboard['tiles'][number]): string {
  const params = new URLSearchParams({ filter: tile.filter });
  if (tile.receivedFrom) params.set('from', tile.receivedFrom);
  if (tile.receivedTo) params.set('to', tile.receivedTo);
  return `/requests?${params}`;
}

const TILE_COLORS: Record<string, string> = {
  overdue: '#cf1322',
  due_soon: '#d4380d',
  pending_approval: '#d46b08',
};

const WAITING = new Set(['awaiting_correction', 'awaiting_fee']);
const ACCENT: Record<string, string> = { overdue: '#cf1322', due_today: '#d4380d' };

export default function DashboardPage() {
  const agency = useAgencyCode();
  const { data, error, loading } = useApi(() => requestsApi.dashboard(agency), [agency]);
  const { data: approvals, reload: reloadApprovals } = useApi(
    () => approvalsApi.list(agency, 'pending'),
    [agency],
  );
  const session = useSession();
  const mayDecide = session.allows('requests/decide_approval');
  // 督办 from the supervising office: shown while any is not closed (docs/supervision.md)
  const reminders = useApi(() => remindersApi.list(agency), [agency]);
  const [approvalError, setApprovalError] = useState<string | null>(null);
  return (
    <>
      <Typography.Title level={2}>工作台</Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      {(reminders.data?.reminders ?? []).some((r) => r.state !== 'closed') && (
        <RemindersCard
          reminders={reminders.data?.reminders ?? []}
          as={session.allows('reminders/answer') ? 'agency' : 'supervisor'}
          onChanged={reminders.reload}
        />
      )}
      {data && (
        <Typography.Paragraph type="secondary">
          今天是 {data.today}；本周截至 {data.weekEnd}。期限按工作日计算（含调休）。
        </Typography.Paragraph>
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} role="list" aria-label="概览">
        {(data?.tiles ?? []).map((tile) => (
          <Col key={tile.key} xs={12} md={8} xl={4} role="listitem">
            <Link to={tileLink(tile)} aria-label={`${tile.label} ${tile.count} 件，查看列表`}>
              <Card hoverable size="small">
                <Statistic
                  title={tile.label}
                  value={tile.count}
                  suffix="件"
                  styles={{ content: { color: tile.count > 0 ? TILE_COLORS[tile.key] : undefined } }}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      {approvals && approvals.approvals.length > 0 && (
        <Card
          title={<span id="list-approvals">待审批事项</span>}
          extra={<Typography.Text type="secondary">{`共 ${approvals.approvals.length} 件`}</Typography.Text>}
          style={{ marginBottom: 16 }}
        >
          <section aria-labelledby="list-approvals">
            {approvalError && (
              <Alert type="error" showIcon title={approvalError} style={{ marginBottom: 12 }} />
            )}
            <List
              size="small"
              dataSource={approvals.approvals}
              renderItem={(a) => (
                <List.Item>
                  <Flex vertical gap={6} style={{ width: '100%' }}>
                    <Flex gap={8} wrap align="center">
                      <Tag>{a.itemId !== null ? '主动公开' : '依申请公开'}</Tag>
                      {a.itemId !== null ? (
                        <Link to={`/items/${a.itemId}`}>{a.itemTitle ?? `信息 ${a.itemId}`}</Link>
                      ) : (
                        <Link to={`/requests/${a.requestId}`}>
                          {a.registrationNo ?? `申请 ${a.requestId}`}
                        </Link>
                      )}
                      <Tag color="orange">{a.actionLabel}</Tag>
                      <Typography.Text type="secondary">
                        {a.requestedByName} 提请于 {formatInstant(a.requestedAt)}
                      </Typography.Text>
                    </Flex>
                    {a.itemId !== null && <Typography.Text>理由：{a.reason}</Typography.Text>}
                    {a.itemId !== null && mayDecide && (
                      <ApprovalDecision
                        agency={agency}
                        approval={a}
                        onChanged={() => {
                          setApprovalError(null);
                          reloadApprovals();
                        }}
                        onError={setApprovalError}
                      />
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          </section>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {(data?.lists ?? []).map((list) => (
          <Col key={list.key} xs={24} md={12} xl={8}>
            <Card
              loading={loading && !data}
              title={<span id={`list-${list.key}`}>{list.label}</span>}
              extra={<Link to={`/requests?filter=${queueFilter(list.key)}`}>查看全部</Link>}
            >
              <section aria-labelledby={`list-${list.key}`}>
                <Statistic
                  title="件数"
                  value={list.count}
                  styles={{ content: { color: ACCENT[list.key] } }}
                />
                {list.cases.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />
                ) : (
                  <List
                    size="small"
                    dataSource={list.cases}
                    renderItem={(c) => {
                      const counter = dayCounter(
                        c.workingDaysLeft,
                        WAITING.has(list.key) ? 'applicant' : 'answer',
                      );
                      return (
                        <List.Item>
                          <Link to={`/requests/${c.id}`}>{c.registrationNo ?? `申请 ${c.id}`}</Link>
                          {counter && <Tag color={urgencyColor(counter.urgency)}>{counter.text}</Tag>}
                        </List.Item>
                      );
                    }}
                  />
                )}
              </section>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

/** The queue filter that shows the whole of a dashboard list. */
function queueFilter(key: string): string {
  if (key === 'due_today' || key === 'due_this_week') return 'due_soon';
  return key;
}
