/**
 * 清理: a year's review of the documents in force — those awaiting a decision and the decisions
 * made, the progress, and a decision per document (保留, 修改 with the new version, 废止 with the
 * repealing document); several documents may be kept at once.
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { REVIEW_DECISION_LABELS } from '../../../domain/registry/lifecycle.ts';
import {
  type RegistryDocument,
  type ReviewDecisionBody,
  type ReviewedDocument,
  registryApi,
} from '../../api/registry.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import {
  amendDefaults,
  amendmentOf,
  ChangeModal,
  type ChangeValues,
  NewVersionFields,
  RepealFields,
  repealOf,
} from './ChangeFields.tsx';
import { NOWRAP } from './labels.ts';

type Decision = ReviewDecisionBody['decision'];
const DECISION_COLORS: Record<Decision, string> = { kept: 'green', amended: 'gold', repealed: 'red' };
const FIRST_YEAR = 2017;

/** The body of one decision from the dialog's values. */
function decisionOf(doc: RegistryDocument, decision: Decision, values: ChangeValues): ReviewDecisionBody {
  const note = values.note?.trim() ?? '';
  if (decision === 'amended') return { documentId: doc.id, decision, note, amendment: amendmentOf(values) };
  if (decision === 'repealed') return { documentId: doc.id, decision, note, repeal: repealOf(values) };
  return { documentId: doc.id, decision, note };
}

export default function ReviewPage() {
  const agency = useAgencyCode();
  const year = Number(useParams().year);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { allows } = useSession();
  const { data, error, loading, reload } = useApi(() => registryApi.review(agency, year), [agency, year]);
  const [reviewedOn, setReviewedOn] = useState<Dayjs>(dayjs());
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<{ decision: Decision; docs: RegistryDocument[] } | null>(null);
  const editable = allows('registry/edit');
  const thisYear = dayjs().year();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  const reviewed = data?.decisions.length ?? 0;
  const total = reviewed + (data?.pending.length ?? 0);
  const record = async (decision: Decision, docs: RegistryDocument[], values: ChangeValues) => {
    await registryApi.recordReview(agency, year, {
      reviewedOn: reviewedOn.format('YYYY-MM-DD'),
      decisions: docs.map((doc) => decisionOf(doc, decision, values)),
    });
    message.success(`已记录：${docs.length} 件文件${REVIEW_DECISION_LABELS[decision]}`);
    setOpen(null);
    setSelected([]);
    reload();
  };
  const chosen = (data?.pending ?? []).filter((d) => selected.includes(d.id));
  const only = open?.docs[0];

  return (
    <>
      <Link to="/registry">← 返回规范性文件目录</Link>
      <Flex justify="space-between" align="center" wrap style={{ marginTop: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {year} 年度规范性文件清理
        </Typography.Title>
        <Select
          aria-label="清理年度"
          value={year}
          onChange={(y) => navigate(`/registry/reviews/${y}`)}
          options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
          style={{ width: 140 }}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        逐件审查现行有效的规章和行政规范性文件，作出保留、修改或废止的决定；修改、废止的决定在记录时即生效。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <Card style={{ marginBottom: 16 }} aria-label="清理进度">
          <Flex gap={48} align="center" wrap>
            <Flex vertical gap={4} style={{ minWidth: 260 }}>
              <Typography.Text strong>
                已清理 {reviewed} 件，共 {total} 件
              </Typography.Text>
              <Progress percent={total ? Math.round((reviewed / total) * 100) : 100} />
            </Flex>
            <Statistic title="保留" value={data.counts.kept} />
            <Statistic title="修改" value={data.counts.amended} />
            <Statistic title="废止" value={data.counts.repealed} />
            <Statistic title="待清理" value={data.counts.pending} />
          </Flex>
        </Card>
      )}
      <Card
        title={`待作决定的文件（${data?.pending.length ?? 0} 件）`}
        extra={
          editable && (
            <Space>
              <span>清理日期</span>
              <DatePicker
                aria-label="清理日期"
                value={reviewedOn}
                allowClear={false}
                onChange={(d) => d && setReviewedOn(d)}
              />
              <Button
                disabled={chosen.length === 0}
                onClick={() => setOpen({ decision: 'kept', docs: chosen })}
              >
                所选 {chosen.length} 件保留
              </Button>
            </Space>
          )
        }
      >
        <Table<RegistryDocument>
          // at phone width the table scrolls inside its box; its fixed columns would squeeze 标题 to one character a line
          scroll={{ x: 960 }}
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          aria-label="待作决定的文件"
          dataSource={data?.pending ?? []}
          locale={{ emptyText: `${year} 年度的文件均已作出清理决定。` }}
          rowSelection={
            editable
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(Number)),
                  // antd names these checkboxes in English (Select all, Select row 1)
                  getTitleCheckboxProps: () => ({ 'aria-label': '全选' }),
                  getCheckboxProps: (d) => ({ 'aria-label': `选择 ${d.title}` }),
                }
              : undefined
          }
          columns={[
            { title: '文号', dataIndex: 'docNumber', ...NOWRAP },
            {
              title: '标题',
              dataIndex: 'title',
              render: (title: string, d) => <Link to={`/registry/${d.id}`}>{title}</Link>,
            },
            { title: '种类', dataIndex: 'kindLabel', ...NOWRAP },
            { title: '制发日期', dataIndex: 'issuedOn', ...NOWRAP },
            ...(editable
              ? [
                  {
                    title: '清理决定',
                    key: 'decide',
                    ...NOWRAP,
                    render: (_: unknown, d: RegistryDocument) => (
                      <Space size={4}>
                        {(['kept', 'amended', 'repealed'] as const).map((decision) => (
                          <Button
                            key={decision}
                            size="small"
                            danger={decision === 'repealed'}
                            aria-label={`${REVIEW_DECISION_LABELS[decision]} ${d.docNumber}`}
                            onClick={() => setOpen({ decision, docs: [d] })}
                          >
                            {REVIEW_DECISION_LABELS[decision]}
                          </Button>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={`已作出的决定（${reviewed} 件）`} style={{ marginTop: 16 }}>
        <Table<ReviewedDocument>
          // at phone width the table scrolls inside its box; its fixed columns would squeeze 标题 to one character a line
          scroll={{ x: 960 }}
          rowKey="reviewId"
          size="small"
          pagination={false}
          aria-label="已作出的决定"
          dataSource={data?.decisions ?? []}
          locale={{ emptyText: '尚未作出决定。' }}
          columns={[
            { title: '文号', render: (_, r) => r.document.docNumber, ...NOWRAP },
            {
              title: '标题',
              render: (_, r) => <Link to={`/registry/${r.document.id}`}>{r.document.title}</Link>,
            },
            {
              title: '决定',
              dataIndex: 'decisionLabel',
              ...NOWRAP,
              render: (label: string, r) => (
                <Tag color={DECISION_COLORS[r.decision as Decision]}>{label}</Tag>
              ),
            },
            { title: '结果', render: (_, r) => <Outcome review={r} />, ...NOWRAP },
            { title: '清理意见', dataIndex: 'note', render: (v: string) => v || '—' },
            { title: '清理日期', dataIndex: 'reviewedOn', ...NOWRAP },
            { title: '经办人', dataIndex: 'actorName', ...NOWRAP },
          ]}
        />
      </Card>
      {open && only && (
        <ChangeModal
          title={
            open.docs.length > 1
              ? `保留所选 ${open.docs.length} 件文件`
              : `${REVIEW_DECISION_LABELS[open.decision]}：${only.docNumber}`
          }
          okText="记录决定"
          initialValues={
            open.decision === 'amended'
              ? amendDefaults(only, reviewedOn)
              : open.decision === 'repealed'
                ? { repealedOn: reviewedOn }
                : {}
          }
          onClose={() => setOpen(null)}
          onSubmit={(values) => record(open.decision, open.docs, values)}
        >
          <Typography.Paragraph type="secondary">
            {open.docs.map((d) => `${d.docNumber}《${d.title}》`).join('、')}
          </Typography.Paragraph>
          {open.decision === 'amended' && <NewVersionFields />}
          {open.decision === 'repealed' && <RepealFields agency={agency} exceptId={only.id} />}
          <Form.Item label="清理意见" name="note">
            <Input.TextArea rows={2} placeholder="如：符合上位法规定，继续有效。" />
          </Form.Item>
        </ChangeModal>
      )}
    </>
  );
}

/** What a decision did: the new version of a 修改, the repealing document of a 废止. */
function Outcome({ review }: { review: ReviewedDocument }) {
  if (review.decision === 'amended' && review.resultDocumentId)
    return <Link to={`/registry/${review.resultDocumentId}`}>新版本</Link>;
  if (review.decision === 'repealed') return <>依据 {review.document.repealedBy ?? '—'}</>;
  return <>继续有效</>;
}
