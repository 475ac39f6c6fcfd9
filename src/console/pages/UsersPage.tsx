/** 用户与角色: the agency's users and their roles. */
import { Alert, Typography } from 'antd';

export default function UsersPage() {
  return (
    <>
      <Typography.Title level={2}>用户与角色</Typography.Title>
      <Alert type="info" showIcon title="用户管理接口尚未提供。" />
    </>
  );
}
