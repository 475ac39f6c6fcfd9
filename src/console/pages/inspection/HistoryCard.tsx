/** An indicator's stored results over the last 90 days, newest first (each day's run of 网站自查). */
import { Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Indicator } from '../../../contract/inspection.ts';
import { INDICATOR_STATE_LABELS } from '../../../domain/inspection/indicators.ts';
import { inspectionApi } from '../../api/inspection.ts';
import { useApi } from '../../lib/use-api.ts';

const COLORS = { ok: 'success', alarm: 'warning', failed: 'error' } as const;

export function HistoryCard({ code, indicators }: { code: string; indicators: readonly Indicator[] }) {
  const [chosen, setChosen] = useState<string>(indicators[0]?.indicator ?? 'home.stale');
  const loaded = useApi(() => inspectionApi.history(code, chosen), [code, chosen]);
  const unit = indicators.find((i) => i.indicator === chosen)?.unit ?? '';
  const points = [...(loaded.data?.points ?? [])].reverse();
  return (
    <Card title="历史记录（近90天）">
      <Select
        aria-label="指标"
        value={chosen}
        onChange={setChosen}
        style={{ width: 320, maxWidth: '100%', marginBottom: 16 }}
        options={indicators.map((i) => ({ value: i.indicator, label: i.name }))}
      />
      {loaded.error && <Typography.Text type="danger">{loaded.error}</Typography.Text>}
      <Table
        rowKey="day"
        size="small"
        loading={loaded.loading}
        dataSource={points}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        tableLayout="fixed"
        locale={{
          emptyText:
            '尚无保存的自查结果：每天运行一次自查即留下记录（机关管理员在本页运行，或由平台每日运行）',
        }}
        columns={[
          { title: '日期', dataIndex: 'day' },
          {
            title: '数值',
            dataIndex: 'value',
            align: 'right',
            render: (v: number | null) => (v === null ? '无' : `${v}${unit}`),
          },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: keyof typeof COLORS) => <Tag color={COLORS[s]}>{INDICATOR_STATE_LABELS[s]}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
