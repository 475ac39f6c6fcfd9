/**
 * 网站自查 (issue 15, docs/inspection.md): the day's indicators as cards with their state (合格 / 预警
 * / 不合格) and whether each is a 单项否决; the columns stale, soon stale or blank with their last
 * update; the 规范性文件 without 解读; the dead links (DeadLinksCard); an indicator's history; the columns' classes. Every staff
 * role reads; the 机关管理员 runs the day and sets the classes.
 */
import { Alert, Button, Card, Col, Flex, Row, Spin, Table, Tag, Typography } from 'antd';
import type { Indicator, Inspection } from '../../../contract/inspection.ts';
import { COLUMN_CLASS_LABELS } from '../../../domain/inspection/column-classes.ts';
import { inspectionApi } from '../../api/inspection.ts';
import { useApi } from '../../lib/use-api.ts';
import { useChange } from '../../lib/use-change.ts';
import { useSession } from '../../session-context.tsx';
import { AccountsCard } from './AccountsCard.tsx';
import { ColumnClassesCard } from './ColumnClassesCard.tsx';
import { DeadLinksCard } from './DeadLinksCard.tsx';
import { EvidenceExport } from './EvidenceExport.tsx';
import { HistoryCard } from './HistoryCard.tsx';

export const STATE_COLORS: Record<Indicator['state'], string> = {
  ok: 'success',
  alarm: 'warning',
  failed: 'error',
};

const valueText = (i: Indicator) => (i.value === null ? '无' : `${i.value}${i.unit}`);

function IndicatorCard({ indicator }: { indicator: Indicator }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong>{indicator.name}</Typography.Text>
        <Tag color={STATE_COLORS[indicator.state]} style={{ marginInlineEnd: 0 }}>
          {indicator.stateLabel}
        </Tag>
      </Flex>
      <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
        {valueText(indicator)}
      </Typography.Title>
      <Typography.Text type="secondary">
        阈值：{indicator.thresholdLabel}
        {indicator.veto ? '，单项否决' : '，不作单项否决'}
      </Typography.Text>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}
        ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
      >
        {indicator.rule}
      </Typography.Paragraph>
    </Card>
  );
}

interface ColumnRow {
  key: string;
  name: string;
  columnClass: keyof typeof COLUMN_CLASS_LABELS;
  lastPublishedOn: string | null;
  freshUntil: string | null;
  daysLeft: number | null;
  indicator: string;
}

/** The columns the day names: stale, stale within 7 days, blank. */
function columnRows(inspection: Inspection): ColumnRow[] {
  return inspection.indicators.flatMap((i) =>
    (i.details.columns ?? []).map((c) => ({
      key: `${i.indicator}:${c.scope}:${c.code}`,
      indicator: i.name,
      ...c,
    })),
  );
}

const columnState = (c: ColumnRow) =>
  c.daysLeft === null ? (
    <Tag color="error">空白，无备注说明</Tag>
  ) : c.daysLeft < 0 ? (
    <Tag color="error">已超期 {-c.daysLeft} 天</Tag>
  ) : (
    <Tag color="warning">还有 {c.daysLeft} 天</Tag>
  );

function ColumnsCard({ inspection }: { inspection: Inspection }) {
  const rows = columnRows(inspection);
  return (
    <Card title="需要处理的栏目">
      <Typography.Paragraph type="secondary">
        已超期、7天内将超期的栏目和空白栏目。发布信息即更新栏目；空白栏目也可在“公开指南与栏目”填写备注说明。
      </Typography.Paragraph>
      <Table<ColumnRow>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 620 }}
        locale={{ emptyText: '没有需要处理的栏目' }}
        columns={[
          { title: '栏目', dataIndex: 'name', width: 200, fixed: 'left' },
          { title: '类别', width: 110, render: (_v, c) => COLUMN_CLASS_LABELS[c.columnClass] },
          {
            title: '最近更新',
            dataIndex: 'lastPublishedOn',
            width: 110,
            render: (d: string | null) => d ?? '无',
          },
          {
            title: '应更新日期',
            dataIndex: 'freshUntil',
            width: 110,
            render: (d: string | null) => d ?? '—',
          },
          { title: '状态', width: 150, render: (_v, c) => columnState(c) },
        ]}
      />
    </Card>
  );
}

function InterpretationCard({ inspection }: { inspection: Inspection }) {
  const missing = inspection.indicators.find((i) => i.indicator === 'interpretation.missing');
  const unlinked = inspection.indicators.find((i) => i.indicator === 'interpretation.unlinked');
  const ratio = inspection.indicators.find((i) => i.indicator === 'interpretation.ratio');
  const items = [
    ...(missing?.details.items ?? []).map((i) => ({ ...i, problem: '未关联解读' })),
    ...(unlinked?.details.items ?? []).map((i) => ({ ...i, problem: '解读未指向已发布的文件' })),
  ];
  return (
    <Card title="政策解读">
      <Table
        rowKey={(y) => String(y.year)}
        size="small"
        pagination={false}
        dataSource={ratio?.details.years ?? []}
        tableLayout="fixed"
        locale={{ emptyText: '尚无规范性文件' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '规范性文件', dataIndex: 'policies', align: 'right' },
          { title: '已解读', dataIndex: 'interpreted', align: 'right' },
          {
            title: '解读比例',
            dataIndex: 'ratio',
            align: 'right',
            render: (r: number | null) => (r === null ? '—' : `${r}%`),
          },
        ]}
      />
      {items.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          rowKey={(i) => `${i.problem}:${i.id}`}
          size="small"
          pagination={false}
          dataSource={items}
          columns={[
            { title: '信息', dataIndex: 'title' },
            { title: '问题', dataIndex: 'problem', width: 180 },
          ]}
        />
      )}
    </Card>
  );
}

export default function InspectionPage() {
  const { agency, allows } = useSession();
  const code = agency?.code ?? '';
  const loaded = useApi(() => inspectionApi.today(code), [code]);
  const change = useChange(loaded.reload);
  const inspection = loaded.data;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          网站自查
        </Typography.Title>
        {allows('inspection/run') && (
          <Button
            type="primary"
            onClick={() => change('已运行自查并保存今天的结果', () => inspectionApi.run(code))}
          >
            运行自查并保存
          </Button>
        )}
      </Flex>
      {loaded.error && <Alert type="error" title={loaded.error} />}
      {!inspection && !loaded.error && <Spin />}
      {inspection && (
        <>
          <Alert
            type={
              inspection.vetoed
                ? 'error'
                : inspection.indicators.some((i) => i.state !== 'ok')
                  ? 'warning'
                  : 'success'
            }
            showIcon
            title={`${inspection.day}：${inspection.vetoed ? '有单项否决指标不合格，网站将被判为不合格' : '未触发单项否决'}`}
            description={
              inspection.stored
                ? `结果已于 ${new Date(inspection.runAt ?? '').toLocaleString('zh-CN')} 保存。`
                : '今天尚未运行自查：以下为按当前数据即时计算的结果，未保存。'
            }
          />
          <Row gutter={[16, 16]}>
            {inspection.indicators.map((i) => (
              <Col key={i.indicator} xs={24} md={12} xl={8}>
                <IndicatorCard indicator={i} />
              </Col>
            ))}
          </Row>
          <ColumnsCard inspection={inspection} />
          <InterpretationCard inspection={inspection} />
          <AccountsCard inspection={inspection} />
          <DeadLinksCard code={code} canCheck={allows('inspection/run')} onChecked={loaded.reload} />
          <HistoryCard code={code} indicators={inspection.indicators} />
          <Card title="佐证材料">
            <EvidenceExport urlOf={(from, to, file) => inspectionApi.evidenceUrl(code, from, to, file)} />
          </Card>
        </>
      )}
      <ColumnClassesCard code={code} editable={allows('inspection/configure')} onSaved={loaded.reload} />
    </Flex>
  );
}
