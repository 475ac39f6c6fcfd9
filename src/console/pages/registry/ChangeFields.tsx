/**
 * The forms of a change to the registry: the new version of a 修改, the repealing document of a 废止,
 * and the dialog that sends either (the server's field messages shown on the fields).
 */
import { AutoComplete, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { type RegistryDocument, registryApi } from '../../api/registry.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { useApi } from '../../lib/use-api.ts';

/** Every field the registry's forms have (the server's issues are placed on these). */
export const CHANGE_FIELDS = [
  'docNumber',
  'title',
  'issuer',
  'issuedOn',
  'repealedBy',
  'repealedOn',
  'note',
] as const;

export interface ChangeValues {
  docNumber?: string;
  title?: string;
  issuer?: string;
  issuedOn?: Dayjs;
  repealedBy?: string;
  repealedOn?: Dayjs;
  note?: string;
}

/** The form's initial values for amending `doc`: its 文号, title and issuer, to be changed as needed. */
export const amendDefaults = (doc: RegistryDocument, on: Dayjs): ChangeValues => ({
  docNumber: doc.docNumber,
  title: doc.title,
  issuer: doc.issuer,
  issuedOn: on,
});

/** The new version's body of the API from the form. */
export const amendmentOf = (v: ChangeValues) => ({
  docNumber: v.docNumber?.trim(),
  title: v.title?.trim(),
  issuer: v.issuer?.trim() ?? '',
  issuedOn: v.issuedOn?.format('YYYY-MM-DD') ?? '',
});

/** The repeal's body of the API from the form. */
export const repealOf = (v: ChangeValues) => ({
  repealedBy: v.repealedBy?.trim() ?? '',
  repealedOn: v.repealedOn?.format('YYYY-MM-DD') ?? '',
});

/** 修改: the new version's 文号, title, issuer and issue date. */
export function NewVersionFields({ dateLabel = '新版本制发日期' }: { dateLabel?: string }) {
  return (
    <>
      <Form.Item
        label="新版本文号"
        name="docNumber"
        rules={[{ required: true, message: '请填写新版本文号' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item label="新版本标题" name="title" rules={[{ required: true, message: '请填写新版本标题' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="发文机关" name="issuer">
        <Input />
      </Form.Item>
      <Form.Item
        label={dateLabel}
        name="issuedOn"
        extra="新版本自该日起施行，原版本同日失效。"
        rules={[{ required: true, message: `请选择${dateLabel}` }]}
      >
        <DatePicker />
      </Form.Item>
    </>
  );
}

/** 废止: the repealing document (one of the registry's, or typed) and the day. */
export function RepealFields({ agency, exceptId }: { agency: string; exceptId: number }) {
  const { data } = useApi(
    () => registryApi.documents(agency, { status: 'in_force', limit: 500, offset: 0 }),
    [agency],
  );
  const options = (data?.items ?? [])
    .filter((d) => d.id !== exceptId)
    .map((d) => ({ value: d.docNumber, label: `${d.docNumber}　${d.title}` }));
  return (
    <>
      <Form.Item
        label="废止依据"
        name="repealedBy"
        extra="选择登记簿中的文件，或填写作出废止决定的文件文号、标题。"
        rules={[{ required: true, whitespace: true, message: '请填写废止依据的文件文号或标题' }]}
      >
        <AutoComplete
          options={options}
          filterOption={(input, option) => String(option?.label ?? '').includes(input)}
        />
      </Form.Item>
      <Form.Item label="废止日期" name="repealedOn" rules={[{ required: true, message: '请选择废止日期' }]}>
        <DatePicker />
      </Form.Item>
    </>
  );
}

/**
 * A dialog with a form, open while rendered (render it only when wanted: each opening starts from
 * `initialValues`): sends it, shows the server's messages on the fields (or above them).
 */
export function ChangeModal(props: {
  title: string;
  initialValues: ChangeValues;
  okText: string;
  onSubmit(values: ChangeValues): Promise<void>;
  onClose(): void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<ChangeValues>();
  const refusal = (thrown: unknown) => {
    const placed = fieldErrorsOf(thrown, CHANGE_FIELDS);
    form.setFields(placed.fields);
    return placed.summary ?? '请按标出的提示修改后重试。';
  };
  return (
    <FormModal
      open
      title={props.title}
      okText={props.okText}
      form={form}
      initialValues={props.initialValues}
      send={props.onSubmit}
      onClose={props.onClose}
      onDone={() => {}}
      refusal={refusal}
    >
      {props.children}
    </FormModal>
  );
}
