/**
 * 登记申请: a request received by letter, in person, by fax, orally or otherwise (第二十九条, 第三十一条);
 * an oral one written up by the office (第二十九条第一款), and the help given (第四十三条); or, handed in
 * and answered at once, 当场答复 (条例 第三十三条第一款：“行政机关收到政府信息公开申请，能够当场
 * 答复的，应当当场予以答复。”): received today in person, with the same fields as 作出答复. A 政府信息公开申请,
 * or a 更正申请 (第四十一条: the record, what is inaccurate, the evidence), never answered on the spot.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
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
import { type AnsweredOnTheSpot, type Registered, requestsApi } from '../../api/requests.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { DecideFields } from './DecideFields.tsx';
import { APPLICANT_TYPE_LABELS, REQUEST_CHANNEL_LABELS } from './labels.ts';
import { AssistanceCard, CorrectionCard, OralCard, options } from './RegisterCards.tsx';

interface Values {
  kind: RequestKind;
  correction?: { record?: string; inaccuracy?: string; evidence?: string };
  channel: RequestChannel;
  applicantType: ApplicantType;
  receivedOn?: Dayjs;
  receiptNote?: string;
  applicant: Record<string, string | undefined>;
  oral?: { difficulty?: string; confirmation?: string; confirmationNote?: string };
  assistance?: { needs?: string[]; help?: string };
  /** 当场答复: register and decide in one step */
  onTheSpot?: boolean;
  /** the 作出答复 fields (DecideFields) when answered on the spot */
  outcome?: string;
  basis?: string;
  reasons?: string;
  withheldUnder?: string;
  fields?: Record<string, string | undefined>;
}

/** The decide payload of the form's 作出答复 fields, blanks left out. */
function decisionOf(values: Values): Record<string, unknown> {
  const fields = Object.fromEntries(
    Object.entries(values.fields ?? {}).filter(([, v]) => v !== undefined && v !== ''),
  );
  const { outcome, basis, reasons, withheldUnder } = values;
  return Object.fromEntries(
    Object.entries({ outcome, basis, reasons, withheldUnder, fields }).filter(
      ([, v]) => v !== undefined && v !== '',
    ),
  );
}

export default function RegisterRequestPage() {
  const agency = useAgencyCode();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<(Registered & Partial<AnsweredOnTheSpot> & { kind: RequestKind }) | null>(
    null,
  );
  const { allows } = useSession();
  // 条例 第三十三条第一款: registering and deciding in one step needs whoever may do both
  const mayAnswerOnTheSpot = allows('requests/register') && allows('case/decide');
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const confirmation = Form.useWatch(['oral', 'confirmation'], form);
  const kind = Form.useWatch('kind', form) ?? 'disclosure';
  const correcting = kind === 'record_correction';
  // 当场答复 is 第三十三条第一款's, for a 政府信息公开申请: a correction request is registered, then answered
  const onTheSpot = Form.useWatch('onTheSpot', form) === true && !correcting;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const correctionRequest = values.kind === 'record_correction';
      // a correction request states its record instead of the information sought and its form (第四十一条)
      const skip = correctionRequest ? ['information', 'docNumber', 'form', 'delivery'] : [];
      const applicant = Object.fromEntries(
        Object.entries(values.applicant).filter(([k, v]) => v !== undefined && v !== '' && !skip.includes(k)),
      );
      if (values.onTheSpot && !correctionRequest) {
        const answered = await requestsApi.answerOnTheSpot(agency, {
          channel: 'in_person',
          applicantType: values.applicantType,
          receiptNote: values.receiptNote || undefined,
          applicant,
          decision: decisionOf(values),
        });
        setDone({ ...answered, kind: 'disclosure' });
        return;
      }
      const registered = await requestsApi.register(agency, {
        kind: values.kind,
        ...(correctionRequest ? { correction: values.correction ?? {} } : {}),
        channel: values.channel,
        applicantType: values.applicantType,
        receivedOn: values.receivedOn?.format('YYYY-MM-DD'),
        receiptNote: values.receiptNote || undefined,
        applicant,
        oral: values.channel === 'oral' ? values.oral : undefined,
        // 第四十三条: only when a difficulty is ticked or help written
        assistance:
          values.assistance?.needs?.length || values.assistance?.help ? values.assistance : undefined,
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
        title={done.decidedOn ? `已登记并当场答复：${done.registrationNo}` : `已登记：${done.registrationNo}`}
        subTitle={
          done.decidedOn
            ? `收到并答复日期 ${done.decidedOn}（条例第三十三条第一款）。登记回执和答复书已生成，可在该申请中下载、登记送达。查询码：${done.trackingCode}`
            : `收到日期 ${done.receivedOn}，${done.kind === 'record_correction' ? '参考答复期限（条例未规定更正申请的期限）' : '答复期限'} ${done.dueOn}${done.provisional ? '（暂定：该年度节假日安排尚未确认）' : ''}。查询码：${done.trackingCode}`
        }
        extra={[
          <Button type="primary" key="case" onClick={() => navigate(`/requests/${done.requestId}`)}>
            打开该申请
          </Button>,
          <Button
            key="again"
            onClick={() => {
              setDone(null);
              form.resetFields();
            }}
          >
            继续登记
          </Button>,
        ]}
      />
    );

  return (
    <>
      <Typography.Title level={2}>登记申请</Typography.Title>
      <Typography.Paragraph type="secondary">
        登记以信函、当面、传真、口头等方式收到的申请；网络申请由申请人在线提交。
        <Link to="/requests">返回列表</Link>
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
              onChange={(event) => {
                if (event.target.value === 'record_correction') form.setFieldsValue({ onTheSpot: false });
              }}
            />
          </Form.Item>
          {mayAnswerOnTheSpot && !correcting && (
            <Form.Item
              name="onTheSpot"
              valuePropName="checked"
              extra="条例第三十三条第一款：“行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。”当场答复的申请以今天为收到日期，收到方式为当面，登记与答复一并完成。"
            >
              <Checkbox
                onChange={(event) => {
                  if (event.target.checked)
                    form.setFieldsValue({ channel: 'in_person', receivedOn: dayjs() });
                }}
              >
                当场答复
              </Checkbox>
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="收到方式"
                name="channel"
                rules={[{ required: true, message: '请选择收到方式' }]}
              >
                <Select options={options(REQUEST_CHANNEL_LABELS, ['online'])} disabled={onTheSpot} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="收到日期"
                name="receivedOn"
                extra="第三十一条：当面提交之日、签收之日或确认之日"
                rules={[{ required: true, message: '请选择收到申请的日期' }]}
              >
                <DatePicker style={{ width: '100%' }} disabled={onTheSpot} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="收件说明" name="receiptNote">
                <Input placeholder="如：挂号信签收，邮件号 …" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {channel === 'oral' && <OralCard confirmation={confirmation} />}
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
        <AssistanceCard />
        {correcting ? (
          <CorrectionCard />
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
        {onTheSpot && (
          <Card title="当场答复（与“作出答复”相同）" style={{ marginBottom: 16 }}>
            <DecideFields />
          </Card>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {onTheSpot ? '登记并当场答复' : '登记'}
        </Button>
      </Form>
    </>
  );
}
