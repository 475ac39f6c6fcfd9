/** 行政复议 and 行政诉讼 about a request: the list and the form to record one (feeds table 四). */
import { Alert, Button, Card, DatePicker, Form, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { type CaseDetail, type ReviewCaseBody, requestsApi } from '../../api/requests.ts';
import { labelOf } from '../../lib/format.ts';
import { useSession } from '../../session-context.tsx';
import { REVIEW_RESULT_LABELS, T4_GROUP_LABELS } from './labels.ts';

interface Values {
  group: ReviewCaseBody['group'];
  filedOn: Dayjs;
  decidedOn?: Dayjs;
  result?: NonNullable<ReviewCaseBody['result']>;
}

export function ReviewsCard(props: {
  agency: string;
  caseId: number;
  reviews: CaseDetail['reviews'];
  onRecorded(): void;
}) {
  // recording one feeds table 四: the operator's (domain/requests/policy.ts `record_review`)
  const canRecord = useSession().allows('requests/record_review');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    setError(null);
    try {
      await requestsApi.recordReview(props.agency, props.caseId, {
        group: values.group,
        filedOn: values.filedOn.format('YYYY-MM-DD'),
        decidedOn: values.decidedOn ? values.decidedOn.format('YYYY-MM-DD') : null,
        result: values.result ?? null,
      });
      form.resetFields();
      setOpen(false);
      props.onRecorded();
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  };

  return (
    <Card
      title="行政复议、行政诉讼"
      style={{ marginTop: 16 }}
      extra={
        canRecord ? <Button onClick={() => setOpen(!open)}>{open ? '收起' : '登记复议或诉讼'}</Button> : null
      }
    >
      {open && canRecord && (
        <Form
          form={form}
          layout="inline"
          onFinish={submit}
          style={{ marginBottom: 16, rowGap: 8 }}
          aria-label="登记复议或诉讼"
        >
          {error && <Alert type="error" showIcon title={error} style={{ width: '100%', marginBottom: 8 }} />}
          <Form.Item label="类别" name="group" rules={[{ required: true, message: '请选择类别' }]}>
            <Select
              style={{ width: 180 }}
              options={Object.entries(T4_GROUP_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="提起日期" name="filedOn" rules={[{ required: true, message: '请选择提起日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="结案日期" name="decidedOn">
            <DatePicker />
          </Form.Item>
          <Form.Item label="结果" name="result">
            <Select
              allowClear
              style={{ width: 120 }}
              options={Object.entries(REVIEW_RESULT_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            登记
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.reviews}
        locale={{ emptyText: '暂无' }}
        columns={[
          { title: '类别', dataIndex: 'group', render: (v: string) => labelOf(T4_GROUP_LABELS, v) },
          { title: '提起日期', dataIndex: 'filedOn' },
          { title: '结案日期', dataIndex: 'decidedOn', render: (v: string | null) => v ?? '尚未审结' },
          {
            title: '结果',
            dataIndex: 'result',
            render: (v: string | null) => labelOf(REVIEW_RESULT_LABELS, v),
          },
        ]}
      />
    </Card>
  );
}
