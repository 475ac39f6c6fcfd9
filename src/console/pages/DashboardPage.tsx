/** 工作台: the request lists that need attention today, with counts and day counters. */
import { Alert, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { requestsApi } from '../api/requests.ts';
import { dayCounter, urgencyColor } from '../lib/format.ts';
import { useApi } from '../lib/use-api.ts';
import { useAgencyCode } from '../session-context.tsx';

const WAITING = new Set(['awaiting_correction', 'awaiting_fee']);
const ACCENT: Record<string, string> = { overdue: '#cf1322', due_today: '#d4380d' };

export default function DashboardPage() {
  const agency = useAgencyCode();
  const { data, error, loading } = useApi(() => requestsApi.dashboard(agency), [agency]);
  return (
    <>
      <Typography.Title level={2}>工作台</Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <Typography.Paragraph type="secondary">
          今天是 {data.today}；本周截至 {data.weekEnd}。期限按工作日计算（含调休）。
        </Typography.Paragraph>
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
