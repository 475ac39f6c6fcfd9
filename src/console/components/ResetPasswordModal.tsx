/** The dialog that resets a user's password (agency and platform users pages). */
import { Input, Modal } from 'antd';
import { useState } from 'react';

export function ResetPasswordModal({
  username,
  reset,
  onClose,
}: {
  /** whose password; null: closed */
  username: string | null;
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
      open={username !== null}
      title={`重置 ${username ?? ''} 的密码`}
      okText="重置"
      cancelText="取消"
      okButtonProps={{ disabled: !password }}
      onOk={async () => {
        if (username && (await reset(username, password))) close();
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
