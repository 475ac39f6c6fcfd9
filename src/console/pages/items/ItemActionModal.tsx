/** The item actions that take fields: approve (opinion), reject and withdraw (reason), a posting. */
import { Alert, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ItemEndpoint } from '../../../contract/item-inputs.ts';
import { itemsApi } from '../../api/items.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { labelOf } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { ITEM_ACTION_LABELS } from './labels.ts';

/** The endpoint of an action (`post` is recorded at …/postings). */
/** The endpoint of each action the modal offers (`post` is `…/postings`). */
const ENDPOINT: Record<string, ItemEndpoint> = {
  approve: 'approve',
  reject: 'reject',
  publish: 'publish',
  withdraw: 'withdraw',
  post: 'postings',
};

type Values = Record<string, string | boolean | Dayjs | undefined>;

/** The agency's channels other than the website (publishing records that one itself). */
function ChannelSelect(props: { agency: string; value?: string; onChange?(value: string): void }) {
  const { data, error, loading } = useApi(() => itemsApi.channels(props.agency), [props.agency]);
  const options = (data?.channels ?? [])
    .filter((c) => !c.website)
    .map((c) => ({ value: c.code, label: c.name }));
  return (
    <Select
      aria-label="渠道"
      loading={loading}
      status={error ? 'error' : undefined}
      placeholder={error ?? '请选择本机关的发布渠道'}
      options={options}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

function Fields({ action, agency, findings }: { action: string; agency: string; findings: number }) {
  switch (action) {
    case 'approve':
      return (
        <>
          <Form.Item label="审查意见" name="opinion">
            <Input.TextArea rows={3} placeholder="如：经审查，不涉及国家秘密，同意公开。" />
          </Form.Item>
          {findings > 0 && (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={`发布前自查发现 ${findings} 处需要核实的内容（见“发布前自查”）。确需修改的，请退回；核实无误的，勾选确认后审查通过。`}
              />
              <Form.Item
                name="screeningConfirmed"
                valuePropName="checked"
                rules={[
                  {
                    validator: (_rule, value) =>
                      value ? Promise.resolve() : Promise.reject(new Error('请逐条核实自查结果后勾选')),
                  },
                ]}
              >
                <Checkbox>已核实自查结果，确认可以公开</Checkbox>
              </Form.Item>
              <Form.Item label="核实说明" name="screeningNote" extra="如：银行账号为本单位对公账户，依法公示">
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
        </>
      );
    case 'reject':
    case 'withdraw':
      return (
        <Form.Item
          label={action === 'reject' ? '退回理由' : '撤回理由'}
          name="reason"
          rules={[{ required: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'post':
      return (
        <>
          <Form.Item label="渠道" name="channel" rules={[{ required: true, message: '请选择发布渠道' }]}>
            <ChannelSelect agency={agency} />
          </Form.Item>
          <Form.Item label="发布日期" name="postedOn" rules={[{ required: true, message: '请选择发布日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="链接" name="link" rules={[{ required: true, message: '请填写链接' }]}>
            <Input />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

export function ItemActionModal(props: {
  agency: string;
  itemId: number;
  version: number;
  /** 发布前自查's findings now: while any, approving asks the reviewer to confirm them */
  screeningFindings?: number;
  action: string | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<Values>();
  const { action } = props;
  const title = labelOf(ITEM_ACTION_LABELS, action);

  const send = async (values: Values) => {
    if (!action) return;
    const body: { expectedVersion: number; [field: string]: string | number | boolean } = {
      expectedVersion: props.version,
    };
    for (const [key, value] of Object.entries(values))
      if (value !== undefined && value !== '')
        body[key] =
          typeof value === 'string' || typeof value === 'boolean' ? value : value.format('YYYY-MM-DD');
    const endpoint = ENDPOINT[action];
    if (!endpoint) return;
    await itemsApi.act(props.agency, props.itemId, endpoint, body);
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
      {action && <Fields action={action} agency={props.agency} findings={props.screeningFindings ?? 0} />}
    </FormModal>
  );
}
