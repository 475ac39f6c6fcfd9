/** 年度报告: the years, each with its editor, yearly figures and downloads. */
import { Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { reportsApi } from '../../api/reports.ts';
import { useAgencyCode } from '../../session-context.tsx';

/** The report years offered: 2020 (the first of the 2021 format's comparisons) to last year. */
export function reportYears(today: Date): number[] {
  const last = today.getFullYear() - 1;
  const years: number[] = [];
  for (let y = last; y >= 2020; y--) years.push(y);
  return years;
}

export default function ReportListPage() {
  const agency = useAgencyCode();
  return (
    <>
      <Typography.Title level={2}>年度报告</Typography.Title>
      <Typography.Paragraph type="secondary">
        表格数据由本机关的办理记录自动生成；正文可编辑，发布前须通过校验。
      </Typography.Paragraph>
      <Table
        rowKey="year"
        pagination={false}
        dataSource={reportYears(new Date()).map((year) => ({ year }))}
        columns={[
          { title: '年度', dataIndex: 'year', render: (y: number) => `${y} 年` },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, { year }) => (
              <span style={{ display: 'flex', gap: 16 }}>
                <Link to={`/reports/${year}`}>编辑 {year} 年度报告</Link>
                <Link to={`/reports/${year}/figures`}>{year} 年行政管理数据</Link>
                <a href={reportsApi.fileUrl(agency, year, 'html')} target="_blank" rel="noreferrer">
                  预览
                </a>
                <a href={reportsApi.fileUrl(agency, year, 'docx')}>下载 Word</a>
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
