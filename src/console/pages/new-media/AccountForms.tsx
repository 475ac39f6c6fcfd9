/** The 政务新媒体 page's dialogs: 登记 or 修改 an account, and a step (关停, 注销, 恢复运营) with its day and reason. */
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ACCOUNT_ACTION_LABELS,
  type AccountAction,
  FILING_STATUS_LABELS,
  type FilingStatus,
  type NewMediaPlatform,
  PLATFORM_LABELS,
} from '../../../domain/new-media/accounts.ts';
import { messageOf } from '../../api/client.ts';
import { type NewMediaAccount, newMediaApi } from '../../api/new-media.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const ACCOUNT_FIELDS = [
  'platform',
  'name',
  'accountId',
  'hostUnit',
  'openedOn',
  'filingStatus',
  'filingNo',
  'manager',
  'managerPhone',
  'note',
] as const;

interface AccountValues {
  platform: NewMediaPlatform;
  name: string;
  accountId?: string;
  hostUnit: string;
  openedOn: Dayjs;
  filingStatus: FilingStatus;
  filingNo?: string;
  manager: string;
  managerPhone?: string;
  note?: string;
}

/** 登记 (`account` 'new') or 修改 an account; closed when `account` is null. */
export function AccountModal(props: {
  agency: string;
  account: NewMediaAccount | 'new' | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<AccountValues>();
  const { account } = props;
  const existing = account !== null && account !== 'new' ? account : null;
  const send = async (v: AccountValues) => {
    const fields = {
      name: v.name,
      accountId: v.accountId ?? '',
      hostUnit: v.hostUnit,
      openedOn: v.openedOn.format('YYYY-MM-DD'),
      filingStatus: v.filingStatus,
      filingNo: v.filingNo ?? '',
      manager: v.manager,
      managerPhone: v.managerPhone ?? '',
      note: v.note ?? '',
    };
    if (existing)
      return newMediaApi.edit(props.agency, existing.id, { expectedVersion: existing.version, ...fields });
    return newMediaApi.register(props.agency, { platform: v.platform, ...fields });
  };
  const refusal = (thrown: unknown) => {
    const placed = fieldErrorsOf(thrown, ACCOUNT_FIELDS);
    form.setFields(placed.fields);
    return placed.summary ?? '请按标出的提示修改后重试。';
  };
  return (
    <FormModal<AccountValues>
      open={account !== null}
      title={existing ? `修改账号：${existing.name}` : '登记政务新媒体账号'}
      form={form}
      send={send}
      refusal={refusal}
      onClose={props.onClose}
      onDone={props.onDone}
      okText={existing ? '保存' : '登记'}
      initialValues={
        existing
          ? { ...existing, openedOn: dayjs(existing.openedOn) }
          : { platform: 'wechat', filingStatus: 'not_filed' }
      }
    >
      <Form.Item label="平台" name="platform" rules={[{ required: true, message: '请选择平台' }]}>
        <Select options={options(PLATFORM_LABELS)} disabled={existing !== null} />
      </Form.Item>
      <Form.Item label="账号名称" name="name" rules={[{ required: true, message: '请填写账号名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="账号（微信号、微博号等）" name="accountId">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="主办单位" name="hostUnit" rules={[{ required: true, message: '请填写主办单位' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="开设日期" name="openedOn" rules={[{ required: true, message: '请选择开设日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item label="备案状态" name="filingStatus">
        <Select options={options(FILING_STATUS_LABELS)} />
      </Form.Item>
      <Form.Item label="备案编号" name="filingNo">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="负责人" name="manager" rules={[{ required: true, message: '请填写负责人' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label="负责人电话" name="managerPhone">
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label="备注" name="note">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

interface StepValues {
  on: Dayjs;
  reason?: string;
}

/** 关停, 注销 or 恢复运营 an account on a day (a reason for the first two). */
export function StepModal(props: {
  agency: string;
  step: { account: NewMediaAccount; action: AccountAction } | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<StepValues>();
  const { step } = props;
  const label = step ? ACCOUNT_ACTION_LABELS[step.action] : '';
  const send = async (v: StepValues) => {
    if (!step) return;
    return newMediaApi.step(props.agency, step.account.id, step.action, {
      expectedVersion: step.account.version,
      on: v.on.format('YYYY-MM-DD'),
      reason: v.reason ?? '',
    });
  };
  const refusal = (thrown: unknown) => {
    const placed = fieldErrorsOf(thrown, ['on', 'reason'] as const);
    form.setFields(placed.fields);
    return placed.summary ?? messageOf(thrown);
  };
  return (
    <FormModal<StepValues>
      open={step !== null}
      title={step ? `${label}：${step.account.name}` : ''}
      form={form}
      send={send}
      refusal={refusal}
      onClose={props.onClose}
      onDone={props.onDone}
      okText={label || '确定'}
      initialValues={{ on: dayjs() }}
    >
      <Form.Item label={`${label}日期`} name="on" rules={[{ required: true, message: `请选择${label}日期` }]}>
        <DatePicker />
      </Form.Item>
      {step?.action !== 'reopen' && (
        <Form.Item label="原因" name="reason" rules={[{ required: true, message: `请填写${label}的原因` }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      {step?.action === 'cancel' && (
        <p>注销后不能恢复；如需重新开设，请登记新账号。已有的发布记录仍计入统计。</p>
      )}
    </FormModal>
  );
}
