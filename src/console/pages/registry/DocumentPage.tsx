/**
 * One document of the registry: the version asked for, every version oldest first (each links to
 * the others), the events of each (who, when, what), and 修改 / 废止 while the version is in force.
 */

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
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { eventLabelIn } from '../../../domain/events/names.ts';
import { type RegistryDocument, registryApi } from '../../api/registry.ts';
import { formatInstant } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import {
  amendDefaults,
  amendmentOf,
  ChangeModal,
  NewVersionFields,
  RepealFields,
  repealOf,
} from './ChangeFields.tsx';
import { eventDetail, NOWRAP, STATUS_COLORS } from './labels.ts';

/** 第 2 版 (linked unless it is the one shown). */
function VersionLink({ doc, current }: { doc: RegistryDocument; current: number }) {
  const label = `第 ${doc.version} 版`;
  return doc.id === current ? <strong>{label}</strong> : <Link to={`/registry/${doc.id}`}>{label}</Link>;
}

/** The first line of a document registered by import (`gongkai import`): no 制发 event was written. */
function imported(first: RegistryDocument | undefined) {
  return {
    key: 'imported',
    color: 'gray',
    content: (
      <>
        <div>{first?.issuedOn} 制发</div>
        <Typography.Text type="secondary">第 1 版 · 由数据导入登记，导入前的办理过程未记录</Typography.Text>
      </>
    ),
  };
}

export default function DocumentPage() {
  const agency = useAgencyCode();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { allows } = useSession();
  const { data, error, reload } = useApi(() => registryApi.history(agency, id), [agency, id]);
  const [action, setAction] = useState<'amend' | 'repeal' | null>(null);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return null;
  const doc = data.versions.find((v) => v.id === id);
  if (!doc) return <Alert type="error" showIcon title={`未找到编号为 ${id} 的规范性文件。`} />;
  const byId = new Map(data.versions.map((v) => [v.id, v]));
  const versionOf = (versionId: number) => byId.get(versionId)?.version;
  const latest = data.versions.at(-1) ?? doc;
  const editable = doc.status === 'in_force' && allows('registry/edit');
  const previous = doc.supersedesId ? byId.get(doc.supersedesId) : undefined;
  const next = doc.supersededById ? byId.get(doc.supersededById) : undefined;

  return (
    <>
      <Link to="/registry">← 返回规范性文件目录</Link>
      <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {doc.title}
        </Typography.Title>
        <Tag color={STATUS_COLORS[doc.status]}>{doc.statusLabel}</Tag>
        <Tag>{doc.kindLabel}</Tag>
      </Flex>
      {doc.id !== latest.id && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title={
            <>
              这是第 {doc.version} 版，已于 {doc.repealedOn} 被修改。
              <Link to={`/registry/${latest.id}`}>查看最新版本（第 {latest.version} 版）</Link>
            </>
          }
        />
      )}
      {editable && (
        <section aria-label="可办理的操作" style={{ margin: '16px 0' }}>
          <Flex gap={8}>
            <Button type="primary" onClick={() => setAction('amend')}>
              修改（登记新版本）
            </Button>
            <Button danger onClick={() => setAction('repeal')}>
              废止
            </Button>
          </Flex>
        </section>
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={`文件信息（第 ${doc.version} 版）`}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'number', label: '文号', children: doc.docNumber },
                { key: 'kind', label: '种类', children: doc.kindLabel },
                { key: 'title', label: '标题', span: 2, children: doc.title },
                { key: 'issuer', label: '发文机关', children: doc.issuer || '—' },
                { key: 'issued', label: '制发日期', children: doc.issuedOn },
                { key: 'status', label: '状态', children: doc.statusLabel },
                { key: 'until', label: '失效日期', children: doc.repealedOn ?? '—' },
                ...(doc.repealedBy
                  ? [{ key: 'by', label: '废止依据', span: 2, children: doc.repealedBy }]
                  : []),
                ...(previous
                  ? [{ key: 'prev', label: '修改自', children: <VersionLink doc={previous} current={id} /> }]
                  : []),
                ...(next
                  ? [{ key: 'next', label: '修改为', children: <VersionLink doc={next} current={id} /> }]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="办理过程">
            <Timeline
              items={[
                ...(data.events.some((e) => e.type === 'registry.issued')
                  ? []
                  : [imported(data.versions[0])]),
                ...data.events.map((e) => ({
                  key: e.id,
                  content: (
                    <>
                      <div>
                        {formatInstant(e.at)} {eventLabelIn('registry', e.type)}
                      </div>
                      <Typography.Text type="secondary">
                        {e.actorName} · 第 {versionOf(e.documentId) ?? '?'} 版
                        {eventDetail(e, versionOf) ? ` · ${eventDetail(e, versionOf)}` : ''}
                      </Typography.Text>
                    </>
                  ),
                })),
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title="版本沿革">
            <Table<RegistryDocument>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.versions}
              aria-label="版本沿革"
              columns={[
                { title: '版本', render: (_, v) => <VersionLink doc={v} current={id} />, ...NOWRAP },
                { title: '文号', dataIndex: 'docNumber', ...NOWRAP },
                { title: '标题', dataIndex: 'title' },
                { title: '施行日期', dataIndex: 'issuedOn', ...NOWRAP },
                {
                  title: '失效日期',
                  dataIndex: 'repealedOn',
                  render: (v: string | null) => v ?? '—',
                  ...NOWRAP,
                },
                {
                  title: '状态',
                  ...NOWRAP,
                  dataIndex: 'statusLabel',
                  render: (label: string, v) => <Tag color={STATUS_COLORS[v.status]}>{label}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {action === 'amend' && (
        <ChangeModal
          title="修改文件"
          okText="登记新版本"
          initialValues={amendDefaults(doc, dayjs())}
          onClose={() => setAction(null)}
          onSubmit={async (values) => {
            const amended = await registryApi.amend(agency, id, amendmentOf(values));
            message.success(`已登记第 ${amended.version} 版：${amended.docNumber}`);
            setAction(null);
            navigate(`/registry/${amended.id}`);
          }}
        >
          <Typography.Paragraph type="secondary">
            修改后登记为第 {doc.version + 1} 版；第 {doc.version} 版自新版本施行之日起失效。
          </Typography.Paragraph>
          <NewVersionFields />
        </ChangeModal>
      )}
      {action === 'repeal' && (
        <ChangeModal
          title="废止文件"
          okText="废止"
          initialValues={{ repealedOn: dayjs() }}
          onClose={() => setAction(null)}
          onSubmit={async (values) => {
            await registryApi.repeal(agency, id, repealOf(values));
            message.success(`已废止：${doc.docNumber}`);
            setAction(null);
            reload();
          }}
        >
          <Typography.Paragraph type="secondary">
            废止 {doc.docNumber}《{doc.title}》。废止后该文件不再列入现行有效文件目录。
          </Typography.Paragraph>
          <RepealFields agency={agency} exceptId={id} />
        </ChangeModal>
      )}
    </>
  );
}
