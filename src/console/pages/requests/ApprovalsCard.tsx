/**
 * A case's requests for approval (提请审批, domain/requests/approvals.ts): what was asked, by whom,
 * when and why, and how it ended; the 审批负责人 approves (the action is taken as them) or returns it
 * with a reason. The operator reads a return's reason here.
 */
import { Alert, App, Button, Card, Flex, Form, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { type ApprovalRequest, approvalsApi } from '../../api/requests.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useSession } from '../../session-context.tsx';

const STATE_COLORS: Record<string, string> = { pending: 'orange', approved: 'green', returned: 'red' };

/** The proposed fields in words (extend: days and reason). */
function proposal(a: ApprovalRequest): string {
  const days = a.payload.days;
  return typeof days === 'number' ? `延长 ${days} 个工作日` : '';
}

export function ApprovalsCard(props: {
  agency: string;
  approvals: readonly ApprovalRequest[];
  onChanged(): void;
}) {
  const { allows } = useSession();
  const { message } = App.useApp();
  const mayDecide = allows('requests/decide_approval');
  const [returning, setReturning] = useState<ApprovalRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  if (props.approvals.length === 0) return null;

  const approve = async (a: ApprovalRequest) => {
    setError(null);
    try {
      await approvalsApi.approve(props.agency, a.id);
      message.success(`已批准：${a.actionLabel}`);
      props.onChanged();
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  };

  return (
    <Card title="提请审批" style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <List
        dataSource={[...props.approvals]}
        renderItem={(a) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{a.actionLabel}</Typography.Text>
                <Tag color={STATE_COLORS[a.state]}>{a.stateLabel}</Tag>
                <Typography.Text>{proposal(a)}</Typography.Text>
              </Flex>
              <Typography.Text>理由：{a.reason}</Typography.Text>
              <Typography.Text type="secondary">
                {a.requestedByName} 提请于 {formatInstant(a.requestedAt)}
                {a.decidedByName && a.decidedAt
                  ? `；${a.decidedByName} ${a.stateLabel}于 ${formatInstant(a.decidedAt)}`
                  : ''}
              </Typography.Text>
              {a.returnReason && <Typography.Text type="danger">退回理由：{a.returnReason}</Typography.Text>}
              {a.state === 'pending' && mayDecide && (
                <Flex gap={8} wrap>
                  <Popconfirm
                    title={`批准并办理“${a.actionLabel}”？`}
                    description="批准后以您的名义办理，并出具相应文书。"
                    okText="批准"
                    cancelText="取消"
                    onConfirm={() => approve(a)}
                  >
                    <Button type="primary">批准</Button>
                  </Popconfirm>
                  <Button danger onClick={() => setReturning(a)}>
                    退回
                  </Button>
                </Flex>
              )}
              {a.state === 'pending' && !mayDecide && (
                <Typography.Text type="secondary">待审批负责人批准或退回。</Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      {returning && (
        <FormModal
          open
          title={`退回：${returning.actionLabel}`}
          form={form}
          okText="退回"
          send={(values) => approvalsApi.return(props.agency, returning.id, { reason: values.reason ?? '' })}
          onClose={() => setReturning(null)}
          onDone={() => {
            message.success('已退回');
            setReturning(null);
            props.onChanged();
          }}
        >
          <Form.Item label="退回理由" name="reason" rules={[{ required: true, message: '请填写退回理由' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
