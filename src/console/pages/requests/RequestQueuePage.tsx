/** 依申请公开: the queue, by filter, with a search over what is shown, most urgent first. */
import { Alert, Button, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type CaseSummary, requestsApi } from '../../api/requests.ts';
import { dueDateCounter, labelOf, urgencyColor } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode } from '../../session-context.tsx';
import { APPLICANT_TYPE_LABELS, CASE_STATE_LABELS, QUEUE_FILTERS, REQUEST_CHANNEL_LABELS } from './labels.ts';

const PAGE = 20;

export default function RequestQueuePage() {
  const agency = useAgencyCode();
  const [params, setParams] = useSearchParams();
  const filter = params.get('filter') ?? 'open';
  const page = Number(params.get('page') ?? 1);
  const [search, setSearch] = useState('');
  const { data, error, loading } = useApi(
    () => requestsApi.queue(agency, filter, PAGE, (page - 1) * PAGE),
    [agency, filter, page],
  );

  const rows = useMemo(() => {
    const all = data?.cases ?? [];
    const q = search.trim();
    if (!q) return all;
    return all.filter((c) =>
      [c.registrationNo ?? '', String(c.id), labelOf(APPLICANT_TYPE_LABELS, c.applicantType)].some((t) =>
        t.includes(q),
      ),
    );
  }, [data, search]);

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>依申请公开</Typography.Title>
        <Link to="/requests/new">
          <Button type="primary">登记申请</Button>
        </Link>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="筛选"
          value={filter}
          onChange={(value) => setParams({ filter: String(value) })}
          options={QUEUE_FILTERS.map((f) => ({
            value: f.value,
            label: data?.counts[f.value] === undefined ? f.label : `${f.label}（${data.counts[f.value]}）`,
          }))}
        />
        <Input.Search
          aria-label="搜索登记号"
          placeholder="按登记号、编号或申请人类型搜索本页"
          allowClear
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      <Table<CaseSummary>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: (next) => setParams({ filter, page: String(next) }),
        }}
        columns={[
          {
            title: '登记号',
            dataIndex: 'registrationNo',
            render: (value: string | null, c) => (
              <Link to={`/requests/${c.id}`}>{value ?? `申请 ${c.id}`}</Link>
            ),
          },
          { title: '收到日期', dataIndex: 'receivedOn' },
          { title: '渠道', dataIndex: 'channel', render: (v: string) => labelOf(REQUEST_CHANNEL_LABELS, v) },
          {
            title: '申请人类型',
            dataIndex: 'applicantType',
            render: (v: string) => labelOf(APPLICANT_TYPE_LABELS, v),
          },
          { title: '状态', dataIndex: 'state', render: (v: string) => labelOf(CASE_STATE_LABELS, v) },
          {
            title: '答复期限',
            dataIndex: 'dueOn',
            render: (dueOn: string | null, c) => {
              const counter = dueDateCounter(data?.today ?? '', dueOn, c.state === 'decided');
              return (
                <Flex gap={8} align="center">
                  {dueOn ?? '—'}
                  {c.dueProvisional && <Tag>暂定</Tag>}
                  {counter && counter.urgency !== 'normal' && (
                    <Tag color={urgencyColor(counter.urgency)}>{counter.text}</Tag>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
    </>
  );
}
