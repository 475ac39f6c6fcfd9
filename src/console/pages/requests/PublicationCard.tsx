/**
 * 纳入主动公开 on a case (条例第四十四条): the applicant's suggestion with its reasons (第二款, recorded
 * by the operator), and the proposals this request was decided in — 已纳入 with the draft item, or
 * 不纳入 with the reason.
 */
import { Button, Card, Checkbox, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  SUGGESTION_REASON_LABELS,
  SUGGESTION_REASONS,
  type SuggestionReason,
} from '../../../domain/requests/proposals/suggestion.ts';
import { type CaseDetail, proposalsApi } from '../../api/requests.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant, labelOf } from '../../lib/format.ts';
import { useSession } from '../../session-context.tsx';
import { ITEM_STATE_LABELS } from '../items/labels.ts';

interface Values {
  reasons: SuggestionReason[];
  note?: string;
}

export function PublicationCard(props: {
  agency: string;
  caseId: number;
  publication: CaseDetail['publication'];
  onChanged(): void;
}) {
  const { allows } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { suggestion, decisions } = props.publication;
  const may = allows('requests/record_suggestion');

  return (
    <Card
      title="纳入主动公开"
      style={{ marginTop: 16 }}
      extra={
        <Button
          disabled={!may}
          title={may ? undefined : '需要“经办人”角色'}
          onClick={() => {
            form.setFieldsValue({ reasons: suggestion?.reasons ?? [], note: suggestion?.note ?? '' });
            setOpen(true);
          }}
        >
          {suggestion ? '修改申请人建议' : '登记申请人建议'}
        </Button>
      }
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'suggestion',
            label: '申请人建议纳入主动公开',
            children: suggestion
              ? `${suggestion.reasonLabels.join('、')}${suggestion.note ? `（${suggestion.note}）` : ''}`
              : '无',
          },
          ...decisions.map((d) => ({
            key: `decision-${d.id}`,
            label: d.result === 'included' ? '已纳入主动公开' : '不纳入主动公开',
            children: (
              <>
                {d.item ? (
                  <Link to={`/items/${d.item.id}`}>
                    {d.item.title}（{labelOf(ITEM_STATE_LABELS, d.item.status)}）
                  </Link>
                ) : (
                  `理由：${d.reason}`
                )}
                <Typography.Text type="secondary">
                  {' '}
                  {d.actorName} · {formatInstant(d.decidedAt)}
                </Typography.Text>
              </>
            ),
          })),
        ]}
      />
      <FormModal<Values>
        open={open}
        title="登记申请人建议纳入主动公开"
        form={form}
        forceRender
        send={(values) =>
          proposalsApi.suggest(props.agency, props.caseId, {
            reasons: values.reasons ?? [],
            note: values.note,
          })
        }
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          props.onChanged();
        }}
      >
        <Typography.Paragraph type="secondary">
          条例第四十四条第二款：申请人认为涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的，可以建议行政机关将该信息纳入主动公开的范围。
        </Typography.Paragraph>
        <Form.Item
          label="建议纳入主动公开的理由"
          name="reasons"
          rules={[{ required: true, message: '请至少选择一项理由' }]}
        >
          <Checkbox.Group
            options={SUGGESTION_REASONS.map((r) => ({ value: r, label: SUGGESTION_REASON_LABELS[r] }))}
          />
        </Form.Item>
        <Form.Item label="建议说明" name="note">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
