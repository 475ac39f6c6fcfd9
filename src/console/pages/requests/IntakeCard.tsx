/**
 * How the application came in and the help its applicant gets, on the case page: an oral application
 * written up by the office (条例 第二十九条第一款) and the help given (第四十三条), which the operator
 * records or corrects here. Staff only: the tracking page never shows either.
 */
import { Button, Card, Checkbox, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ASSISTANCE_NEED_LABELS } from '../../../domain/requests/intake.ts';
import { type CaseDetail, requestsApi } from '../../api/requests.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useSession } from '../../session-context.tsx';

interface AssistanceValues {
  needs: string[];
  help: string;
}

const NEED_OPTIONS = Object.entries(ASSISTANCE_NEED_LABELS).map(([value, label]) => ({ value, label }));

export function IntakeCard(props: { agency: string; found: CaseDetail; onChanged(): void }) {
  const { found } = props;
  const { allows } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AssistanceValues>();
  const { oral, assistance } = found;
  const mayRecord = allows('requests/record_assistance');
  if (!oral && !assistance && !mayRecord) return null;

  return (
    <Card
      title="口头申请与提供的帮助"
      style={{ marginTop: 16 }}
      extra={
        mayRecord && (
          <Button size="small" onClick={() => setOpen(true)}>
            {assistance ? '更正提供的帮助' : '登记提供的帮助'}
          </Button>
        )
      }
    >
      {oral && (
        <Descriptions
          title="口头提出，本机关代为填写（条例第二十九条第一款）"
          size="small"
          column={1}
          items={[
            { key: 'difficulty', label: '书面形式确有困难的情形', children: oral.difficulty },
            {
              key: 'confirmation',
              label: '申请人确认方式',
              children: `${oral.confirmationLabel}${oral.confirmationNote ? `（${oral.confirmationNote}）` : ''}`,
            },
            { key: 'by', label: '代为填写人', children: oral.writtenUpByName },
          ]}
        />
      )}
      {assistance ? (
        <Descriptions
          title="提供的帮助（条例第四十三条）"
          size="small"
          column={1}
          style={{ marginTop: oral ? 16 : 0 }}
          items={[
            { key: 'needs', label: '申请人存在的困难', children: assistance.needsLabel },
            { key: 'help', label: '提供的帮助', children: assistance.help },
            {
              key: 'by',
              label: '登记',
              children: `${assistance.recordedByName}，${assistance.recordedOn}`,
            },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: oral ? 16 : 0, marginBottom: 0 }}>
          未登记为申请人提供的帮助。申请人存在阅读困难或者视听障碍的，应当为其提供必要的帮助（条例第四十三条）。
        </Typography.Paragraph>
      )}
      <FormModal<AssistanceValues>
        open={open}
        title="登记提供的帮助（条例第四十三条）"
        form={form}
        initialValues={assistance ? { needs: assistance.needs, help: assistance.help } : { needs: [] }}
        send={(values) =>
          requestsApi.recordAssistance(props.agency, found.id, { expectedVersion: found.version, ...values })
        }
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          props.onChanged();
        }}
      >
        <Form.Item
          label="申请人存在的困难"
          name="needs"
          rules={[{ required: true, message: '请选择申请人存在的困难（至少一项）' }]}
        >
          <Checkbox.Group options={NEED_OPTIONS} />
        </Form.Item>
        <Form.Item label="提供的帮助" name="help" rules={[{ required: true, message: '请填写提供的帮助' }]}>
          <Input.TextArea rows={3} placeholder="如：提供大字版答复书，并电话告知办理进度" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
