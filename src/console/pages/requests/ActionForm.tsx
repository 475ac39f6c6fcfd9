/** The form of one case action: its fields (as the server's payload schema names them) and the day it happened. */
import { Alert, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { APPROVAL_GROUNDS, isApprovableAction } from '../../../domain/requests/approvals.ts';
import {
  PROVISION_METHOD_LABELS,
  PROVISION_METHODS,
  PROVISION_REASON_LABELS,
  PROVISION_REASONS,
} from '../../../domain/requests/provision.ts';
import { approvalsApi, requestsApi } from '../../api/requests.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DecideCorrectionFields } from './DecideCorrectionFields.tsx';
import { DecideFields } from './DecideFields.tsx';
import { CASE_ACTION_LABELS } from './labels.ts';

type Values = Record<string, unknown> & { occurredOn?: Dayjs };

const DATE_FIELDS = ['until', 'date'];

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
          <InputNumber controls={false} min={0} />
        </Form.Item>
      ) : (
        <>
          <Form.Item label="本次件数" name="pieces" rules={required('请填写件数')}>
            <InputNumber controls={false} min={1} />
          </Form.Item>
          <Form.Item label="本月此前已申请件数" name="previousPiecesThisMonth" initialValue={0}>
            <InputNumber controls={false} min={0} />
          </Form.Item>
        </>
      )}
    </>
  );
}

/**
 * 征求意见: a third party (第三十二条) or another agency (第三十四条). For an agency, the co-producers and
 * the lead: 第三十四条 “牵头制作的行政机关收到政府信息公开申请后可以征求相关行政机关的意见” — the server
 * refuses a consultation when another agency leads.
 */
function ConsultationFields() {
  const kind = Form.useWatch('kind');
  const coProducers = (Form.useWatch('coProducers') as string[] | undefined) ?? [];
  return (
    <>
      <Form.Item label="对象类型" name="kind" initialValue="third_party">
        <Radio.Group
          options={[
            { value: 'third_party', label: '第三方（第三十二条）' },
            { value: 'agency', label: '其他机关（第三十四条）' },
          ]}
        />
      </Form.Item>
      <Form.Item label="征求意见对象" name="party" rules={required('请填写征求意见对象')}>
        <Input />
      </Form.Item>
      {kind === 'agency' && (
        <>
          <Form.Item
            label="与本机关共同制作该信息的其他机关"
            name="coProducers"
            extra="输入机关全称后按回车，可填多个；征求意见对象应在其中"
            rules={required('请填写共同制作该信息的其他机关')}
          >
            <Select mode="tags" open={false} tokenSeparators={['、', '，']} />
          </Form.Item>
          <Form.Item
            label="牵头制作机关"
            name="lead"
            extra="第三十四条：只有牵头制作的行政机关征求相关行政机关的意见"
            rules={required('请选择牵头制作机关')}
          >
            <Select
              options={[
                { value: 'this', label: '本机关' },
                ...coProducers.map((name) => ({ value: name, label: name })),
              ]}
            />
          </Form.Item>
        </>
      )}
      <Form.Item label="征求意见事项" name="question" rules={required('请填写征求意见事项')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

/**
 * 条例 第四十条: the form the information is provided in, or 查阅、抄录 with its day, time, place and
 * contact; the reason when it departs from the form asked for (the server checks which it is, and
 * that the 查阅 day is a working day on the calendar).
 */
function ProvisionFields() {
  const method = Form.useWatch('method');
  return (
    <>
      <Form.Item label="提供方式" name="method" rules={required('请选择提供方式')} initialValue="paper">
        <Radio.Group
          options={PROVISION_METHODS.map((value) => ({
            value,
            label: value === 'inspection' ? '安排查阅、抄录' : PROVISION_METHOD_LABELS[value],
          }))}
        />
      </Form.Item>
      <Form.Item
        label="不按申请人要求的形式提供的理由"
        name="reason"
        extra="条例第四十条：按照申请人要求的形式提供可能危及政府信息载体安全或者公开成本过高的，才可以其他形式提供或者安排查阅、抄录；按申请人要求的形式提供的，不填"
      >
        <Select
          allowClear
          placeholder="按申请人要求的形式提供的，不填"
          options={PROVISION_REASONS.map((value) => ({ value, label: PROVISION_REASON_LABELS[value] }))}
        />
      </Form.Item>
      {method === 'inspection' ? (
        <>
          <Form.Item
            label="查阅日期"
            name="date"
            rules={required('请选择查阅日期')}
            extra="须为今天或以后的工作日"
          >
            <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item label="查阅时间" name="time" rules={required('请填写查阅时间')}>
            <Input placeholder="如：上午9:00至11:30" maxLength={100} />
          </Form.Item>
          <Form.Item label="查阅地点" name="place" rules={required('请填写查阅地点')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item label="联系人及联系电话" name="contact" rules={required('请填写联系人及联系电话')}>
            <Input placeholder="如：王明，0631-5587393" maxLength={200} />
          </Form.Item>
        </>
      ) : (
        <>
          {method === 'other' && (
            <Form.Item label="其他适当形式" name="otherForm" rules={required('请写明是什么形式')}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item
            label="提供方式说明"
            name="how"
            rules={required('请填写提供方式说明')}
            extra="印在告知书中，如：随本告知书附送复印件，共12页"
          >
            <Input.TextArea rows={3} maxLength={2000} />
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
      return <ConsultationFields />;
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
            <InputNumber controls={false} min={1} max={20} />
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
          <InputNumber controls={false} min={0} />
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
    case 'record_provision':
      return <ProvisionFields />;
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
  /** 提请审批: the fields go to the approver (approvals.ts) instead of taking the action */
  approval?: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { action, approval } = props;
  const [form] = Form.useForm<Values>();
  const label = action ? ((CASE_ACTION_LABELS as Record<string, string>)[action] ?? action) : '';
  const title = approval ? `提请审批：${label}` : label;

  const send = async (values: Values) => {
    if (!action) return;
    const { payload, occurredOn } = payloadOf(values);
    if (approval) {
      await approvalsApi.request(props.agency, props.caseId, {
        expectedVersion: props.version,
        action,
        payload,
      });
      return;
    }
    await requestsApi.act(props.agency, props.caseId, action, {
      expectedVersion: props.version,
      payload,
      ...(occurredOn ? { occurredOn } : {}),
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
      {approval && action && isApprovableAction(action) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${APPROVAL_GROUNDS[action]}提交后由审批负责人批准（批准即办理）或退回。`}
        />
      )}
      {action && <ActionFields action={action} />}
      {!approval && (
        <Form.Item label="发生日期" name="occurredOn" extra="不填为今天">
          <DatePicker />
        </Form.Item>
      )}
    </FormModal>
  );
}
