/**
 * 督办事项 (docs/supervision.md): the reminders of an agency (its 工作台: the agency answers) or of a
 * supervisor's subtree (the 监督工作台: the supervisor closes an answered one or sends it back). Each
 * with its deadline, overdue in red, the answer when there is one.
 */
import { Button, Card, Empty, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Reminder, remindersApi } from '../../api/reminders.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant } from '../../lib/format.ts';

const STATE_COLORS: Record<string, string> = { open: 'orange', answered: 'blue', closed: 'default' };

type Step = { reminder: Reminder; action: 'answer' | 'close' | 'reopen' };

const STEP_TITLES: Record<Step['action'], string> = {
  answer: '答复督办',
  close: '督办办结',
  reopen: '退回重办',
};

export function RemindersCard(props: {
  reminders: readonly Reminder[];
  /** the agency answers (its own 工作台) or the supervisor closes and sends back */
  as: 'agency' | 'supervisor';
  onChanged(): void;
}) {
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm<{ text?: string }>();
  const shown = props.reminders.filter((r) => props.as === 'supervisor' || r.state !== 'closed');
  return (
    <Card title="督办事项" size="small" style={{ marginBottom: 16 }}>
      {shown.length === 0 ? (
        <Empty description={props.as === 'agency' ? '没有待办的督办事项' : '尚未发出督办'} />
      ) : (
        <List
          dataSource={shown}
          renderItem={(r) => (
            <List.Item
              actions={[
                props.as === 'agency' && r.state === 'open' && (
                  <Button
                    key="answer"
                    type="primary"
                    size="small"
                    onClick={() => setStep({ reminder: r, action: 'answer' })}
                  >
                    答复
                  </Button>
                ),
                props.as === 'supervisor' && r.state === 'answered' && (
                  <Button key="close" size="small" onClick={() => setStep({ reminder: r, action: 'close' })}>
                    办结
                  </Button>
                ),
                props.as === 'supervisor' && r.state === 'answered' && (
                  <Button
                    key="reopen"
                    size="small"
                    onClick={() => setStep({ reminder: r, action: 'reopen' })}
                  >
                    退回重办
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag>
                  {r.overdue && <Tag color="red">已超期</Tag>}
                  <Typography.Text strong>
                    {props.as === 'supervisor' ? r.agency.name : r.from.name}
                  </Typography.Text>
                  {r.subjectLabel && <Typography.Text type="secondary">{r.subjectLabel}</Typography.Text>}
                </Flex>
                <span>{r.message}</span>
                <Typography.Text type="secondary">
                  办理期限 {r.dueOn}；{r.createdByName} 于 {formatInstant(r.createdAt)} 发出
                </Typography.Text>
                {r.answer && (
                  <Typography.Text>
                    答复：{r.answer}（{r.answeredByName}，{formatInstant(r.answeredAt)}）
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <FormModal<{ text?: string }>
        open={step !== null}
        title={step ? STEP_TITLES[step.action] : ''}
        form={form}
        okText={step?.action === 'close' ? '办结' : '提交'}
        send={(values) =>
          step
            ? remindersApi.step(step.reminder.agency.code, step.reminder.id, step.action, {
                text: values.text,
                expectedVersion: step.reminder.version,
              })
            : Promise.resolve()
        }
        onClose={() => setStep(null)}
        onDone={() => {
          setStep(null);
          props.onChanged();
        }}
      >
        {step && <Typography.Paragraph>{step.reminder.message}</Typography.Paragraph>}
        {step?.action !== 'close' && (
          <Form.Item
            name="text"
            label={step?.action === 'answer' ? '答复内容（整改情况或说明）' : '退回理由'}
            rules={[
              {
                required: true,
                whitespace: true,
                message: step?.action === 'answer' ? '请填写答复内容' : '请填写退回理由',
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        )}
      </FormModal>
    </Card>
  );
}
