/**
 * 新建用户 on the users pages (an agency's, the platform's): the account fields, the page's own
 * fields (roles, agency), the error of the last try, 创建. Creating resets the form and calls
 * `onCreated` (the page closes the card and reloads).
 */
import { Alert, App, Button, Card, Form, type FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { messageOf } from '../api/client.ts';
import { NewAccountFields } from './NewAccountFields.tsx';

/** What every new account form holds. */
export interface NewAccountValues {
  username: string;
  displayName: string;
  password: string;
}

export function NewUserCard<V extends NewAccountValues>(props: {
  /** the page's form, when the page watches its fields */
  form?: FormInstance<V>;
  create: (values: V) => Promise<unknown>;
  onCreated: () => void;
  children?: ReactNode;
}) {
  const { message } = App.useApp();
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (values: V) => {
    setFormError(null);
    try {
      await props.create(values);
      message.success(`已创建用户${values.displayName}`);
      form.resetFields();
      props.onCreated();
    } catch (thrown) {
      setFormError(messageOf(thrown));
    }
  };
  return (
    <Card title="新建用户" style={{ marginBottom: 16 }}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} aria-label="新建用户">
        <NewAccountFields />
        {props.children}
        <Button type="primary" htmlType="submit">
          创建
        </Button>
      </Form>
    </Card>
  );
}
