/**
 * A case's or an item's requests for approval (提请审批, domain/requests/approvals.ts): what was asked,
 * by whom, when and why, and how it ended; the 审批负责人 approves (the action is taken as them: the
 * extension, or the item's 签发发布) or returns it with a reason. The operator reads a return's reason here.
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
  const mayDecide = allows('requests/decide_approval');
  const [error, setError] = useState<string | null>(null);
  if (props.approvals.length === 0) return null;

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
                <ApprovalDecision
                  agency={props.agency}
                  approval={a}
                  onChanged={() => {
                    setError(null);
                    props.onChanged();
                  }}
                  onError={setError}
                />
              )}
              {a.state === 'pending' && !mayDecide && (
                <Typography.Text type="secondary">待审批负责人批准或退回。</Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * The 审批负责人's two buttons on a pending request for approval: 批准 (the action taken as them: a
 * case's extension with its letter, an item's 签发发布) and 退回 with a reason. The case page, the item
 * page and the 工作台 show them.
 */
export function ApprovalDecision(props: {
  agency: string;
  approval: ApprovalRequest;
  onChanged(): void;
  onError(message: string): void;
}) {
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const a = props.approval;
  const approve = async () => {
    try {
      await approvalsApi.approve(props.agency, a.id);
      message.success(`已批准：${a.actionLabel}`);
      props.onChanged();
    } catch (thrown) {
      props.onError(messageOf(thrown));
    }
  };
  return (
    <Flex gap={8} wrap>
      <Popconfirm
        title={`批准并办理“${a.actionLabel}”？`}
        description={
          a.subjectType === 'item'
            ? '批准后以您的名义签发，该信息即在门户网站发布。'
            : '批准后以您的名义办理，并出具相应文书。'
        }
        okText="批准"
        cancelText="取消"
        onConfirm={approve}
      >
        <Button type="primary">批准</Button>
      </Popconfirm>
      <Button danger onClick={() => setReturning(true)}>
        退回
      </Button>
      {returning && (
        <FormModal
          open
          title={`退回：${a.actionLabel}`}
          form={form}
          okText="退回"
          send={(values) => approvalsApi.return(props.agency, a.id, { reason: values.reason ?? '' })}
          onClose={() => setReturning(false)}
          onDone={() => {
            message.success('已退回');
            setReturning(false);
            props.onChanged();
          }}
        >
          <Form.Item label="退回理由" name="reason" rules={[{ required: true, message: '请填写退回理由' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
