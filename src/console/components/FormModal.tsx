/**
 * A dialog holding a form that is sent to the server: 确定 submits (the form's own checks first),
 * the server's Chinese refusal shows above the fields and the dialog stays open; when the server
 * accepts, the form is reset and `onDone` runs. The case actions, item actions, 送达 and the
 * registry's changes (ChangeModal) use it.
 */
import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { messageOf } from '../api/client.ts';

export function FormModal<V extends object>(props: {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  /** sends the values; throws the server's refusal */
  send(values: V): Promise<unknown>;
  onClose(): void;
  onDone(): void;
  /** render the form while closed (callers that fill it before opening) */
  forceRender?: boolean;
  initialValues?: Partial<V>;
  /** the OK button's text (确定) */
  okText?: string;
  /** the message above the fields for a refusal (messageOf; a caller may also mark the fields) */
  refusal?: (thrown: unknown) => string;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formName = `f${useId().replace(/[^A-Za-z0-9]/g, '')}`;

  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await props.send(values);
      props.form.resetFields();
      props.onDone();
    } catch (thrown) {
      setError((props.refusal ?? messageOf)(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? '确定'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => props.form.submit()}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      destroyOnHidden
      forceRender={props.forceRender}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={props.form}
        // a name of its own prefixes the fields' ids: two forms on a page (a rendered modal and a
        // card) never share an id, so each label points at its own field
        name={formName}
        layout="vertical"
        onFinish={submit}
        aria-label={props.title}
        initialValues={props.initialValues}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
