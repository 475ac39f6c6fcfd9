/** The fields of a new account (用户名, 姓名, 初始密码), inside an antd Form: agency and platform users pages. */
import { Flex, Form, Input } from 'antd';

export function NewAccountFields() {
  return (
    <Flex gap={16} wrap>
      <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
        <Input style={{ width: 200 }} autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label="初始密码"
        name="password"
        rules={[{ required: true, message: '请填写初始密码' }]}
        extra="至少 10 个字符，含两类字符，不含用户名"
      >
        <Input.Password style={{ width: 240 }} autoComplete="new-password" />
      </Form.Item>
    </Flex>
  );
}
