/**
 * 栏目备注说明: every column of the catalogue (第二十条's categories, the agency's sub-columns,
 * 公开制度) with its count and note. An empty column shows its note on the portal; one without a
 * note shows 暂无信息 and is listed here as a defect to fix (an inspection counts it against the agency).
 */
import { Alert, Button, Card, Form, Input, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CatalogueColumnRow } from '../../../contract/guide.ts';
import { guideApi } from '../../api/guide.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useApi } from '../../lib/use-api.ts';

const state = (c: CatalogueColumnRow) =>
  c.blank ? (
    <Tag color="error">空白栏目，缺少说明</Tag>
  ) : c.count === 0 ? (
    <Tag color="processing">显示说明</Tag>
  ) : (
    <Tag>有信息</Tag>
  );

export function ColumnNotesCard({ code }: { code: string }) {
  const loaded = useApi(() => guideApi.columns(code), [code]);
  const [form] = Form.useForm<{ note: string }>();
  const [editing, setEditing] = useState<CatalogueColumnRow | null>(null);
  const [onlyBlank, setOnlyBlank] = useState(false);
  if (loaded.error) return <Alert type="error" title={loaded.error} />;
  const columns = loaded.data?.columns ?? [];
  const blank = columns.filter((c) => c.blank);
  const shown = onlyBlank ? blank : columns;
  return (
    <Card
      title="栏目备注说明"
      extra={
        <Switch
          checked={onlyBlank}
          onChange={setOnlyBlank}
          checkedChildren="只看空白栏目"
          unCheckedChildren="全部栏目"
        />
      }
    >
      <Typography.Paragraph type="secondary">
        栏目没有信息时，门户网站显示其备注说明（如“本机关无行政事业性收费项目”）；既无信息又无说明的栏目只显示“暂无信息”，检查时视为空白栏目。
      </Typography.Paragraph>
      {loaded.data &&
        (blank.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`有 ${blank.length} 个栏目既无信息也无备注说明：${blank.map((c) => c.name).join('、')}。请发布信息或填写说明。`}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title="没有空白栏目：每个栏目都有信息或备注说明。"
          />
        ))}
      <Table<CatalogueColumnRow>
        rowKey={(c) => `${c.scope}:${c.code}`}
        size="small"
        loading={loaded.loading}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: '没有空白栏目' }}
        columns={[
          { title: '栏目', dataIndex: 'name' },
          {
            title: '层级',
            width: 110,
            render: (_v, c) => (c.scope === 'category' ? '第二十条类别' : '子栏目'),
          },
          { title: '信息数', dataIndex: 'count', width: 80, align: 'right' },
          {
            title: '备注说明',
            dataIndex: 'note',
            render: (note: string) => note || <Typography.Text type="secondary">未填写</Typography.Text>,
          },
          { title: '状态', width: 150, render: (_v, c) => state(c) },
          {
            title: '操作',
            width: 100,
            render: (_v, c) => (
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue({ note: c.note });
                  setEditing(c);
                }}
              >
                填写说明
              </Button>
            ),
          },
        ]}
      />
      <FormModal<{ note: string }>
        open={editing !== null}
        title={`备注说明：${editing?.name ?? ''}`}
        form={form}
        forceRender
        send={(values) =>
          editing ? guideApi.setNote(code, editing, values.note ?? '') : Promise.resolve(null)
        }
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          loaded.reload();
        }}
      >
        <Form.Item label="备注说明" name="note" extra="栏目没有信息时向公众显示；清空后保存即删除说明">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
