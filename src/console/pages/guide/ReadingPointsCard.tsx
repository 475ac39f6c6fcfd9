/** 政府信息查阅场所 (条例 第二十五条): the agency's list, added, changed and removed by its admin. */
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ReadingPoint, ReadingPointInput } from '../../../contract/guide.ts';
import { READING_POINT_KIND_LABELS, READING_POINT_KINDS } from '../../../domain/guide/reading-points.ts';
import { guideApi } from '../../api/guide.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useChange } from '../../lib/use-change.ts';

const KIND_OPTIONS = READING_POINT_KINDS.map((k) => ({ value: k, label: READING_POINT_KIND_LABELS[k] }));

export function ReadingPointsCard({ code }: { code: string }) {
  const loaded = useApi(() => guideApi.points(code), [code]);
  const change = useChange(loaded.reload);
  const [form] = Form.useForm<ReadingPointInput>();
  /** null: closed; 'new': adding; a point: changing it */
  const [editing, setEditing] = useState<ReadingPoint | 'new' | null>(null);
  const open = (point: ReadingPoint | 'new') => {
    form.setFieldsValue(
      point === 'new'
        ? {
            name: '',
            kind: 'service_center',
            address: '',
            hours: '',
            phone: '',
            sort: (loaded.data?.points.length ?? 0) + 1,
          }
        : { ...point, kind: point.kind as ReadingPointInput['kind'] },
    );
    setEditing(point);
  };
  if (loaded.error) return <Alert type="error" title={loaded.error} />;
  return (
    <Card
      title="政府信息查阅场所"
      extra={
        <Button type="primary" onClick={() => open('new')}>
          新增查阅场所
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        条例第二十五条：各级人民政府应当在国家档案馆、公共图书馆、政务服务场所设置政府信息查阅场所。这里列出的场所显示在公开指南中。
      </Typography.Paragraph>
      <Table<ReadingPoint>
        rowKey="id"
        size="small"
        loading={loaded.loading}
        dataSource={loaded.data?.points ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: '尚未设置查阅场所' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kindLabel', width: 110 },
          { title: '地址', dataIndex: 'address' },
          { title: '开放时间', dataIndex: 'hours' },
          { title: '电话', dataIndex: 'phone', width: 130 },
          {
            title: '操作',
            width: 120,
            render: (_v, point) => (
              <Flex gap={8}>
                <Button size="small" onClick={() => open(point)}>
                  修改
                </Button>
                <Popconfirm
                  title={`删除“${point.name}”？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => change('查阅场所已删除', () => guideApi.removePoint(code, point.id))}
                >
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <FormModal<ReadingPointInput>
        open={editing !== null}
        title={editing === 'new' ? '新增查阅场所' : '修改查阅场所'}
        form={form}
        forceRender
        send={(values) =>
          editing === 'new' || editing === null
            ? guideApi.addPoint(code, values)
            : guideApi.changePoint(code, editing.id, values)
        }
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          loaded.reload();
        }}
      >
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写查阅场所名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择场所类型' }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item
          label="地址"
          name="address"
          rules={[{ required: true, whitespace: true, message: '请填写查阅场所地址' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="开放时间" name="hours">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="电话" name="phone">
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item label="排序" name="sort" extra="数字小的排在前面">
          <InputNumber controls={false} min={0} max={999} precision={0} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
