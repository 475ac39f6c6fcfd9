/**
 * The 工作台's trends (issue 15): the subtree's figures for the five years ending with the chosen
 * year, as charts drawn by ECharts on the server (SVG shown as images: nothing runs in the page)
 * and, for reading and screen readers, as a table under them.
 */
import { Alert, Card, Col, Row, Table } from 'antd';
import { type SupervisionTrends, supervisionApi } from '../../api/supervision.ts';
import { useApi } from '../../lib/use-api.ts';

type TrendYear = SupervisionTrends['years'][number];

const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

export function TrendsCard({ root, year }: { root: string; year: number }) {
  const { data, error, loading } = useApi(() => supervisionApi.trends(root, year), [root, year]);
  return (
    <Card title="近五年趋势" loading={loading && !data} style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <>
          <Row gutter={[16, 16]}>
            {data.charts.map((chart) => (
              <Col key={chart.key} xs={24} lg={12} xxl={8}>
                <img
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`}
                  alt={`${chart.title}（数据见下表）`}
                  style={{ width: '100%', height: 'auto', display: 'block' }}
                />
              </Col>
            ))}
          </Row>
          <Table<TrendYear>
            style={{ marginTop: 16 }}
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={data.years}
            scroll={{ x: 'max-content' }}
            aria-label="近五年数据"
            columns={[
              { title: '年度', dataIndex: 'year', fixed: 'left', render: (y: number) => `${y}年` },
              { title: '收到申请', dataIndex: 'received', align: 'right' },
              { title: '已答复', dataIndex: 'decided', align: 'right' },
              {
                title: '答复用时中位数',
                dataIndex: 'medianWorkingDays',
                align: 'right',
                render: (d: number | null) => (d === null ? '—' : `${d}个工作日`),
              },
              { title: '纠错率', dataIndex: 'correctionRate', align: 'right', render: percent },
              { title: '主动公开', dataIndex: 'published', align: 'right' },
              { title: '按时公开率', dataIndex: 'timelyRate', align: 'right', render: percent },
              {
                title: '年报已发布',
                align: 'right',
                render: (_v, y) =>
                  `${y.reports.published}/${Object.values(y.reports).reduce((a, b) => a + b, 0)}`,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
