/**
 * 操作日志: who did what, when, in the current agency (an agency administrator), from the one
 * event log — filtered by who, what kind and a date range, newest first, more on request.
 */

import { Alert, Button, Card, DatePicker, Flex, Form, Grid, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { EVENT_AREA_LABELS, eventNameLabel, eventSubjectLabel } from '../../domain/events/names.ts';
import { eventSummary } from '../../domain/events/summary.ts';
import { messageOf } from '../api/client.ts';
import { type EventFilter, eventsApi, type LoggedEvent } from '../api/events.ts';
import { usersApi } from '../api/users.ts';
import { formatInstant } from '../lib/format.ts';
import { useApi } from '../lib/use-api.ts';
import { useAgencyCode } from '../session-context.tsx';

const AREA_OPTIONS = Object.entries(EVENT_AREA_LABELS).map(([value, label]) => ({ value, label }));

interface FilterValues {
  actor?: string;
  name?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export default function EventLogPage() {
  const agency = useAgencyCode();
  // at phone width the filters stack: the date range and its label do not fit one line of 390 px
  const wide = Grid.useBreakpoint().md !== false;
  const [filter, setFilter] = useState<EventFilter>({});
  const [more, setMore] = useState<LoggedEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const { data, error, loading } = useApi(async () => {
    const page = await eventsApi.list(agency, filter);
    setMore([]);
    setCursor(page.nextCursor);
    return page;
  }, [agency, filter]);

  const apply = (values: FilterValues) =>
    setFilter({
      actor: values.actor || undefined,
      name: values.name || undefined,
      from: values.range?.[0]?.format('YYYY-MM-DD'),
      to: values.range?.[1]?.format('YYYY-MM-DD'),
    });

  const loadMore = async () => {
    if (!cursor) return;
    setMoreError(null);
    try {
      const page = await eventsApi.list(agency, { ...filter, cursor });
      setMore((shown) => [...shown, ...page.events]);
      setCursor(page.nextCursor);
    } catch (thrown) {
      setMoreError(messageOf(thrown));
    }
  };

  const users = useApi(() => usersApi.list(agency), [agency]);
  const rows = [...(data?.events ?? []), ...more];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        操作日志
      </Typography.Title>
      <Card>
        <Form layout={wide ? 'inline' : 'vertical'} onFinish={apply} aria-label="筛选操作日志">
          <Form.Item name="actor" label="操作人">
            <Select
              placeholder="全部"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 160 }}
              options={users.data?.users.map((u) => ({ value: u.username, label: u.displayName }))}
            />
          </Form.Item>
          <Form.Item name="name" label="类别">
            <Select options={AREA_OPTIONS} placeholder="全部" allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker style={{ maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {moreError && <Alert type="error" showIcon title={moreError} />}
      <Table<LoggedEvent>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        // at phone width the table scrolls inside its box instead of squeezing 操作 into one column of characters
        scroll={{ x: 760 }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (at: string) => formatInstant(at), width: 150 },
          { title: '操作人', dataIndex: 'actorName', width: 160 },
          { title: '操作', dataIndex: 'name', render: (name: string) => eventNameLabel(name) },
          {
            title: '对象',
            key: 'subject',
            render: (_: unknown, e: LoggedEvent) => eventSubjectLabel(e.subjectType, e.subjectId),
          },
          { title: '摘要', key: 'summary', render: (_: unknown, e: LoggedEvent) => eventSummary(e) },
        ]}
      />
      {cursor && (
        <Flex justify="center">
          <Button onClick={loadMore}>加载更多</Button>
        </Flex>
      )}
    </Flex>
  );
}
