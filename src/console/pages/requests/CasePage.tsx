/** One case: applicant, clock, the actions its state allows, timeline, letters (with 送达), attachments, reviews. */

import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { eventLabelIn } from '../../../domain/events/names.ts';
import type { PolicyVerb } from '../../../domain/policies.ts';
import {
  DELIVERY_METHOD_LABELS as APPLICANT_DELIVERY_LABELS,
  INFORMATION_FORM_LABELS,
} from '../../../domain/requests/applicant.ts';
import { needsApproval } from '../../../domain/requests/approvals.ts';
import {
  CORRECTION_OUTCOME_LABELS,
  REQUEST_KIND_LABELS,
} from '../../../domain/requests/record-correction.ts';
import { type CaseDetail, type CaseLetter, requestsApi } from '../../api/requests.ts';
import { AttachmentsCard } from '../../components/AttachmentsCard.tsx';
import { caseEventDetail } from '../../lib/case-event-detail.ts';
import { base64Of } from '../../lib/files.ts';
import { dayCounter, formatInstant, labelOf, urgencyColor } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { ActionModal } from './ActionForm.tsx';
import { ApprovalsCard } from './ApprovalsCard.tsx';
import { DeliveryModal } from './DeliveryModal.tsx';
import { IntakeCard } from './IntakeCard.tsx';
import {
  APPLICANT_TYPE_LABELS,
  CASE_ACTION_LABELS,
  CASE_STATE_LABELS,
  OUTCOME_LABELS,
  REQUEST_CHANNEL_LABELS,
} from './labels.ts';
import { letterName } from './letters.ts';
import { PublicationCard } from './PublicationCard.tsx';
import { ReviewsCard } from './ReviewsCard.tsx';

function Header({ found }: { found: CaseDetail }) {
  const counter = found.state === 'decided' ? null : dayCounter(found.clock.workingDaysLeft);
  return (
    <Flex gap={12} align="center" wrap>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {found.registrationNo ?? `申请 ${found.id}`}
      </Typography.Title>
      <Tag color={found.state === 'decided' ? 'green' : 'blue'}>{found.stateLabel}</Tag>
      {found.kind === 'record_correction' && (
        <Tag color="purple">{REQUEST_KIND_LABELS.record_correction}</Tag>
      )}
      {counter && <Tag color={urgencyColor(counter.urgency)}>{counter.text}</Tag>}
    </Flex>
  );
}

/** A text staff copy into a letter, an envelope or an e-mail: copyable, or — when not given. */
function copyable(text: string | undefined | null) {
  return text ? (
    <Typography.Text copyable={{ text, tooltips: ['复制', '已复制'] }}>{text}</Typography.Text>
  ) : (
    '—'
  );
}

/** A choice of the application form (所需信息的形式, 获取方式) in words, with its “其他” text. */
function choiceOf(labels: Record<string, string>, value?: string, other?: string): string {
  if (!value) return '—';
  const label = labels[value] ?? value;
  return value === 'other' && other ? `${label}：${other}` : label;
}

export default function CasePage() {
  const agency = useAgencyCode();
  const session = useSession();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const { data: found, error, reload } = useApi(() => requestsApi.get(agency, id), [agency, id]);
  const [action, setAction] = useState<{ name: string; approval: boolean } | null>(null);
  const [sending, setSending] = useState<CaseLetter | null>(null);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!found) return null;
  const applicant = found.applicant ?? {};
  // the buttons follow the policy tables (domain/policies.ts): what the state allows and the role may
  const roles = { roles: session.agency?.roles ?? [] };
  const direct = found.allowedActions.filter((a) => session.allows(`case/${a}` as PolicyVerb));
  const toApprove = found.allowedActions.filter((a) => needsApproval(roles, a));
  const pendingFor = (a: string) => found.approvals.some((p) => p.action === a && p.state === 'pending');
  const mayDeliver = session.allows('requests/record_delivery');
  const correction = found.correction;
  // 条例 第四十一条: a correction request states its record, and has its own outcome and no statutory period
  const requestItems = correction
    ? [
        { key: 'record', label: '要求更正的记录', span: 2, children: correction.record },
        { key: 'inaccuracy', label: '不准确的内容', span: 2, children: correction.inaccuracy },
        { key: 'evidence', label: '提供的证据', span: 2, children: correction.evidence },
        {
          key: 'outcome',
          label: '处理结果',
          children: found.correctionOutcome ? CORRECTION_OUTCOME_LABELS[found.correctionOutcome] : '—',
        },
      ]
    : [
        { key: 'info', label: '所需信息', span: 2, children: applicant.information ?? '—' },
        { key: 'outcome', label: '办理结果', children: labelOf(OUTCOME_LABELS, found.outcome) },
      ];

  return (
    <>
      <Link to="/requests">← 返回列表</Link>
      <Header found={found} />
      <section aria-label="可办理的操作" style={{ margin: '16px 0' }}>
        <Flex gap={8} wrap>
          {direct.map((a) => (
            <Button
              key={a}
              type={a === 'decide' || a === 'decide_correction' ? 'primary' : 'default'}
              onClick={() => setAction({ name: a, approval: false })}
            >
              {labelOf(CASE_ACTION_LABELS, a)}
            </Button>
          ))}
          {toApprove.map((a) => (
            <Button
              key={`approval-${a}`}
              disabled={pendingFor(a)}
              title={pendingFor(a) ? '已提请审批，待审批负责人批准或退回' : undefined}
              onClick={() => setAction({ name: a, approval: true })}
            >
              {`提请审批：${labelOf(CASE_ACTION_LABELS, a)}`}
            </Button>
          ))}
          {found.allowedActions.length === 0 && (
            <Typography.Text type="secondary">该申请已办结。</Typography.Text>
          )}
          {found.allowedActions.length > 0 && direct.length + toApprove.length === 0 && (
            <Typography.Text type="secondary">
              该申请当前的办理操作由经办人或审批负责人进行，您可以查看。
            </Typography.Text>
          )}
        </Flex>
      </section>
      <ApprovalsCard agency={agency} approvals={found.approvals} onChanged={reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="申请信息">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'state', label: '状态', children: labelOf(CASE_STATE_LABELS, found.state) },
                {
                  key: 'channel',
                  label: '收到方式',
                  children: labelOf(REQUEST_CHANNEL_LABELS, found.channel),
                },
                { key: 'received', label: '收到日期', children: found.receivedOn },
                {
                  key: 'due',
                  label: correction ? '参考答复期限（条例未规定）' : '答复期限',
                  children: `${found.clock.due}${found.clock.provisional ? '（暂定）' : ''}`,
                },
                { key: 'used', label: '已用工作日', children: found.clock.workingDaysUsed },
                {
                  key: 'waiting',
                  label: '等待至',
                  children: found.clock.deliveryUnknown
                    ? '送达日期未登记：期限自对方收到之日起算，请在下方“文书”中登记送达'
                    : (found.clock.waitingUntil ?? '—'),
                },
                {
                  key: 'type',
                  label: '申请人类型',
                  children: labelOf(APPLICANT_TYPE_LABELS, found.applicantType),
                },
                { key: 'name', label: '申请人', children: copyable(applicant.name) },
                { key: 'phone', label: '联系电话', children: copyable(applicant.phone) },
                { key: 'email', label: '电子邮箱', children: copyable(applicant.email) },
                { key: 'address', label: '通信地址（送达地址）', children: copyable(applicant.address) },
                ...(correction
                  ? []
                  : [
                      {
                        key: 'form',
                        label: '所需信息的形式',
                        children: choiceOf(INFORMATION_FORM_LABELS, applicant.form, applicant.formOther),
                      },
                      {
                        key: 'delivery',
                        label: '获取方式',
                        children: choiceOf(
                          APPLICANT_DELIVERY_LABELS,
                          applicant.delivery,
                          applicant.deliveryOther,
                        ),
                      },
                    ]),
                ...requestItems,
                { key: 'decided', label: '办结日期', children: found.decidedOn ?? '—' },
                { key: 'tracking', label: '查询码', span: 2, children: <code>{found.trackingCode}</code> },
              ]}
            />
          </Card>
          <IntakeCard agency={agency} found={found} onChanged={reload} />
          <Card title="文书" style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              // at a phone's width the table scrolls inside the card (送达 and the links stay reachable)
              scroll={{ x: 'max-content' }}
              dataSource={found.letters}
              locale={{ emptyText: '暂无文书' }}
              columns={[
                { title: '文书', dataIndex: 'kind', render: (kind: string) => letterName(kind) },
                { title: '日期', dataIndex: 'issuedOn', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
                {
                  title: '送达',
                  key: 'delivery',
                  render: (_: unknown, l) =>
                    l.delivery ? (
                      <Typography.Text>
                        {`${l.delivery.sentOn} ${l.delivery.methodLabel}`}
                        {l.delivery.trackingNo && (
                          <Typography.Text type="secondary">{`（单号 ${l.delivery.trackingNo}）`}</Typography.Text>
                        )}
                      </Typography.Text>
                    ) : (
                      <Tag color="orange">未登记送达</Tag>
                    ),
                },
                {
                  title: '操作',
                  key: 'actions',
                  onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
                  render: (_: unknown, l) => (
                    <Flex gap={12} align="center">
                      <a
                        href={requestsApi.letterUrl(agency, id, l.id, 'html')}
                        target="_blank"
                        rel="noreferrer"
                        aria-label={`预览 ${letterName(l.kind)}`}
                      >
                        预览
                      </a>
                      <a
                        href={requestsApi.letterUrl(agency, id, l.id, 'docx')}
                        download
                        aria-label={`下载 ${letterName(l.kind)}（DOCX）`}
                      >
                        下载
                      </a>
                      {mayDeliver && (
                        <Button
                          size="small"
                          onClick={() => setSending(l)}
                          aria-label={`${l.delivery ? '更正送达' : '送达'} ${letterName(l.kind)}`}
                        >
                          {l.delivery ? '更正送达' : '送达'}
                        </Button>
                      )}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
          <AttachmentsCard
            style={{ marginTop: 16 }}
            attachments={found.attachments}
            downloadUrl={(a) => requestsApi.attachmentUrl(agency, id, a.id)}
            upload={
              session.allows('requests/attach')
                ? async (file) =>
                    requestsApi.attach(agency, id, {
                      expectedVersion: found.version,
                      fileName: file.name,
                      contentBase64: await base64Of(file),
                    })
                : undefined
            }
            onChanged={reload}
          />
          <ReviewsCard agency={agency} caseId={id} reviews={found.reviews} onRecorded={reload} />
          {/* 条例 第四十四条 is about information disclosed on request; a correction request has none */}
          {!correction && (
            <PublicationCard agency={agency} caseId={id} publication={found.publication} onChanged={reload} />
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Card title="办理过程">
            <Timeline
              items={found.events.map((e) => ({
                key: e.id,
                content: (
                  <>
                    <div>{`${e.occurredOn} ${eventLabelIn('requests', e.type)}`}</div>
                    {caseEventDetail(e) && <div>{caseEventDetail(e)}</div>}
                    <Typography.Text type="secondary">
                      {e.actorName} · 记录于 {formatInstant(e.recordedAt)}
                      {e.stateAfter && e.stateAfter !== e.stateBefore
                        ? ` · ${labelOf(CASE_STATE_LABELS, e.stateAfter)}`
                        : ''}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {sending && (
        <DeliveryModal
          agency={agency}
          caseId={id}
          version={found.version}
          letter={sending}
          applicantDelivery={applicant.delivery}
          onClose={() => setSending(null)}
          onDone={() => {
            message.success(`${letterName(sending.kind)}：已登记送达`);
            setSending(null);
            reload();
          }}
        />
      )}
      <ActionModal
        agency={agency}
        caseId={id}
        version={found.version}
        action={action?.name ?? null}
        approval={action?.approval}
        onClose={() => setAction(null)}
        onDone={() => {
          const label = labelOf(CASE_ACTION_LABELS, action?.name ?? null);
          message.success(action?.approval ? `${label}：已提请审批` : `${label}：已完成`);
          setAction(null);
          reload();
        }}
      />
    </>
  );
}
