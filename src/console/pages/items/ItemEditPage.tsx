/** Draft a new item, or edit one (only the changed fields are sent, with the version seen). */
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { messageOf } from '../../api/client.ts';
import { type ItemDetail, itemsApi, type NewItemBody } from '../../api/items.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode } from '../../session-context.tsx';
import { ITEM_VALIDITY_LABELS, STATUTORY_CATEGORY_LABELS } from './labels.ts';

interface Values {
  title: string;
  category: NewItemBody['category'];
  formedOn: Dayjs;
  issuer?: string;
  docNumber?: string;
  validity: NonNullable<NewItemBody['validity']>;
  subject?: string;
  bodyHtml?: string;
  isPolicyDocument?: boolean;
  isInterpretation?: boolean;
}

const FIELDS = [
  'title',
  'category',
  'issuer',
  'docNumber',
  'validity',
  'subject',
  'bodyHtml',
  'isPolicyDocument',
  'isInterpretation',
] as const;

/** The fields the form sends, as the item detail has them. */
type ItemBody = Required<Pick<NewItemBody, (typeof FIELDS)[number] | 'formedOn'>>;
const BODY_KEYS = [...FIELDS, 'formedOn'] as const;

/** The request body of the form: dates as text, empty document number as null. */
function bodyOf(values: Values): ItemBody {
  return {
    title: values.title,
    category: values.category,
    issuer: values.issuer ?? '',
    docNumber: values.docNumber ? values.docNumber : null,
    validity: values.validity,
    subject: values.subject ?? '',
    bodyHtml: values.bodyHtml ?? '',
    isPolicyDocument: values.isPolicyDocument ?? false,
    isInterpretation: values.isInterpretation ?? false,
    formedOn: values.formedOn.format('YYYY-MM-DD'),
  };
}

function ItemForm({ item }: { item?: ItemDetail }) {
  const agency = useAgencyCode();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(values);
      if (!item) {
        const created = await itemsApi.create(agency, body);
        navigate(`/items/${created.itemId}`);
        return;
      }
      const changes = Object.fromEntries(
        BODY_KEYS.filter((key) => item[key] !== body[key]).map((key) => [key, body[key]]),
      );
      await itemsApi.edit(agency, item.id, { expectedVersion: item.version, ...changes });
      navigate(`/items/${item.id}`);
    } catch (thrown) {
      setError(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      layout="vertical"
      onFinish={submit}
      aria-label={item ? '修改信息' : '起草信息'}
      initialValues={
        item
          ? { ...item, docNumber: item.docNumber ?? '', formedOn: dayjs(item.formedOn) }
          : { category: 'other', validity: 'valid', formedOn: dayjs() }
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="法定类别" name="category" rules={[{ required: true }]}>
              <Select
                options={Object.entries(STATUTORY_CATEGORY_LABELS).map(([value, label]) => ({
                  value,
                  label,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              label="成文日期"
              name="formedOn"
              rules={[{ required: true, message: '请选择成文日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="有效性" name="validity">
              <Select
                options={Object.entries(ITEM_VALIDITY_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="发文机关" name="issuer">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="文号" name="docNumber">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="主题分类" name="subject">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="正文（网页代码，仅保留公文常用标签）" name="bodyHtml">
          <Input.TextArea rows={10} />
        </Form.Item>
        <Form.Item name="isPolicyDocument" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>政策文件</Checkbox>
        </Form.Item>
        <Form.Item name="isInterpretation" valuePropName="checked">
          <Checkbox>解读材料</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {item ? '保存修改' : '保存草稿'}
        </Button>
      </Card>
    </Form>
  );
}

export default function ItemEditPage() {
  const agency = useAgencyCode();
  const id = useParams().id;
  const loaded = useApi(
    () => (id ? itemsApi.get(agency, Number(id)) : Promise.resolve(undefined)),
    [agency, id],
  );
  return (
    <>
      <Link to={id ? `/items/${id}` : '/items'}>← 返回</Link>
      <Typography.Title level={2}>{id ? '修改信息' : '起草信息'}</Typography.Title>
      {loaded.error && <Alert type="error" showIcon title={loaded.error} />}
      {(!id || loaded.data) && <ItemForm item={loaded.data} />}
    </>
  );
}
