/**
 * 纳入主动公开建议 (条例第四十四条): the year's requests for the same information by several applicants
 * (answered 予以公开 or 部分公开 at least once) and the applicants' own suggestions, each with its
 * requests; 纳入主动公开 opens a draft item linked to them (the operator), 不纳入 records the reason
 * (the approver). A proposal decided 不纳入 does not come back; 已纳入 ones show their item.
 */
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type Proposal, proposalsApi } from '../../api/requests.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { labelOf } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { ITEM_STATE_LABELS, STATUTORY_CATEGORY_LABELS } from '../items/labels.ts';
import { CASE_STATE_LABELS, OUTCOME_LABELS } from './labels.ts';

const STATUS_LABELS = { open: '待审核', included: '已纳入', not_included: '不纳入' } as const;
type Status = keyof typeof STATUS_LABELS;
const STATUS_COLORS: Record<Status, string> = { open: 'gold', included: 'green', not_included: 'default' };

interface IncludeValues {
  category: keyof typeof STATUTORY_CATEGORY_LABELS;
  title: string;
}

export default function ProposalsPage() {
  const agency = useAgencyCode();
  const { allows } = useSession();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear);
  const status = (params.get('status') ?? '') as Status | '';
  const { data, error, loading, reload } = useApi(
    () => proposalsApi.list(agency, { year, status: status || undefined }),
    [agency, year, status],
  );
  const [including, setIncluding] = useState<Proposal | null>(null);
  const [declining, setDeclining] = useState<Proposal | null>(null);
  const [includeForm] = Form.useForm<IncludeValues>();
  const [declineForm] = Form.useForm<{ reason: string }>();
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes))
      if (value) next.set(key, value);
      else next.delete(key);
    setParams(next);
  };

  return (
    <>
      <Typography.Title level={2}>纳入主动公开建议</Typography.Title>
      <Typography.Paragraph type="secondary">
        条例第四十四条：“多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动公开的范围。”
        下列为本年收到的申请中所需信息相同（按分词比对）、由两个以上申请人提出、且至少一件已予以公开或部分公开的，以及申请人建议纳入主动公开的申请。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <Space>
          <span id="proposal-year">收到年度</span>
          <InputNumber
            // no stepper: its buttons carry English labels (rc-input-number's own); a year is typed
            controls={false}
            aria-labelledby="proposal-year"
            min={2008}
            max={2100}
            value={year}
            onChange={(value) => update({ year: value ? String(value) : '' })}
          />
        </Space>
        {/* at phone width the four states scroll inside their box, never widen the page */}
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented
            aria-label="状态"
            value={status}
            onChange={(value) => update({ status: String(value) })}
            options={[
              {
                value: '',
                label: `待审核和已纳入${data ? `（${data.counts.open + data.counts.included}）` : ''}`,
              },
              { value: 'open', label: `待审核${data ? `（${data.counts.open}）` : ''}` },
              { value: 'included', label: `已纳入${data ? `（${data.counts.included}）` : ''}` },
              { value: 'not_included', label: `不纳入${data ? `（${data.counts.notIncluded}）` : ''}` },
            ]}
          />
        </div>
      </Flex>
      {data && data.proposals.length === 0 && !loading && <Empty description={`${year} 年暂无此类建议`} />}
      {data?.proposals.map((p) => (
        <Card
          key={p.key}
          style={{ marginBottom: 16 }}
          title={
            <Space wrap>
              <Tag color={STATUS_COLORS[p.status]}>{STATUS_LABELS[p.status]}</Tag>
              {p.title}
            </Space>
          }
          extra={
            p.status === 'open' && (
              <Space>
                <Button
                  type="primary"
                  disabled={!allows('requests/include_proposal')}
                  title={allows('requests/include_proposal') ? undefined : '需要“经办人”角色'}
                  onClick={() => {
                    includeForm.setFieldsValue({ title: p.title });
                    setIncluding(p);
                  }}
                >
                  纳入主动公开
                </Button>
                <Button
                  disabled={!allows('requests/decline_proposal')}
                  title={allows('requests/decline_proposal') ? undefined : '需要“审批负责人”角色'}
                  onClick={() => setDeclining(p)}
                >
                  不纳入
                </Button>
              </Space>
            )
          }
        >
          <Space wrap style={{ marginBottom: 8 }}>
            {p.kind === 'suggestion' ? (
              <Tag color="blue">申请人建议（条例第四十四条第二款）</Tag>
            ) : (
              <Tag color="purple">{p.applicants} 个申请人申请相同信息</Tag>
            )}
            {p.suggestedBy.length > 0 && p.kind !== 'suggestion' && <Tag color="blue">含申请人建议</Tag>}
            {!p.disclosable && <Tag>尚无予以公开或部分公开的答复</Tag>}
            {p.alreadyPublished && <Tag color="orange">有申请答复为“已主动公开”</Tag>}
            {p.undecided > 0 && <Tag>{p.undecided} 件未办结</Tag>}
          </Space>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.requests}
            columns={[
              {
                title: '登记号',
                dataIndex: 'registrationNo',
                render: (v: string | null, r) => <Link to={`/requests/${r.id}`}>{v ?? `申请 ${r.id}`}</Link>,
              },
              { title: '收到日期', dataIndex: 'receivedOn' },
              { title: '申请人', dataIndex: 'applicantName' },
              { title: '所需信息', dataIndex: 'information' },
              {
                title: '办理情况',
                dataIndex: 'outcome',
                render: (v: string | null, r) =>
                  v ? labelOf(OUTCOME_LABELS, v) : labelOf(CASE_STATE_LABELS, r.state),
              },
              {
                title: '申请人建议',
                dataIndex: 'suggestion',
                render: (s: Proposal['requests'][number]['suggestion']) =>
                  s ? s.reasonLabels.join('、') : '—',
              },
            ]}
          />
          {p.items.map((item) => (
            <Typography.Paragraph key={item.id} style={{ marginTop: 8, marginBottom: 0 }}>
              已起草信息：<Link to={`/items/${item.id}`}>{item.title}</Link>（
              {labelOf(ITEM_STATE_LABELS, item.status)}）
            </Typography.Paragraph>
          ))}
          {p.decision?.result === 'not_included' && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
              不纳入理由：{p.decision.reason}（{p.decision.actorName}）
            </Typography.Paragraph>
          )}
        </Card>
      ))}
      <FormModal<IncludeValues>
        open={including !== null}
        title="纳入主动公开：起草信息"
        okText="起草"
        form={includeForm}
        forceRender
        send={(values) =>
          proposalsApi.include(agency, {
            year,
            requestIds: including?.requestIds ?? [],
            category: values.category,
            title: values.title,
          })
        }
        onClose={() => setIncluding(null)}
        onDone={() => {
          setIncluding(null);
          reload();
        }}
      >
        <Typography.Paragraph type="secondary">
          将新建一条草稿信息并与这 {including?.requestIds.length ?? 0}{' '}
          件申请关联；草稿经修改、保密审查后发布。
        </Typography.Paragraph>
        <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label="法定类别" name="category" rules={[{ required: true, message: '请选择法定类别' }]}>
          <Select
            options={Object.entries(STATUTORY_CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string }>
        open={declining !== null}
        title="不纳入主动公开"
        form={declineForm}
        forceRender
        send={(values) =>
          proposalsApi.decline(agency, {
            year,
            requestIds: declining?.requestIds ?? [],
            reason: values.reason,
          })
        }
        onClose={() => setDeclining(null)}
        onDone={() => {
          setDeclining(null);
          reload();
        }}
      >
        <Form.Item
          label="不纳入理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写不纳入理由' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
