/** The item actions that take fields: approve (opinion), reject and withdraw (reason), a posting. */
import { AutoComplete, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { itemsApi } from '../../api/items.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { labelOf } from '../../lib/format.ts';
import { CHANNEL_OPTIONS, ITEM_ACTION_LABELS } from './labels.ts';

/** The endpoint of an action (`post` is recorded at …/postings). */
const ENDPOINT: Record<string, string> = { post: 'postings' };

type Values = Record<string, string | Dayjs | undefined>;

function Fields({ action }: { action: string }) {
  switch (action) {
    case 'approve':
      return (
        <Form.Item label="审查意见" name="opinion">
          <Input.TextArea rows={3} placeholder="如：经审查，不涉及国家秘密，同意公开。" />
        </Form.Item>
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
            <AutoComplete options={CHANNEL_OPTIONS} />
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
  action: string | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<Values>();
  const { action } = props;
  const title = labelOf(ITEM_ACTION_LABELS, action);

  const send = async (values: Values) => {
    if (!action) return;
    const body: Record<string, unknown> = { expectedVersion: props.version };
    for (const [key, value] of Object.entries(values))
      if (value !== undefined && value !== '')
        body[key] = typeof value === 'string' ? value : value.format('YYYY-MM-DD');
    await itemsApi.act(props.agency, props.itemId, ENDPOINT[action] ?? action, body);
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
      {action && <Fields action={action} />}
    </FormModal>
  );
}
