/**
 * 依申请公开: the queue (政府信息公开申请 and 更正申请 of 条例 第四十一条, each tagged), by filter, searched on the server (registration number, tracking code,
 * applicant, phone, information sought) and by received date, most urgent first. The filter, the
 * search, the dates and the page live in the URL, so a reload or a shared link keeps them.
 */
import { Alert, Button, DatePicker, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type AssistanceNeed, assistanceLabel } from '../../../domain/requests/intake.ts';
import type { QueueFilter } from '../../../domain/requests/queues.ts';
import { type CaseSummary, requestsApi } from '../../api/requests.ts';
import { dueDateCounter, labelOf, urgencyColor } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import {
  APPLICANT_TYPE_LABELS,
  CASE_STATE_LABELS,
  QUEUE_FILTER_LABELS,
  QUEUE_FILTERS,
  REQUEST_CHANNEL_LABELS,
} from './labels.ts';

const PAGE = 20;

/** The URL's filter, when it is one of the queue's (else the default, 未办结). */
const queueFilterOf = (value: string | null): QueueFilter => QUEUE_FILTERS.find((f) => f === value) ?? 'open';

export default function RequestQueuePage() {
  const { allows } = useSession();
  const agency = useAgencyCode();
  const [params, setParams] = useSearchParams();
  const filter = queueFilterOf(params.get('filter'));
  const page = Number(params.get('page') ?? 1);
  const q = params.get('q') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const { data, error, loading } = useApi(
    () =>
      requestsApi.queue(agency, {
        ...{ filter, limit: PAGE, offset: (page - 1) * PAGE },
        ...{ q, receivedFrom: from, receivedTo: to },
      }),
    [agency, filter, page, q, from, to],
  );

  /** Changes some of the URL's parameters (an empty value removes one); any change but the page's goes to page 1. */
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes))
      if (value) next.set(key, value);
      else next.delete(key);
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const searching = Boolean(q || from || to);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2}>依申请公开</Typography.Title>
        <Flex gap={8} wrap justify="end">
          <Link to="/requests/proposals">
            <Button>纳入主动公开建议</Button>
          </Link>
          <Link to={`/requests/withheld-reviews/${dayjs().year()}`}>
            <Button>不予公开信息定期评估审查</Button>
          </Link>
          {allows('requests/register') && (
            <Link to="/requests/new">
              <Button type="primary">登记申请</Button>
            </Link>
          )}
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <div className="gk-scroll-x">
          <Segmented
            aria-label="筛选"
            value={filter}
            onChange={(value) => update({ filter: String(value) })}
            options={QUEUE_FILTERS.map((f) => ({
              value: f,
              label:
                data?.counts[f] === undefined
                  ? QUEUE_FILTER_LABELS[f]
                  : `${QUEUE_FILTER_LABELS[f]}（${data.counts[f]}）`,
            }))}
          />
        </div>
        <Input.Search
          aria-label="搜索申请"
          placeholder="登记号、查询码、申请人、电话或所需信息"
          allowClear
          enterButton="搜索"
          maxLength={100}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => update({ q: value.trim() })}
          style={{ maxWidth: 400 }}
        />
        <DatePicker.RangePicker
          aria-label="收到日期"
          placeholder={['收到日期起', '收到日期止']}
          allowEmpty={[true, true]}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          onChange={(range) =>
            update({
              from: range?.[0]?.format('YYYY-MM-DD') ?? '',
              to: range?.[1]?.format('YYYY-MM-DD') ?? '',
            })
          }
        />
      </Flex>
      {searching && data && (
        <Typography.Paragraph type="secondary" role="status">
          在“{QUEUE_FILTER_LABELS[filter]}”中找到 {data.total} 件{q && `，含“${q}”`}
          {(from || to) && `，收到日期 ${from || '……'} 至 ${to || '……'}`}。
          <Button type="link" onClick={() => update({ q: '', from: '', to: '' })}>
            清除搜索
          </Button>
        </Typography.Paragraph>
      )}
      <Table<CaseSummary>
        rowKey="id"
        loading={loading}
        dataSource={data?.cases ?? []}
        locale={{ emptyText: searching ? '没有符合搜索条件的申请，请换个词或调整日期范围' : '暂无申请' }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: (next) => update({ page: String(next) }),
        }}
        columns={[
          {
            title: '登记号',
            dataIndex: 'registrationNo',
            render: (value: string | null, c) => (
              <Link to={`/requests/${c.id}`}>{value ?? `申请 ${c.id}`}</Link>
            ),
          },
          {
            title: '类型',
            dataIndex: 'kind',
            render: (kind: string) =>
              kind === 'record_correction' ? <Tag color="purple">更正申请</Tag> : '公开申请',
          },
          { title: '收到日期', dataIndex: 'receivedOn' },
          { title: '渠道', dataIndex: 'channel', render: (v: string) => labelOf(REQUEST_CHANNEL_LABELS, v) },
          {
            title: '申请人',
            dataIndex: 'applicantName',
            render: (name: string | null, c) => (
              <>
                {name ?? '—'}
                <Typography.Text type="secondary">
                  （{labelOf(APPLICANT_TYPE_LABELS, c.applicantType)}）
                </Typography.Text>
                {c.assistanceNeeds.length > 0 && (
                  <Tag color="purple" title="条例第四十三条：应当为其提供必要的帮助">
                    {`需帮助：${assistanceLabel(c.assistanceNeeds as AssistanceNeed[])}`}
                  </Tag>
                )}
              </>
            ),
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
