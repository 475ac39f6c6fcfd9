/**
 * Records that a letter went to the applicant (送达): method, day, the post's tracking number, note.
 * Mounted only while open (not forceRender: a second always-rendered modal would share the case
 * actions' title id in the test build, where rc-util's ids are all "test-id").
 */
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInChina } from '../../../domain/dates.ts';
import {
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  deliveryMethodForApplicant,
} from '../../../domain/letters/delivery.ts';
import { type CaseLetter, requestsApi } from '../../api/requests.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { letterName } from './letters.ts';

interface Values {
  method?: string;
  sentOn?: Dayjs;
  trackingNo?: string;
  note?: string;
}

const METHOD_OPTIONS = DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }));

export function DeliveryModal(props: {
  agency: string;
  caseId: number;
  version: number;
  letter: CaseLetter | null;
  /** the applicant's chosen 获取方式 (post, email, pickup, other): the method starts from it */
  applicantDelivery?: string | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const { letter } = props;
  // the server's today (China), not the browser's: a letter dated today may be sent today
  const today = todayInChina(new Date());
  const title = letter ? `登记送达：${letterName(letter.kind)}` : '登记送达';

  const send = async (values: Values) => {
    if (!letter) return;
    await requestsApi.recordDelivery(props.agency, props.caseId, letter.id, {
      expectedVersion: props.version,
      method: values.method ?? '',
      sentOn: values.sentOn?.format('YYYY-MM-DD') ?? '',
      ...(values.method === 'post' && values.trackingNo ? { trackingNo: values.trackingNo } : {}),
      ...(values.note ? { note: values.note } : {}),
    });
  };

  return (
    <FormModal
      open={letter !== null}
      title={title}
      form={form}
      send={send}
      onClose={props.onClose}
      onDone={props.onDone}
      initialValues={{
        sentOn: dayjs(today),
        // a letter already sent keeps its method; else the applicant's choice — 条例 第二十九条第二款第（三）项：
        // “申请公开的政府信息的形式要求，包括获取信息的方式、途径”
        method: letter?.delivery?.method ?? deliveryMethodForApplicant(props.applicantDelivery) ?? undefined,
      }}
    >
      <Form.Item
        label="送达方式"
        name="method"
        extra={
          deliveryMethodForApplicant(props.applicantDelivery)
            ? '已按申请人选择的获取方式预选，可更改'
            : undefined
        }
        rules={[{ required: true, message: '请选择送达方式' }]}
      >
        <Select options={METHOD_OPTIONS} placeholder="邮寄、电子邮件、当面领取或在线送达" />
      </Form.Item>
      <Form.Item
        label="送达日期"
        name="sentOn"
        extra={letter ? `不早于文书日期 ${letter.issuedOn}，不晚于今天` : undefined}
        rules={[{ required: true, message: '请选择送达日期' }]}
      >
        <DatePicker
          disabledDate={(d) => {
            const day = d.format('YYYY-MM-DD');
            return day > today || (letter !== null && day < letter.issuedOn);
          }}
        />
      </Form.Item>
      {method === 'post' && (
        <Form.Item
          label="邮件单号"
          name="trackingNo"
          extra="申请人在办理查询页面可以看到该单号"
          rules={[{ required: true, message: '邮寄送达请填写邮件单号' }]}
        >
          <Input maxLength={40} placeholder="如 EA123456789CN" />
        </Form.Item>
      )}
      <Form.Item label="备注" name="note" extra="仅工作人员可见">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
