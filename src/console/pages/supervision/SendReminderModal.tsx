/** 发出督办: a supervisor's reminder to one agency of their subtree, with a deadline (docs/supervision.md). */
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { REMINDER_SUBJECT_LABELS, REMINDER_SUBJECTS } from '../../../domain/supervision/reminders.ts';
import { remindersApi } from '../../api/reminders.ts';
import { FormModal } from '../../components/FormModal.tsx';

interface Values {
  subject: (typeof REMINDER_SUBJECTS)[number];
  subjectLabel?: string;
  message: string;
  dueOn: Dayjs;
}

export function SendReminderModal(props: {
  agency: { code: string; name: string } | null;
  onClose(): void;
  onSent(): void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={props.agency !== null}
      title={`督办：${props.agency?.name ?? ''}`}
      form={form}
      okText="发出督办"
      initialValues={{ subject: 'general', dueOn: dayjs().add(10, 'day') }}
      send={(v) =>
        remindersApi.send(props.agency?.code ?? '', {
          subject: v.subject,
          subjectLabel: v.subjectLabel ?? '',
          message: v.message,
          dueOn: v.dueOn.format('YYYY-MM-DD'),
        })
      }
      onClose={props.onClose}
      onDone={props.onSent}
    >
      <Form.Item name="subject" label="督办事项类别">
        <Select options={REMINDER_SUBJECTS.map((s) => ({ value: s, label: REMINDER_SUBJECT_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="subjectLabel" label="督办对象（如申请登记号、信息标题、报告年度）">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="message"
        label="督办内容"
        rules={[{ required: true, whitespace: true, message: '请填写督办内容：需要该机关整改或说明的事项' }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="dueOn" label="办理期限" rules={[{ required: true, message: '请选择办理期限' }]}>
        <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
