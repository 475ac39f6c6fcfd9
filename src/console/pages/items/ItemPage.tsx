/** One item: its fields, 保密审查, publication, postings to other channels, attachments, policy ↔ interpretation links, timeline. */

import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { eventLabelIn } from '../../../domain/events/names.ts';
import { type ItemAction, refusalFor } from '../../../domain/items/state-machine.ts';
import {
  APPROVABLE_ITEM_ACTIONS,
  ITEM_APPROVAL_DEFAULT_REASON,
  ITEM_APPROVAL_GROUNDS,
  ITEM_APPROVAL_LABELS,
  needsItemApproval,
} from '../../../domain/requests/approvals.ts';
import { messageOf } from '../../api/client.ts';
import { itemsApi } from '../../api/items.ts';
import { screeningApi } from '../../api/screening.ts';
import { AttachmentsCard } from '../../components/AttachmentsCard.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { base64Of } from '../../lib/files.ts';
import { formatInstant, labelOf } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { ApprovalsCard } from '../requests/ApprovalsCard.tsx';
import { ItemActionModal } from './ItemActionModal.tsx';
import { ITEM_ACTION_LABELS, ITEM_REVIEW_RESULT_LABELS, ITEM_STATE_LABELS } from './labels.ts';
import { PolicyLinksCard } from './PolicyLinksCard.tsx';
import { ScreeningCard } from './ScreeningCard.tsx';

/** The actions offered as buttons (edit opens the form; attach/detach/link have their own cards). */
const BUTTONS = ['submit', 'approve', 'reject', 'publish', 'withdraw', 'post'];

export default function ItemPage() {
  const agency = useAgencyCode();
  const session = useSession();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: item, error, reload } = useApi(() => itemsApi.get(agency, id), [agency, id]);
  // 发布前自查: screened again whenever the item is (its version changes with every step)
  const screening = useApi(() => screeningApi.item(agency, id), [agency, id, item?.version]);
  const [action, setAction] = useState<string | null>(null);
  const [asking, setAsking] = useState<(typeof APPROVABLE_ITEM_ACTIONS)[number] | null>(null);
  const [askForm] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!item) return null;
  // the buttons follow the items' policy (state-machine.ts refusalFor: the role, and no one reviews their own draft)
  const actor = { username: session.session?.user.username ?? '', roles: session.agency?.roles ?? [] };
  const may = (a: string) =>
    item.allowedActions.includes(a) && refusalFor(a as ItemAction, actor, item.createdBy) === null;
  // 发布 is the 审批负责人's (签发): an operator asks for it instead (提请审批, approvals.ts)
  const toApprove = APPROVABLE_ITEM_ACTIONS.filter(
    (a) => item.allowedActions.includes(a) && needsItemApproval(actor, a),
  );
  const pendingFor = (a: string) => item.approvals.some((p) => p.action === a && p.state === 'pending');

  /** Actions without fields run at once. */
  const run = async (name: string) => {
    if (name !== 'submit' && name !== 'publish') return setAction(name);
    setBusy(true);
    try {
      await itemsApi.act(agency, id, name, { expectedVersion: item.version });
      message.success(`${labelOf(ITEM_ACTION_LABELS, name)}：已完成`);
      reload();
    } catch (thrown) {
      message.error(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Link to="/items">← 返回列表</Link>
      <Flex gap={12} align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {item.title}
        </Typography.Title>
        <Tag color={item.status === 'published' ? 'green' : 'blue'}>{item.statusLabel}</Tag>
        {item.timeliness.late && <Tag color="red">超过 20 个工作日发布</Tag>}
      </Flex>
      <section aria-label="可办理的操作" style={{ margin: '16px 0' }}>
        <Flex gap={8} wrap>
          {may('edit') && <Button onClick={() => navigate(`/items/${id}/edit`)}>修改内容</Button>}
          {BUTTONS.filter(may).map((a) => (
            <Button
              key={a}
              type={a === 'publish' || a === 'approve' ? 'primary' : 'default'}
              loading={busy}
              onClick={() => run(a)}
            >
              {labelOf(ITEM_ACTION_LABELS, a)}
            </Button>
          ))}
          {toApprove.map((a) => (
            <Button
              key={`approval-${a}`}
              type="primary"
              disabled={pendingFor(a)}
              title={pendingFor(a) ? '已提请审批，待审批负责人批准或退回' : undefined}
              onClick={() => setAsking(a)}
            >
              {`提请审批：${ITEM_APPROVAL_LABELS[a]}`}
            </Button>
          ))}
        </Flex>
        {toApprove.some(pendingFor) && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            已提请审批负责人签发发布，待批准或退回。
          </Typography.Paragraph>
        )}
      </section>
      <ApprovalsCard agency={agency} approvals={item.approvals} onChanged={reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="信息">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'index', label: '索引号', children: item.indexNo ?? '发布时生成' },
                { key: 'status', label: '状态', children: labelOf(ITEM_STATE_LABELS, item.status) },
                { key: 'category', label: '法定类别', span: 2, children: item.categoryLabel },
                { key: 'issuer', label: '发文机关', children: item.issuer || '—' },
                { key: 'doc', label: '文号', children: item.docNumber ?? '—' },
                { key: 'formed', label: '成文日期', children: item.formedOn },
                { key: 'published', label: '发布日期', children: item.publishedOn ?? '—' },
                { key: 'due', label: '应发布期限', children: item.timeliness.dueOn },
                { key: 'by', label: '起草人', children: item.createdByName },
              ]}
            />
          </Card>
          <Card title="保密审查" style={{ marginTop: 16 }}>
            {item.review ? (
              <Descriptions
                column={1}
                items={[
                  { key: 'reviewer', label: '审查人', children: item.review.reviewerName },
                  { key: 'on', label: '审查日期', children: item.review.reviewedOn ?? '—' },
                  {
                    key: 'result',
                    label: '结果',
                    children: labelOf(ITEM_REVIEW_RESULT_LABELS, item.review.result ?? 'pending'),
                  },
                  { key: 'opinion', label: '意见', children: item.review.opinion || '—' },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">
                {item.status === 'in_review' ? '已送审，待保密审查员审查。' : '尚未送审。'}
              </Typography.Text>
            )}
          </Card>
          <ScreeningCard screening={screening.data ?? null} error={screening.error ?? null} />
          <Card title="发布渠道" style={{ marginTop: 16 }}>
            <Table
              rowKey={(p) => `${p.channel}-${p.publishedOn}`}
              size="small"
              pagination={false}
              dataSource={item.postings}
              locale={{ emptyText: '尚未发布' }}
              columns={[
                { title: '渠道', dataIndex: 'channelName', render: (v: string, p) => v || p.channel },
                { title: '发布日期', dataIndex: 'publishedOn' },
                { title: '链接', dataIndex: 'link', render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
          <AttachmentsCard
            style={{ marginTop: 16 }}
            attachments={item.attachments}
            downloadUrl={(a) => item.attachments.find((x) => x.id === a.id)?.url ?? '#'}
            upload={
              may('attach')
                ? async (file) =>
                    itemsApi.attach(agency, id, {
                      expectedVersion: item.version,
                      fileName: file.name,
                      contentBase64: await base64Of(file),
                    })
                : undefined
            }
            remove={may('detach') ? (a) => itemsApi.detach(agency, id, a.id, item.version) : undefined}
            lockedReason={
              item.allowedActions.includes('attach')
                ? null
                : `${labelOf(ITEM_STATE_LABELS, item.status)}的信息不能修改附件${item.status === 'in_review' ? '，审查通过或退回后可修改' : ''}`
            }
            notice={
              item.status === 'approved'
                ? '上传或删除附件后，保密审查结论失效，该信息回到草稿，需重新送审。'
                : null
            }
            onChanged={reload}
          />
          <PolicyLinksCard agency={agency} item={item} onChanged={reload} />
          {item.fromRequests.length > 0 && (
            <Card title="来源申请（条例第四十四条，纳入主动公开）" style={{ marginTop: 16 }}>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {item.fromRequests.map((r) => (
                  <li key={r.id}>
                    <Link to={`/requests/${r.id}`}>{r.registrationNo ?? `申请 ${r.id}`}</Link>：
                    {r.information}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Card title="正文" style={{ marginTop: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              {item.bodyHtml.replace(/<[^>]+>/g, '') || '（无正文）'}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="办理过程">
            <Timeline
              items={item.events.map((e) => ({
                key: e.seq,
                content: (
                  <>
                    <div>{`${formatInstant(e.at)} ${eventLabelIn('items', e.type)}`}</div>
                    <Typography.Text type="secondary">
                      {e.actorName} · {labelOf(ITEM_STATE_LABELS, e.stateAfter)}
                    </Typography.Text>
                    <Origin data={e.data} />
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {asking && (
        <FormModal
          open
          title={`提请审批：${ITEM_APPROVAL_LABELS[asking]}`}
          form={askForm}
          initialValues={{ reason: ITEM_APPROVAL_DEFAULT_REASON[asking] }}
          okText="提请审批"
          send={(values) =>
            itemsApi.requestApproval(agency, id, {
              expectedVersion: item.version,
              action: asking,
              reason: values.reason ?? '',
            })
          }
          onClose={() => setAsking(null)}
          onDone={() => {
            message.success(`${ITEM_APPROVAL_LABELS[asking]}：已提请审批`);
            setAsking(null);
            reload();
          }}
        >
          <Alert type="info" showIcon title={ITEM_APPROVAL_GROUNDS[asking]} style={{ marginBottom: 16 }} />
          <Form.Item
            label="提请说明"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写提请说明' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
      <ItemActionModal
        agency={agency}
        itemId={id}
        version={item.version}
        screeningFindings={screening.data?.current.findings.length ?? 0}
        action={action}
        onClose={() => setAction(null)}
        onDone={() => {
          message.success(`${labelOf(ITEM_ACTION_LABELS, action)}：已完成`);
          setAction(null);
          reload();
        }}
      />
    </>
  );
}

/** Where a draft came from when another step opened it: 条例第十八条's review turning withheld information public. */
function Origin({ data }: { data: Record<string, unknown> }) {
  const origin = data.origin as { article?: string; requestId?: number; year?: number } | undefined;
  if (origin?.article !== '条例第十八条' || !origin.requestId) return null;
  return (
    <div>
      {origin.year} 年度不予公开信息定期评估审查转为公开（
      <Link to={`/requests/${origin.requestId}`}>申请 {origin.requestId}</Link>）
    </div>
  );
}
