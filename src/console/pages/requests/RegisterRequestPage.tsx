/**
 * 登记申请: a request received by letter, in person, by fax or otherwise (第二十九条, 第三十一条) — a
 * 政府信息公开申请, or a 更正申请 (第四十一条: the record, what is inaccurate, the evidence).
 */
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ID_DOCUMENT_LABELS } from '../../../domain/identity/documents.ts';
import type { ApplicantType, RequestChannel } from '../../../domain/report/vocabulary.ts';
import { DELIVERY_METHOD_LABELS, INFORMATION_FORM_LABELS } from '../../../domain/requests/applicant.ts';
import { REQUEST_KIND_LABELS, type RequestKind } from '../../../domain/requests/record-correction.ts';
import { messageOf } from '../../api/client.ts';
import { type Registered, requestsApi } from '../../api/requests.ts';
import { useAgencyCode } from '../../session-context.tsx';
import { APPLICANT_TYPE_LABELS, REQUEST_CHANNEL_LABELS } from './labels.ts';

const options = (labels: Record<string, string>, skip: string[] = []) =>
  Object.entries(labels)
    .filter(([value]) => !skip.includes(value))
    .map(([value, label]) => ({ value, label }));

interface Values {
  kind: RequestKind;
  correction?: { record?: string; inaccuracy?: string; evidence?: string };
  channel: RequestChannel;
  applicantType: ApplicantType;
  receivedOn?: Dayjs;
  receiptNote?: string;
  applicant: Record<string, string | undefined>;
}

export default function RegisterRequestPage() {
  const agency = useAgencyCode();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<(Registered & { kind: RequestKind }) | null>(null);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'disclosure';
  const correcting = kind === 'record_correction';

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      // a correction request states its record instead of the information sought and its form (第四十一条)
      const skip =
        values.kind === 'record_correction' ? ['information', 'docNumber', 'form', 'delivery'] : [];
      const applicant = Object.fromEntries(
        Object.entries(values.applicant).filter(([k, v]) => v !== undefined && v !== '' && !skip.includes(k)),
      );
      const registered = await requestsApi.register(agency, {
        kind: values.kind,
        ...(values.kind === 'record_correction' ? { correction: values.correction ?? {} } : {}),
        channel: values.channel,
        applicantType: values.applicantType,
        receivedOn: values.receivedOn?.format('YYYY-MM-DD'),
        receiptNote: values.receiptNote || undefined,
        applicant,
      });
      setDone({ ...registered, kind: values.kind });
    } catch (thrown) {
      setError(messageOf(thrown));
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <Result
        status="success"
        title={`已登记：${done.registrationNo}`}
        subTitle={`收到日期 ${done.receivedOn}，${done.kind === 'record_correction' ? '参考答复期限（条例未规定更正申请的期限）' : '答复期限'} ${done.dueOn}${done.provisional ? '（暂定：该年度节假日安排尚未确认）' : ''}。查询码：${done.trackingCode}`}
        extra={[
          <Button type="primary" key="case" onClick={() => navigate(`/requests/${done.requestId}`)}>
            打开该申请
          </Button>,
          <Button key="again" onClick={() => setDone(null)}>
            继续登记
          </Button>,
        ]}
      />
    );

  return (
    <>
      <Typography.Title level={2}>登记申请</Typography.Title>
      <Typography.Paragraph type="secondary">
        登记以信函、当面、传真等方式收到的申请；网络申请由申请人在线提交。<Link to="/requests">返回列表</Link>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'disclosure',
          channel: 'letter',
          receivedOn: dayjs(),
          applicantType: 'natural_person',
          applicant: { idType: 'resident_id', form: 'paper', delivery: 'post' },
        }}
      >
        <Card title="收件" style={{ marginBottom: 16 }}>
          <Form.Item
            label="申请类型"
            name="kind"
            extra={
              correcting
                ? '条例第四十一条：申请人有证据证明行政机关提供的与其自身相关的政府信息记录不准确，要求更正；不计入年度报告表三，在第六部分说明。'
                : undefined
            }
          >
            <Radio.Group
              optionType="button"
              options={Object.entries(REQUEST_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="收到方式"
                name="channel"
                rules={[{ required: true, message: '请选择收到方式' }]}
              >
                <Select options={options(REQUEST_CHANNEL_LABELS, ['online'])} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="收到日期"
                name="receivedOn"
                extra="第三十一条：当面提交之日、签收之日或确认之日"
                rules={[{ required: true, message: '请选择收到申请的日期' }]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="收件说明" name="receiptNote">
                <Input placeholder="如：挂号信签收，邮件号 …" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="申请人" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="申请人类型" name="applicantType" rules={[{ required: true }]}>
                <Select options={options(APPLICANT_TYPE_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="姓名或名称"
                name={['applicant', 'name']}
                rules={[{ required: true, message: '请填写申请人姓名或名称' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="证件类型" name={['applicant', 'idType']}>
                <Select options={options(ID_DOCUMENT_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="证件号码" name={['applicant', 'idNumber']}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="联系电话" name={['applicant', 'phone']}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="电子邮箱" name={['applicant', 'email']}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="通信地址" name={['applicant', 'address']}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {correcting ? (
          <Card title="要求更正的记录（条例第四十一条）" style={{ marginBottom: 16 }}>
            <Form.Item
              label="要求更正的政府信息记录"
              name={['correction', 'record']}
              rules={[{ required: true, message: '请写明要求更正的政府信息记录' }]}
            >
              <Input.TextArea rows={2} placeholder="记录的名称、文号或其他能确定该记录的描述" />
            </Form.Item>
            <Form.Item
              label="不准确的内容"
              name={['correction', 'inaccuracy']}
              rules={[{ required: true, message: '请写明哪些内容不准确，以及应当如何更正' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item
              label="提供的证据"
              name={['correction', 'evidence']}
              extra="条例第四十一条：“有证据证明”。证据文件可在登记后于申请页面上传为附件。"
              rules={[{ required: true, message: '请写明申请人提供的证据' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </Card>
        ) : (
          <Card title="所需信息" style={{ marginBottom: 16 }}>
            <Form.Item
              label="所需信息的名称或描述"
              name={['applicant', 'information']}
              rules={[{ required: true, message: '请填写所需信息的名称或描述' }]}
            >
              <Input.TextArea rows={4} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label="文号" name={['applicant', 'docNumber']}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="信息的形式"
                  name={['applicant', 'form']}
                  rules={[{ required: true, message: '请选择所需信息的形式' }]}
                >
                  <Select options={options(INFORMATION_FORM_LABELS)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="获取方式"
                  name={['applicant', 'delivery']}
                  rules={[{ required: true, message: '请选择获取信息的方式' }]}
                >
                  <Select options={options(DELIVERY_METHOD_LABELS)} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          登记
        </Button>
      </Form>
    </>
  );
}
