/**
 * 栏目类别: each column's class for the inspection — 动态要闻类 (2周), 通知公告类 and 政策文件类 (6个月),
 * 其他 with an expected frequency in days or none — set by the 机关管理员, one column at a time.
 */
import { Card, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnSetting } from '../../../contract/inspection.ts';
import {
  COLUMN_CLASS_LABELS,
  COLUMN_CLASSES,
  type ColumnClass,
  MAX_FREQUENCY_DAYS,
} from '../../../domain/inspection/column-classes.ts';
import { inspectionApi } from '../../api/inspection.ts';
import { useApi } from '../../lib/use-api.ts';
import { useChange } from '../../lib/use-change.ts';

export function ColumnClassesCard(props: { code: string; editable: boolean; onSaved(): void }) {
  const loaded = useApi(() => inspectionApi.columns(props.code), [props.code]);
  const change = useChange(() => {
    loaded.reload();
    props.onSaved();
  });
  const save = (c: ColumnSetting, columnClass: ColumnClass, frequencyDays: number | null) =>
    change(`已设置“${c.name}”的类别`, () =>
      inspectionApi.setColumns(props.code, {
        columns: [
          {
            scope: c.scope,
            code: c.code,
            columnClass,
            frequencyDays: columnClass === 'other' ? frequencyDays : null,
          },
        ],
      }),
    );
  return (
    <Card title="栏目类别与更新周期">
      <Typography.Paragraph type="secondary">
        动态要闻类栏目须2周内更新，通知公告类、政策文件类栏目须6个月内更新；“其他”类栏目可设应更新周期（天），超过即计入“应更新但长期未更新”，不设则不检查。
        {props.editable && '改动后点“运行自查并保存”，今天的结果即按新的类别重新计算。'}
      </Typography.Paragraph>
      {loaded.error && <Typography.Text type="danger">{loaded.error}</Typography.Text>}
      <Table<ColumnSetting>
        rowKey={(c) => `${c.scope}:${c.code}`}
        size="small"
        loading={loaded.loading}
        dataSource={loaded.data?.columns ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: '栏目', dataIndex: 'name', width: 180, fixed: 'left' },
          { title: '信息数', dataIndex: 'count', width: 80, align: 'right' },
          {
            title: '最近更新',
            dataIndex: 'lastPublishedOn',
            width: 110,
            render: (d: string | null) => d ?? '无',
          },
          {
            title: '类别',
            width: 150,
            render: (_v, c) =>
              props.editable ? (
                <Select<ColumnClass>
                  aria-label={`${c.name}的类别`}
                  size="small"
                  value={c.columnClass}
                  style={{ width: 130 }}
                  onChange={(value) => save(c, value, c.frequencyDays)}
                  options={COLUMN_CLASSES.map((k) => ({ value: k, label: COLUMN_CLASS_LABELS[k] }))}
                />
              ) : (
                COLUMN_CLASS_LABELS[c.columnClass]
              ),
          },
          {
            title: '更新周期',
            width: 160,
            render: (_v, c) =>
              props.editable && c.columnClass === 'other' ? (
                <InputNumber<number>
                  aria-label={`${c.name}的更新周期（天）`}
                  size="small"
                  min={1}
                  max={MAX_FREQUENCY_DAYS}
                  precision={0}
                  placeholder="不检查"
                  suffix="天"
                  defaultValue={c.frequencyDays ?? undefined}
                  style={{ width: 120 }}
                  onBlur={(e) => {
                    const text = e.target.value.trim();
                    const days = text === '' ? null : Number(text);
                    if (days !== c.frequencyDays) void save(c, 'other', days);
                  }}
                />
              ) : (
                c.periodLabel.replace(/^.*（|）$/g, '')
              ),
          },
        ]}
      />
    </Card>
  );
}
