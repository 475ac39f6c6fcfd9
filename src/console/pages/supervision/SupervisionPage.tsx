/**
 * 监督工作台 (issue 15, docs/supervision.md): the supervisor's subtree — every agency below their
 * office, each with its year's annual report (against its deadline), its requests (received, open,
 * overdue now, the median working days to answer, the outcome mix), 复议/诉讼 with the 纠错率, and
 * its publications with their timeliness (第二十六条); a branch's figures are its whole subtree's.
 * “查看” opens the agency read-only (its 工作台, cases, items, reports), down to one case.
 */
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { OUTCOME_GROUP_LABELS, OUTCOME_GROUPS } from '../../../domain/report/vocabulary.ts';
import { inspectionApi } from '../../api/inspection.ts';
import { remindersApi } from '../../api/reminders.ts';
import { type SupervisionRow, supervisionApi } from '../../api/supervision.ts';
import { formatInstant } from '../../lib/format.ts';
import { NOWRAP } from '../../lib/table.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSession } from '../../session-context.tsx';
import { EvidenceExport } from '../inspection/EvidenceExport.tsx';
import { RemindersCard } from './RemindersCard.tsx';
import { SendReminderModal } from './SendReminderModal.tsx';
import { TrendsCard } from './TrendsCard.tsx';

const REPORT_COLORS: Record<string, string> = {
  published: 'green',
  draft: 'blue',
  none: 'default',
  overdue: 'red',
};

type Figures = SupervisionRow['own'];

/** A row of the tree table: the agency's subtree figures (its own when it has none below), its children nested. */
interface TreeRow {
  key: string;
  row: SupervisionRow;
  figures: Figures;
  children?: TreeRow[];
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** “+3” / “−2” / “持平” against last year, or nothing when last year had none. */
function trend(now: number, before: number): string {
  if (before === 0) return '';
  const diff = now - before;
  if (diff === 0) return '（与上年持平）';
  return `（比上年${diff > 0 ? '增加' : '减少'}${Math.abs(diff)}，${diff > 0 ? '+' : '−'}${Math.round((Math.abs(diff) / before) * 100)}%）`;
}

function nest(rows: readonly SupervisionRow[]): TreeRow[] {
  const byCode = new Map<string, TreeRow>();
  const roots: TreeRow[] = [];
  for (const row of rows) {
    const node: TreeRow = { key: row.code, row, figures: row.subtree };
    byCode.set(row.code, node);
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

function outcomeText(f: Figures): string {
  return OUTCOME_GROUPS.filter((g) => f.outcomes[g] > 0)
    .map((g) => `${OUTCOME_GROUP_LABELS[g]}${f.outcomes[g]}`)
    .join('、');
}

export default function SupervisionPage() {
  const { supervised, chooseAgency } = useSession();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [root, setRoot] = useState(supervised[0]?.code ?? '');
  const [year, setYear] = useState(thisYear - 1);
  const { data, error, loading } = useApi(
    () => (root ? supervisionApi.overview(root, year) : Promise.resolve(undefined)),
    [root, year],
  );
  const reminders = useApi(
    () => (root ? remindersApi.ofSubtree(root) : Promise.resolve({ reminders: [] })),
    [root],
  );
  const [remindTo, setRemindTo] = useState<{ code: string; name: string } | null>(null);
  const tree = useMemo(() => nest(data?.agencies ?? []), [data]);
  const top = data?.agencies[0];
  const look = (row: SupervisionRow) => {
    chooseAgency(row.code, row.name);
    navigate('/');
  };
  const columns: ColumnsType<TreeRow> = [
    {
      title: '机关',
      key: 'name',
      render: (_, { row }) => (
        <Flex gap={8} align="center" wrap={false}>
          <span>{row.name}</span>
          <Button
            type="link"
            size="small"
            onClick={() => look(row)}
            aria-label={`只读查看${row.name}`}
            style={{ flex: 'none', paddingInline: 0 }}
          >
            查看
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => setRemindTo({ code: row.code, name: row.name })}
            aria-label={`督办${row.name}`}
            style={{ flex: 'none', paddingInline: 0 }}
          >
            督办
          </Button>
        </Flex>
      ),
    },
    {
      title: `${year}年度报告`,
      key: 'report',
      ...NOWRAP,
      render: (_, { row, children }) => (
        <Tooltip
          title={
            (row.report.deadline ? `期限 ${row.report.deadline}` : '无法定期限') +
            (row.report.publishedOn ? `；${row.report.publishedOn} 发布第${row.report.version}版` : '') +
            (children
              ? `；本级及下级：已发布${row.subtree.reports.published}、逾期${row.subtree.reports.overdue}`
              : '')
          }
        >
          <Tag color={REPORT_COLORS[row.report.status]}>{row.report.statusLabel}</Tag>
          {children && row.subtree.reports.overdue > 0 && (
            <Tag color="red">下级逾期{row.subtree.reports.overdue}</Tag>
          )}
        </Tooltip>
      ),
    },
    {
      title: '收到申请',
      key: 'received',
      align: 'right',
      ...NOWRAP,
      render: (_, { figures }) => figures.received,
    },
    { title: '办理中', key: 'open', align: 'right', ...NOWRAP, render: (_, { figures }) => figures.open },
    {
      title: '已逾期',
      key: 'overdue',
      align: 'right',
      ...NOWRAP,
      render: (_, { figures }) =>
        figures.overdue > 0 ? <Typography.Text type="danger">{figures.overdue}</Typography.Text> : 0,
    },
    {
      title: '答复用时中位数',
      key: 'median',
      align: 'right',
      ...NOWRAP,
      render: (_, { figures }) =>
        figures.medianWorkingDays === null ? '—' : `${figures.medianWorkingDays} 个工作日`,
    },
    { title: '办理结果', key: 'outcomes', render: (_, { figures }) => outcomeText(figures) || '—' },
    {
      title: '复议/诉讼纠错率',
      key: 'correction',
      align: 'right',
      ...NOWRAP,
      render: (_, { figures }) => (
        <Tooltip
          title={`复议 ${figures.reviews.filed} 件（审结 ${figures.reviews.concluded}、纠正 ${figures.reviews.corrected}），诉讼 ${figures.suits.filed} 件（审结 ${figures.suits.concluded}、纠正 ${figures.suits.corrected}）`}
        >
          {percent(figures.correctionRate)}
        </Tooltip>
      ),
    },
    {
      title: '主动公开',
      key: 'published',
      align: 'right',
      ...NOWRAP,
      render: (_, { figures }) => figures.published,
    },
    {
      title: '按时公开率',
      key: 'timely',
      align: 'right',
      ...NOWRAP,
      render: (_, { figures }) => (
        <Tooltip title={`超过20个工作日公开 ${figures.late} 条（条例第二十六条）`}>
          {percent(figures.timelyRate)}
        </Tooltip>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={2}>监督工作台</Typography.Title>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        {supervised.length > 1 && (
          <Select
            aria-label="监督范围"
            value={root}
            onChange={setRoot}
            options={supervised.map((a) => ({ value: a.code, label: a.name }))}
            style={{ minWidth: 240 }}
          />
        )}
        <Select
          aria-label="年度"
          value={year}
          onChange={setYear}
          options={Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: `${y}年`,
          }))}
          style={{ width: 120 }}
        />
      </Flex>
      {root && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Button href={supervisionApi.statisticsUrl(root, year, 'xlsx')} download>
            导出{year}年度区域汇总统计（电子表格）
          </Button>
          <Button href={supervisionApi.statisticsUrl(root, year, 'csv')} download>
            汇总统计（CSV）
          </Button>
          <Button href={supervisionApi.statisticsUrl(root, year, 'json')} target="_blank">
            汇总统计（JSON，按单元格代码）
          </Button>
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {!root && <Alert type="info" showIcon title="您没有监督范围：监督人员角色由平台管理员在本机关授予。" />}
      {data && top && (
        <>
          <Typography.Paragraph type="secondary">
            {top.name}及其下级机关共 {top.subtree.agencies} 个；今天是 {data.today}。
            申请办理期限按工作日计算（含调休）
            {data.provisional ? '；该年度放假安排尚未发布，工作日为暂算' : ''}。 年度数字统计截至{' '}
            {formatInstant(data.countedUpTo)}
            {data.pending > 0 ? `，另有 ${data.pending} 个机关的新数据正在重新统计，稍后刷新可见` : ''}。
          </Typography.Paragraph>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} role="list" aria-label="汇总">
            <Col xs={12} md={8} xl={4} role="listitem">
              <Card size="small">
                <Statistic
                  title="年度报告已发布"
                  value={top.subtree.reports.published}
                  suffix={`/ ${top.subtree.agencies}`}
                />
                {top.subtree.reports.overdue > 0 && (
                  <Typography.Text type="danger">逾期未发布 {top.subtree.reports.overdue} 个</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4} role="listitem">
              <Card size="small">
                <Statistic title="收到申请" value={top.subtree.received} suffix="件" />
                <Typography.Text type="secondary">
                  {trend(top.subtree.received, top.subtree.previous.received)}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4} role="listitem">
              <Card size="small">
                <Statistic
                  title="已逾期（当前）"
                  value={top.subtree.overdue}
                  suffix="件"
                  styles={{ content: { color: top.subtree.overdue > 0 ? '#cf1322' : undefined } }}
                />
                <Typography.Text type="secondary">办理中 {top.subtree.open} 件</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4} role="listitem">
              <Card size="small">
                <Statistic
                  title="答复用时中位数"
                  value={top.subtree.medianWorkingDays ?? '—'}
                  suffix={top.subtree.medianWorkingDays === null ? '' : '个工作日'}
                />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4} role="listitem">
              <Card size="small">
                <Statistic title="复议/诉讼纠错率" value={percent(top.subtree.correctionRate)} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4} role="listitem">
              <Card size="small">
                <Statistic title="主动公开" value={top.subtree.published} suffix="条" />
                <Typography.Text type="secondary">
                  按时 {percent(top.subtree.timelyRate)}
                  {trend(top.subtree.published, top.subtree.previous.published)}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
        </>
      )}
      <Table<TreeRow>
        // mounted again with each overview, so its first level opens expanded
        key={`${root}-${year}-${data ? 'loaded' : 'loading'}`}
        rowKey="key"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={tree}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ defaultExpandedRowKeys: tree.map((t) => t.key) }}
        aria-label="下级机关"
        style={{ marginBottom: 16 }}
      />
      {root && <TrendsCard root={root} year={year} />}
      {reminders.error && <Alert type="error" showIcon title={reminders.error} />}
      <RemindersCard
        reminders={reminders.data?.reminders ?? []}
        as="supervisor"
        onChanged={reminders.reload}
      />
      {root && (
        <Card title="下级机关网站自查佐证材料" style={{ marginTop: 16 }}>
          <EvidenceExport
            label="导出本级及下级机关佐证材料"
            urlOf={(from, to, file) => inspectionApi.subtreeEvidenceUrl(root, from, to, file)}
          />
        </Card>
      )}
      <SendReminderModal
        agency={remindTo}
        onClose={() => setRemindTo(null)}
        onSent={() => {
          setRemindTo(null);
          reminders.reload();
        }}
      />
    </>
  );
}
