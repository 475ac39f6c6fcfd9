/** The year's 政务新媒体 statistics: per platform, accounts open at the year's end, opened, closed, cancelled, postings. */
import { Card, Select, Table } from 'antd';
import { useState } from 'react';
import { type NewMediaStatistics, newMediaApi } from '../../api/new-media.ts';
import { useApi } from '../../lib/use-api.ts';

type Row = NewMediaStatistics['platforms'][number];

export function StatisticsCard({ agency, thisYear }: { agency: string; thisYear: number }) {
  const [year, setYear] = useState(thisYear);
  const { data, error, loading } = useApi(() => newMediaApi.statistics(agency, year), [agency, year]);
  const rows: Row[] = data
    ? [...data.platforms, { platform: 'other', label: '合计', ...data.total } as Row]
    : [];
  return (
    <Card
      title="年度统计"
      style={{ marginTop: 24 }}
      extra={
        <Select
          aria-label="统计年度"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: `${y}年`,
          }))}
        />
      }
    >
      {error && <p role="alert">{error}</p>}
      <Table<Row>
        scroll={{ x: 560 }}
        size="small"
        rowKey="label"
        loading={loading}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '该年度没有政务新媒体账号' }}
        columns={[
          { title: '平台', dataIndex: 'label' },
          { title: '年末运营', dataIndex: 'openAtYearEnd', align: 'right' },
          { title: '本年开设', dataIndex: 'opened', align: 'right' },
          { title: '本年关停', dataIndex: 'closed', align: 'right' },
          { title: '本年注销', dataIndex: 'cancelled', align: 'right' },
          { title: '本年发布', dataIndex: 'postings', align: 'right' },
        ]}
      />
    </Card>
  );
}
