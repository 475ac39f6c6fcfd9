/**
 * 规范性文件: the registry of 规章 and 行政规范性文件 (every version, filtered by status and kind, each
 * linked to its page), 制发 of a new one, and the way to the year's 清理.
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DOCUMENT_STATUS_LABELS } from '../../../domain/registry/lifecycle.ts';
import { NORMATIVE_KIND_LABELS, type NormativeKind } from '../../../domain/report/vocabulary.ts';
import { type RegistryDocument, registryApi } from '../../api/registry.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { NOWRAP, STATUS_COLORS } from './labels.ts';

const PAGE = 50;
const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const ISSUE_FIELDS = ['kind', 'docNumber', 'title', 'issuer', 'issuedOn'] as const;

interface IssueValues {
  kind: NormativeKind;
  docNumber: string;
  title: string;
  issuer?: string;
  issuedOn: Dayjs;
}

export default function RegistryPage() {
  const { allows } = useSession();
  const agency = useAgencyCode();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>('in_force');
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<IssueValues>();
  const {
    data,
    error: loadError,
    loading,
    reload,
  } = useApi(
    () => registryApi.documents(agency, { status, kind, limit: PAGE, offset: (page - 1) * PAGE }),
    [agency, status, kind, page],
  );

  const issue = async (values: IssueValues) => {
    setError(null);
    try {
      const issued = await registryApi.issue(agency, {
        ...values,
        issuedOn: values.issuedOn.format('YYYY-MM-DD'),
      });
      message.success(`已登记：${issued.docNumber}`);
      form.resetFields();
      setOpen(false);
      reload();
    } catch (thrown) {
      const placed = fieldErrorsOf(thrown, ISSUE_FIELDS);
      form.setFields(placed.fields);
      setError(placed.summary ?? '请按标出的提示修改后重试。');
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>规范性文件</Typography.Title>
        <Flex gap={8}>
          <Button onClick={() => navigate(`/registry/reviews/${new Date().getFullYear()}`)}>年度清理</Button>
          {allows('registry/edit') && (
            <Button type="primary" onClick={() => setOpen(!open)}>
              {open ? '收起' : '登记制发'}
            </Button>
          )}
        </Flex>
      </Flex>
      {open && (
        <Card title="登记新制发的文件" style={{ marginBottom: 16 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form
            form={form}
            layout="vertical"
            onFinish={issue}
            initialValues={{ kind: 'normative' }}
            aria-label="登记制发"
          >
            <Flex gap={16} wrap>
              <Form.Item label="种类" name="kind">
                <Select style={{ width: 200 }} options={options(NORMATIVE_KIND_LABELS)} />
              </Form.Item>
              <Form.Item label="文号" name="docNumber" rules={[{ required: true, message: '请填写文号' }]}>
                <Input style={{ width: 240 }} />
              </Form.Item>
              <Form.Item
                label="制发日期"
                name="issuedOn"
                rules={[{ required: true, message: '请选择制发日期' }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item label="发文机关" name="issuer">
                <Input style={{ width: 240 }} />
              </Form.Item>
            </Flex>
            <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              登记
            </Button>
          </Form>
        </Card>
      )}
      {loadError && <Alert type="error" showIcon title={loadError} />}
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <Select
          aria-label="文件状态"
          allowClear
          placeholder="全部状态"
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          style={{ width: 200 }}
          options={options(DOCUMENT_STATUS_LABELS)}
        />
        <Select
          aria-label="文件种类"
          allowClear
          placeholder="全部种类"
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          style={{ width: 200 }}
          options={options(NORMATIVE_KIND_LABELS)}
        />
      </Flex>
      <Table<RegistryDocument>
        // at phone width the table scrolls inside its box; its fixed columns would squeeze 标题 to one character a line
        scroll={{ x: 960 }}
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: '文号', dataIndex: 'docNumber', ...NOWRAP },
          {
            title: '标题',
            dataIndex: 'title',
            render: (title: string, d) => <Link to={`/registry/${d.id}`}>{title}</Link>,
          },
          { title: '种类', dataIndex: 'kindLabel', ...NOWRAP },
          { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版`, ...NOWRAP },
          { title: '制发日期', dataIndex: 'issuedOn', ...NOWRAP },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            ...NOWRAP,
            render: (label: string, d) => <Tag color={STATUS_COLORS[d.status]}>{label}</Tag>,
          },
          { title: '失效日期', dataIndex: 'repealedOn', render: (v: string | null) => v ?? '—', ...NOWRAP },
        ]}
      />
    </>
  );
}
