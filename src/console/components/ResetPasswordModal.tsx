/** The dialog that resets a user's password (agency and platform users pages). */
import { Input, Modal } from 'antd';
import { useState } from 'react';

export function ResetPasswordModal({
  user,
  reset,
  onClose,
}: {
  /** whose password (named by their name); null: closed */
  user: { username: string; displayName: string } | null;
  /** resets it; true when done (the dialog then closes) */
  reset: (username: string, password: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  const close = () => {
    setPassword('');
    onClose();
  };
  return (
    <Modal
      open={user !== null}
      title={`重置${user?.displayName ?? ''}的密码`}
      okText="重置"
      cancelText="取消"
      okButtonProps={{ disabled: !password }}
      onOk={async () => {
        if (user && (await reset(user.username, password))) close();
      }}
      onCancel={close}
    >
      <Input.Password
        aria-label="新密码"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="new-password"
      />
    </Modal>
  );
}
