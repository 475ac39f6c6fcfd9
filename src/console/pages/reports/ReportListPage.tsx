/**
 * 年度报告: the years, newest first, each with where its report stands (未编制, 草稿, 已发布 with
 * its version and day, 逾期未发布 with the deadline of 条例 第四十九条), its editor, yearly figures
 * and downloads.
 */
import { Alert, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type ReportYear, reportsApi } from '../../api/reports.ts';
import { formatDate } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';

const STATUS_COLORS: Record<ReportYear['status'], string> = {
  none: 'default',
  draft: 'processing',
  published: 'success',
  overdue: 'error',
};

/** The status column: the label, and what it depends on (the version and day, or the deadline). */
export function ReportStatus({ year }: { year: ReportYear }) {
  const detail =
    year.status === 'published' && year.latest
      ? `第 ${year.latest.version} 版，${formatDate(year.latest.publishedOn)}发布`
      : year.deadline
        ? `${year.status === 'overdue' ? '发布期限为' : '应于'}${formatDate(year.deadline)}${year.status === 'overdue' ? '' : '前发布'}`
        : '本机关未设定发布期限';
  return (
    <span>
      <Tag color={STATUS_COLORS[year.status]}>{year.statusLabel}</Tag>
      <Typography.Text type={year.status === 'overdue' ? 'danger' : 'secondary'}>{detail}</Typography.Text>
    </span>
  );
}

export default function ReportListPage() {
  const mayEdit = useSession().allows('reports/edit');
  const agency = useAgencyCode();
  const { data, error, loading } = useApi(() => reportsApi.years(agency), [agency]);
  return (
    <>
      <Typography.Title level={2}>年度报告</Typography.Title>
      <Typography.Paragraph type="secondary">
        表格数据由本机关的办理记录自动生成；正文可编辑，发布前须通过校验。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<ReportYear>
        rowKey="year"
        loading={loading}
        pagination={false}
        dataSource={data?.years ?? []}
        scroll={{ x: 760 }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => `${y} 年` },
          { title: '状态', key: 'status', width: 300, render: (_: unknown, y) => <ReportStatus year={y} /> },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, { year }) => (
              <span style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
                <Link to={`/reports/${year}`}>
                  {mayEdit ? '编辑' : '查看'} {year} 年度报告
                </Link>
                <Link to={`/reports/${year}/figures`}>{year} 年行政管理数据</Link>
                <a href={reportsApi.fileUrl(agency, year, 'html')} target="_blank" rel="noreferrer">
                  预览
                </a>
                <a href={reportsApi.fileUrl(agency, year, 'docx')}>下载 Word 文档</a>
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
