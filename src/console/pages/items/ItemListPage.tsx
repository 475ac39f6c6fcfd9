/**
 * 主动公开: the agency's items — words of the title, 索引号 or 文号; filters (state, category,
 * column, year, kind, channel); an order; paged on the server. Every choice is kept in the address,
 * so a filtered list can be reloaded, shared and returned to.
 */
import { Alert, Button, Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { STATUTORY_CATEGORIES, type StatutoryCategory } from '../../../domain/items/categories.ts';
import {
  ITEM_DOCUMENT_TYPE_LABELS,
  ITEM_DOCUMENT_TYPES,
  ITEM_SORT_LABELS,
  ITEM_SORTS,
  type ItemDocumentType,
  type ItemSort,
} from '../../../domain/items/list.ts';
import { ITEM_STATES, type ItemState } from '../../../domain/items/state-machine.ts';
import { type ItemSummary, itemsApi } from '../../api/items.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { ITEM_STATE_LABELS, STATUTORY_CATEGORY_LABELS } from './labels.ts';

const PAGE = 20;

/** A value of the address only when it is one of `allowed` (a hand-edited address falls back to all). */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((a) => a === value);
}

export default function ItemListPage() {
  const { allows } = useSession();
  const agency = useAgencyCode();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = oneOf<ItemState>(ITEM_STATES, params.get('status'));
  const category = oneOf<StatutoryCategory>(STATUTORY_CATEGORIES, params.get('category'));
  const column = params.get('column') ?? undefined;
  const yearText = params.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const type = oneOf<ItemDocumentType>(ITEM_DOCUMENT_TYPES, params.get('type'));
  const channel = params.get('channel') ?? undefined;
  const sort = oneOf<ItemSort>(ITEM_SORTS, params.get('sort')) ?? 'updated';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, loading } = useApi(
    () =>
      itemsApi.list(agency, {
        q: q || undefined,
        status,
        category,
        column,
        year,
        type,
        channel,
        sort,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    [agency, q, status, category, column, year, type, channel, sort, page],
  );
  const channels = useApi(() => itemsApi.channels(agency), [agency]);
  const columns = useApi(() => itemsApi.columns(agency), [agency]);
  /** one choice changed: back to the first page */
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value !== undefined && value !== null && value !== '') next.set(key, String(value));
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  const filtered = [...params.keys()].some((k) => k !== 'page' && k !== 'sort');

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2}>主动公开</Typography.Title>
        {allows('items/create') && (
          <Link to="/items/new">
            <Button type="primary">起草信息</Button>
          </Link>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      <search aria-label="检索与筛选">
        <Flex gap={12} style={{ marginBottom: 16 }} wrap>
          <Input.Search
            key={`q-${q}`}
            aria-label="检索标题、索引号、文号"
            placeholder="标题、索引号或文号"
            defaultValue={q}
            allowClear
            enterButton="检索"
            onSearch={(v) => set('q', v.trim())}
            className="gk-filter-wide"
          />
          <Select
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            value={status}
            onChange={(v) => set('status', v)}
            className="gk-filter"
            options={ITEM_STATES.map((value) => ({ value, label: ITEM_STATE_LABELS[value] }))}
          />
          <Select
            aria-label="法定类别"
            placeholder="全部类别"
            allowClear
            value={category}
            onChange={(v) => set('category', v)}
            className="gk-filter-wide"
            popupMatchSelectWidth={false}
            options={Object.entries(STATUTORY_CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
          />
          {(columns.data?.columns.length ?? 0) > 0 && (
            <Select
              aria-label="栏目"
              placeholder="全部栏目"
              allowClear
              value={column}
              onChange={(v) => set('column', v)}
              className="gk-filter"
              options={columns.data?.columns.map((c) => ({ value: c.code, label: c.name }))}
            />
          )}
          <InputNumber
            // no stepper: its buttons carry English labels (rc-input-number's own); a year is typed
            controls={false}
            key={`year-${year ?? ''}`}
            aria-label="成文年度"
            placeholder="成文年度"
            min={1990}
            max={2100}
            precision={0}
            defaultValue={year}
            onBlur={(e) => set('year', /^\d{4}$/.test(e.target.value) ? e.target.value : undefined)}
            onPressEnter={(e) =>
              set('year', /^\d{4}$/.test(e.currentTarget.value) ? e.currentTarget.value : undefined)
            }
            className="gk-filter-narrow"
          />
          <Select
            aria-label="类型"
            placeholder="全部类型"
            allowClear
            value={type}
            onChange={(v) => set('type', v)}
            className="gk-filter"
            options={ITEM_DOCUMENT_TYPES.map((value) => ({ value, label: ITEM_DOCUMENT_TYPE_LABELS[value] }))}
          />
          <Select
            aria-label="发布渠道"
            placeholder="全部渠道"
            allowClear
            value={channel}
            onChange={(v) => set('channel', v)}
            className="gk-filter"
            options={channels.data?.channels.map((c) => ({ value: c.code, label: c.name }))}
          />
          <Select
            aria-label="排序"
            value={sort}
            onChange={(v) => set('sort', v === 'updated' ? undefined : v)}
            className="gk-filter"
            options={ITEM_SORTS.map((value) => ({ value, label: ITEM_SORT_LABELS[value] }))}
          />
          {filtered && (
            <Button
              onClick={() => setParams(sort === 'updated' ? new URLSearchParams() : { sort })}
              type="link"
            >
              清除筛选
            </Button>
          )}
        </Flex>
      </search>
      <Table<ItemSummary>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (next) => {
            const p = new URLSearchParams(params);
            p.set('page', String(next));
            setParams(p);
          },
        }}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (t: string, i) => <Link to={`/items/${i.id}`}>{t}</Link>,
          },
          { title: '索引号', dataIndex: 'indexNo', width: 190, render: (v: string | null) => v ?? '—' },
          { title: '文号', dataIndex: 'docNumber', width: 150, render: (v: string | null) => v ?? '—' },
          { title: '类别', dataIndex: 'categoryLabel', ellipsis: true, width: 160 },
          { title: '成文日期', dataIndex: 'formedOn', width: 110 },
          {
            title: '发布日期',
            dataIndex: 'publishedOn',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          { title: '状态', dataIndex: 'statusLabel', width: 120 },
        ]}
      />
    </>
  );
}
