/** 主动公开: the agency's items by status and category; draft a new one. */
import { Alert, Button, Flex, Select, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { type ItemSummary, itemsApi } from '../../api/items.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode } from '../../session-context.tsx';
import { ITEM_STATE_LABELS, STATUTORY_CATEGORY_LABELS } from './labels.ts';

const PAGE = 20;

export default function ItemListPage() {
  const agency = useAgencyCode();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const category = params.get('category') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const { data, error, loading } = useApi(
    () => itemsApi.list(agency, { status, category, limit: PAGE, offset: (page - 1) * PAGE }),
    [agency, status, category, page],
  );
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>主动公开</Typography.Title>
        <Link to="/items/new">
          <Button type="primary">起草信息</Button>
        </Link>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={16} style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          value={status}
          onChange={(v) => set('status', v)}
          style={{ width: 180 }}
          options={Object.entries(ITEM_STATE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label="法定类别"
          placeholder="全部类别"
          allowClear
          value={category}
          onChange={(v) => set('category', v)}
          style={{ width: 420 }}
          options={Object.entries(STATUTORY_CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Flex>
      <Table<ItemSummary>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
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
          { title: '索引号', dataIndex: 'indexNo', render: (v: string | null) => v ?? '—' },
          { title: '类别', dataIndex: 'categoryLabel', ellipsis: true },
          { title: '成文日期', dataIndex: 'formedOn' },
          { title: '发布日期', dataIndex: 'publishedOn', render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'statusLabel' },
        ]}
      />
    </>
  );
}
