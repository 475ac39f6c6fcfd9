/** The form of one case action: its fields (as the server's payload schema names them) and the day it happened. */
import { DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { requestsApi } from '../../api/requests.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DecideCorrectionFields } from './DecideCorrectionFields.tsx';
import { DecideFields } from './DecideFields.tsx';
import { CASE_ACTION_LABELS } from './labels.ts';

type Values = Record<string, unknown> & { occurredOn?: Dayjs };

const DATE_FIELDS = ['until'];

/** The payload of the form's values: dates as YYYY-MM-DD, the day of the action apart. */
export function payloadOf(values: Values): { occurredOn?: string; payload: Record<string, unknown> } {
  const { occurredOn, ...rest } = values;
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || value === '') continue;
    payload[key] = DATE_FIELDS.includes(key) ? (value as Dayjs).format('YYYY-MM-DD') : value;
  }
  return { occurredOn: occurredOn?.format('YYYY-MM-DD'), payload };
}

const required = (message: string) => [{ required: true, message }];

function FeeNoticeFields() {
  const method = Form.useWatch('method');
  return (
    <>
      <Form.Item label="计收方式" name="method" rules={required('请选择计收方式')}>
        <Radio.Group
          options={[
            { value: 'per_piece', label: '按件计收' },
            { value: 'per_page', label: '按量计收' },
          ]}
        />
      </Form.Item>
      {method === 'per_page' ? (
        <Form.Item label="页数" name="pages" rules={required('请填写页数')}>
          <InputNumber min={0} />
        </Form.Item>
      ) : (
        <>
          <Form.Item label="本次件数" name="pieces" rules={required('请填写件数')}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item label="本月此前已申请件数" name="previousPiecesThisMonth" initialValue={0}>
            <InputNumber min={0} />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** The fields of each action. */
function ActionFields({ action }: { action: string }) {
  switch (action) {
    case 'request_correction':
      return (
        <>
          <Form.Item label="补正内容" name="what" rules={required('请写明需要补正的事项')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="补正期限" name="until" rules={required('请选择补正期限')}>
            <DatePicker />
          </Form.Item>
        </>
      );
    case 'receive_correction':
      return (
        <Form.Item label="补正情况" name="note">
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'send_consultation':
      return (
        <>
          <Form.Item label="征求意见对象" name="party" rules={required('请填写征求意见对象')}>
            <Input />
          </Form.Item>
          <Form.Item label="对象类型" name="kind" initialValue="third_party">
            <Radio.Group
              options={[
                { value: 'third_party', label: '第三方' },
                { value: 'agency', label: '其他机关' },
              ]}
            />
          </Form.Item>
          <Form.Item label="征求意见事项" name="question" rules={required('请填写征求意见事项')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'receive_consultation_reply':
      return (
        <>
          <Form.Item label="回复摘要" name="summary" rules={required('请填写回复摘要')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="第三方是否反对公开" name="objects" initialValue={false}>
            <Radio.Group
              options={[
                { value: false, label: '不反对' },
                { value: true, label: '反对' },
              ]}
            />
          </Form.Item>
        </>
      );
    case 'extend':
      return (
        <>
          <Form.Item label="延长工作日数" name="days" rules={required('请填写延长的工作日数（1–20）')}>
            <InputNumber min={1} max={20} />
          </Form.Item>
          <Form.Item label="延期理由" name="reason" rules={required('请填写延期理由')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'send_fee_notice':
      return <FeeNoticeFields />;
    case 'record_fee_payment':
      return (
        <Form.Item label="缴费金额（元）" name="amountYuan" rules={required('请填写缴费金额')}>
          <InputNumber min={0} />
        </Form.Item>
      );
    case 'request_reasons':
      return (
        <Form.Item label="需说明的事项" name="what" rules={required('请填写需申请人说明的事项')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'set_later_date':
      return (
        <>
          <Form.Item label="延后答复期限" name="until" rules={required('请选择延后答复期限')}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="理由" name="reason" rules={required('请填写理由')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'decide':
      return <DecideFields />;
    case 'decide_correction':
      return <DecideCorrectionFields />;
    default:
      return <p>确认执行此操作？</p>;
  }
}

/** The action's dialog; `onDone` after the server accepted it. */
export function ActionModal(props: {
  agency: string;
  caseId: number;
  version: number;
  action: string | null;
  onClose(): void;
  onDone(): void;
}) {
  const { action } = props;
  const [form] = Form.useForm<Values>();
  const title = action ? ((CASE_ACTION_LABELS as Record<string, string>)[action] ?? action) : '';

  const send = async (values: Values) => {
    if (!action) return;
    await requestsApi.act(props.agency, props.caseId, action, {
      expectedVersion: props.version,
      ...payloadOf(values),
    });
  };

  return (
    <FormModal
      open={action !== null}
      title={title}
      form={form}
      send={send}
      onClose={props.onClose}
      onDone={props.onDone}
      forceRender
    >
      {action && <ActionFields action={action} />}
      <Form.Item label="发生日期" name="occurredOn" extra="不填为今天">
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
