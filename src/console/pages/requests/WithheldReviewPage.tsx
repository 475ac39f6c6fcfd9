/**
 * 不予公开信息定期评估审查 (条例 第十八条): a year's list of the information withheld under 第十六条,
 * what is still to be reviewed, and a decision per piece — 继续不予公开 with the reason, or 转为公开
 * (a draft item in 主动公开, to be completed and sent to 保密审查). A decision is corrected by a new
 * one; the history stays under each line.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { StatutoryCategory } from '../../../domain/items/categories.ts';
import {
  WITHHELD_REVIEW_DECISION_LABELS,
  type WithheldReviewDecision,
} from '../../../domain/requests/withheld-review.ts';
import { type WithheldReviewEntryView, withheldReviewsApi } from '../../api/withheld-reviews.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { STATUTORY_CATEGORY_LABELS } from '../items/labels.ts';

const FIRST_YEAR = 2019;
const ARTICLE_18 =
  '条例第十八条：“行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开。”' +
  '本清单列出截至年底依条例第十六条（内部事务信息、过程性信息、行政执法案卷信息）不予公开、此前未转为公开的信息；继续不予公开的，下一年度再次列入。';
const STATUS_COLORS: Record<WithheldReviewEntryView['status'], string> = {
  pending: 'default',
  kept: 'gold',
  disclosed: 'green',
};
const NOWRAP = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
const REASON_HINTS: Record<WithheldReviewDecision, string> = {
  kept: '如：项目尚未作出决策，讨论记录仍属过程性信息。',
  disclosed: '如：项目已批准实施，讨论记录不再影响决策，因情势变化可以公开。',
};

interface DecisionValues {
  reason: string;
  category?: StatutoryCategory;
}

export default function WithheldReviewPage() {
  const agency = useAgencyCode();
  const year = Number(useParams().year);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { allows } = useSession();
  const { data, error, loading, reload } = useApi(
    () => withheldReviewsApi.list(agency, year),
    [agency, year],
  );
  const [open, setOpen] = useState<{
    entry: WithheldReviewEntryView;
    decision: WithheldReviewDecision;
  } | null>(null);
  const [form] = Form.useForm<DecisionValues>();
  const editable = allows('requests/review_withheld');
  const thisYear = dayjs().year();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const s = data?.summary;

  const send = async ({ reason, category }: DecisionValues) => {
    if (!open) return;
    const { entry, decision } = open;
    const done = await withheldReviewsApi.decide(agency, year, {
      requestId: entry.requestId,
      part: entry.part,
      decision,
      reason,
      replaces: entry.current?.id ?? null,
      ...(decision === 'disclosed' && category ? { category } : {}),
    });
    message.success(
      done.openedItem
        ? `已转为公开：已起草待公开信息 ${done.openedItem.id}，请补充正文后送保密审查。`
        : `已记录：${WITHHELD_REVIEW_DECISION_LABELS[decision]}`,
    );
  };

  return (
    <>
      <Link to="/requests">← 返回依申请公开</Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {year} 年度不予公开信息定期评估审查
        </Typography.Title>
        <Select
          aria-label="审查年度"
          value={year}
          onChange={(y) => navigate(`/requests/withheld-reviews/${y}`)}
          options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
          style={{ width: 140 }}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {ARTICLE_18}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {s && (
        <Card style={{ marginBottom: 16 }} aria-label="审查情况">
          <Flex gap={32} wrap>
            <Statistic title="列入审查" value={s.total} />
            <Statistic title="已审查" value={s.reviewed} />
            <Statistic title="继续不予公开" value={s.kept} />
            <Statistic title="转为公开" value={s.disclosed} />
            <Statistic title="待审查" value={s.pending} />
          </Flex>
        </Card>
      )}
      <Table<WithheldReviewEntryView>
        // at phone width the table scrolls inside its box rather than squeezing 信息 to one character a line
        scroll={{ x: 980 }}
        rowKey={(e) => `${e.requestId}-${e.part}`}
        size="small"
        loading={loading}
        pagination={false}
        aria-label="不予公开信息审查清单"
        dataSource={data?.entries ?? []}
        locale={{ emptyText: `${year} 年度没有依条例第十六条不予公开、需要审查的信息。` }}
        expandable={{
          rowExpandable: (e) => e.history.length > 0 || e.previous !== null,
          expandedRowRender: (e) => <History entry={e} />,
        }}
        columns={[
          {
            title: '申请',
            ...NOWRAP,
            render: (_, e) => (
              <Link to={`/requests/${e.requestId}`}>
                {e.caseNo}
                {e.part > 0 ? ` 第 ${e.part} 项` : ''}
              </Link>
            ),
          },
          {
            title: '信息',
            width: 280,
            render: (_, e) => (
              <>
                {e.description}
                {e.withheldPart && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    不予公开部分：{e.withheldPart}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: '依据', dataIndex: 'basis', width: 220 },
          { title: '答复日期', dataIndex: 'decidedOn', ...NOWRAP },
          {
            title: '本年度决定',
            ...NOWRAP,
            render: (_, e) => (
              <Space orientation="vertical" size={2}>
                <Tag color={STATUS_COLORS[e.status]}>{e.statusLabel}</Tag>
                {e.openedItem && (
                  <Link to={`/items/${e.openedItem.id}`}>
                    待公开信息 {e.openedItem.id}（{e.openedItem.statusLabel}）
                  </Link>
                )}
              </Space>
            ),
          },
          ...(editable
            ? [
                {
                  title: '审查',
                  key: 'decide',
                  ...NOWRAP,
                  render: (_: unknown, e: WithheldReviewEntryView) => (
                    <Space size={4}>
                      {(['kept', 'disclosed'] as const).map((decision) => (
                        <Button
                          key={decision}
                          size="small"
                          type={decision === 'disclosed' ? 'primary' : 'default'}
                          disabled={
                            e.laterYear !== null || (decision === 'disclosed' && e.status === 'disclosed')
                          }
                          title={e.laterYear !== null ? `已在 ${e.laterYear} 年度审查` : undefined}
                          aria-label={`${WITHHELD_REVIEW_DECISION_LABELS[decision]} ${e.caseNo}`}
                          onClick={() => setOpen({ entry: e, decision })}
                        >
                          {e.current
                            ? `更正：${WITHHELD_REVIEW_DECISION_LABELS[decision]}`
                            : WITHHELD_REVIEW_DECISION_LABELS[decision]}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<DecisionValues>
        open={open !== null}
        title={open ? `${WITHHELD_REVIEW_DECISION_LABELS[open.decision]}：${open.entry.caseNo}` : ''}
        form={form}
        okText="记录决定"
        initialValues={{ category: 'other' }}
        send={send}
        onClose={() => setOpen(null)}
        onDone={() => {
          setOpen(null);
          reload();
        }}
      >
        {open && (
          <>
            <Typography.Paragraph type="secondary">{open.entry.description}</Typography.Paragraph>
            {open.entry.current && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={`将更正本年度已作出的决定（${open.entry.current.actorName}：${WITHHELD_REVIEW_DECISION_LABELS[open.entry.current.decision]}）；原决定保留在记录中。`}
              />
            )}
            <Form.Item
              label={open.decision === 'kept' ? '继续不予公开的理由' : '因情势变化可以公开的情况'}
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请填写审查理由' }]}
            >
              <Input.TextArea rows={3} maxLength={2000} placeholder={REASON_HINTS[open.decision]} />
            </Form.Item>
            {open.decision === 'disclosed' && (
              <>
                <Form.Item label="待公开信息的类别（条例第二十条）" name="category">
                  <Select
                    options={Object.entries(STATUTORY_CATEGORY_LABELS).map(([value, label]) => ({
                      value,
                      label,
                    }))}
                  />
                </Form.Item>
                <Typography.Paragraph type="secondary">
                  记录后将在“主动公开”中起草一条以该信息为标题的待公开信息，请补充正文，经保密审查后发布。
                </Typography.Paragraph>
              </>
            )}
          </>
        )}
      </FormModal>
    </>
  );
}

/** The decisions on a line: last time's (an earlier year), then this year's in order. */
function History({ entry }: { entry: WithheldReviewEntryView }) {
  const rows = [...(entry.previous ? [entry.previous] : []), ...entry.history];
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="审查记录">
      {rows.map((r) => (
        <li key={r.id}>
          {r.year} 年度{r.seq > 1 ? '（更正）' : ''}：{WITHHELD_REVIEW_DECISION_LABELS[r.decision]}。
          {r.reason}（{r.actorName}，{dayjs(r.recordedAt).format('YYYY-MM-DD')}
          {r.itemId ? `，待公开信息 ${r.itemId}` : ''}）
        </li>
      ))}
    </ul>
  );
}
