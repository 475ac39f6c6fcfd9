/**
 * One 年报体检 batch: each report (agency, year, format, errors, warnings), its findings on expanding
 * the row, filters by rule and severity, and the exports (reports.csv, findings.csv).
 */
import { Alert, Button, Descriptions, Flex, List, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { type ReportCheckBatch, reportChecksApi } from '../../api/report-checks.ts';
import { formatInstant } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode } from '../../session-context.tsx';

type Check = ReportCheckBatch['checks'][number];
type Finding = Check['findings'][number];

const SEVERITY = {
  error: { label: '错误', color: 'red' },
  warning: { label: '警告', color: 'gold' },
  notice: { label: '提示', color: 'blue' },
} as const;
const FORMAT_LABELS: Record<string, string> = { '2021': '2021年版', '2019': '2019年试行版' };

function Findings({ check, shown }: { check: Check; shown: (f: Finding) => boolean }) {
  if (check.unreadable) return <Alert type="error" showIcon title={`无法读取：${check.unreadable}`} />;
  const findings = check.findings.filter(shown);
  return (
    <List
      size="small"
      dataSource={findings}
      locale={{ emptyText: '未发现问题' }}
      renderItem={(f) => (
        <List.Item>
          <Flex vertical gap={4}>
            <span>
              <Tag color={SEVERITY[f.severity].color}>{SEVERITY[f.severity].label}</Tag>
              <Typography.Text strong>
                {f.rule} {f.ruleName}
              </Typography.Text>
            </span>
            <span>{f.message}</span>
            {f.sentences.map((s) => (
              <Typography.Text key={s} type="secondary">
                “{s}”
              </Typography.Text>
            ))}
          </Flex>
        </List.Item>
      )}
    />
  );
}

export default function ReportCheckBatchPage() {
  const agency = useAgencyCode();
  const id = Number(useParams().id);
  const { data, error } = useApi(() => reportChecksApi.get(agency, id), [agency, id]);
  const [rule, setRule] = useState<string | null>(null);
  const [severity, setSeverity] = useState<Finding['severity'] | null>(null);
  /** one agency's reports (a supervisor's batch holds many agencies'), by the name read */
  const [agencyName, setAgencyName] = useState<string | null>(null);
  const agencyNames = useMemo(
    () =>
      [...new Set((data?.checks ?? []).map((c) => c.agencyName ?? '未能识别'))].sort((a, b) =>
        a.localeCompare(b, 'zh'),
      ),
    [data],
  );

  const rules = useMemo(() => {
    const names = new Map<string, string>();
    for (const c of data?.checks ?? []) for (const f of c.findings) names.set(f.rule, f.ruleName);
    return [...names].sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)));
  }, [data]);
  const shown = (f: Finding) => (!rule || f.rule === rule) && (!severity || f.severity === severity);
  const filtering = rule !== null || severity !== null;
  const checks = (data?.checks ?? [])
    .filter((c) => !agencyName || (c.agencyName ?? '未能识别') === agencyName)
    .filter((c) => !filtering || c.findings.some(shown));

  return (
    <>
      <Typography.Title level={2}>年报体检：{data?.name ?? '批次'}</Typography.Title>
      <Typography.Paragraph>
        <Link to="/report-checks">返回批次列表</Link>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data && (
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="检查时间">{formatInstant(data.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="检查人">{data.createdByName}</Descriptions.Item>
          <Descriptions.Item label="报告">
            已读取 {data.reports} 份，无法读取 {data.unreadable} 份
          </Descriptions.Item>
          <Descriptions.Item label="问题">
            {data.withErrors} 份有错误；错误 {data.errors} 项，警告 {data.warnings} 项
          </Descriptions.Item>
        </Descriptions>
      )}
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          aria-label="按机关筛选"
          allowClear
          showSearch
          placeholder="全部机关"
          style={{ minWidth: 240 }}
          value={agencyName}
          onChange={(v) => setAgencyName(v ?? null)}
          options={agencyNames.map((n) => ({ value: n, label: n }))}
        />
        <Select
          aria-label="按规则筛选"
          allowClear
          placeholder="全部规则"
          style={{ minWidth: 220 }}
          value={rule}
          onChange={(v) => setRule(v ?? null)}
          options={rules.map(([code, name]) => ({ value: code, label: `${code} ${name}` }))}
        />
        <Select
          aria-label="按严重程度筛选"
          allowClear
          placeholder="全部程度"
          style={{ minWidth: 140 }}
          value={severity}
          onChange={(v) => setSeverity(v ?? null)}
          options={(['error', 'warning', 'notice'] as const).map((s) => ({
            value: s,
            label: SEVERITY[s].label,
          }))}
        />
        <Button href={reportChecksApi.exportUrl(agency, id, 'reports.csv')} download>
          导出各报告数据（CSV）
        </Button>
        <Button href={reportChecksApi.exportUrl(agency, id, 'findings.csv')} download>
          导出问题清单（CSV）
        </Button>
      </Flex>
      <Table<Check>
        rowKey="id"
        loading={!data && !error}
        dataSource={checks}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filtering || agencyName ? '没有符合筛选条件的报告' : '该批次没有报告' }}
        expandable={{ expandedRowRender: (c) => <Findings check={c} shown={shown} /> }}
        columns={[
          { title: '文件', dataIndex: 'fileName' },
          { title: '机关', dataIndex: 'agencyName', render: (n: string | null) => n ?? '未能识别' },
          {
            title: '年度',
            dataIndex: 'year',
            render: (y: number | null) => (y === null ? '未能识别' : `${y}年度`),
          },
          {
            title: '格式',
            dataIndex: 'format',
            render: (f: string | null) => (f ? (FORMAT_LABELS[f] ?? f) : '—'),
          },
          {
            title: '错误',
            dataIndex: 'errors',
            render: (n: number, c) => (c.unreadable ? <Tag color="red">无法读取</Tag> : n),
          },
          { title: '警告', dataIndex: 'warnings' },
        ]}
      />
    </>
  );
}
