/**
 * 标准目录 (issue 15, docs/catalog.md): the agency's 公开事项标准目录 — each entry's 公开事项, 公开时限
 * with its rule read back, 公开主体, 对象/方式/层级, the columns its items are published in and
 * today's check (按时, 即将到期, 逾期未公开, 无法自动检查, 未对应栏目) — exported as XLSX; for the
 * agency's administrator imported from XLSX with a preview, added, edited, mapped and removed.
 * At phone width the entries are cards (no sideways scroll).
 */
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Grid,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ENTRY_CHECK_LABELS, type EntryCheckState } from '../../../domain/catalog/lapse.ts';
import { type CatalogEntry, type CatalogImport, catalogApi } from '../../api/catalog.ts';
import { messageOf } from '../../api/client.ts';
import { base64Of } from '../../lib/files.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { ColumnsModal, EntryModal } from './EntryForms.tsx';
import { ImportModal } from './ImportModal.tsx';

const CHECK_COLORS: Record<EntryCheckState, string> = {
  ok: 'green',
  alarm: 'orange',
  lapsed: 'red',
  unchecked: 'default',
  unmapped: 'gold',
};

function CheckTag({ entry }: { entry: CatalogEntry }) {
  const { check } = entry;
  const due =
    check.dueOn && check.daysLeft !== null
      ? check.daysLeft < 0
        ? `应于 ${check.dueOn} 前，已超期 ${-check.daysLeft} 天`
        : `下次 ${check.dueOn} 前`
      : null;
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={CHECK_COLORS[check.state]}>{check.stateLabel}</Tag>
      {due && <Typography.Text type="secondary">{due}</Typography.Text>}
    </Space>
  );
}

function Deadline({ entry }: { entry: CatalogEntry }) {
  return (
    <>
      <div>{entry.deadline}</div>
      <Typography.Text type="secondary">{entry.ruleLabel}</Typography.Text>
    </>
  );
}

function Columns({ entry }: { entry: CatalogEntry }) {
  if (entry.columns.length > 0) return <>{entry.columns.map((c) => c.name).join('；')}</>;
  if (entry.suggestions.length > 0)
    return (
      <Typography.Text type="warning">
        建议：{entry.suggestions.map((s) => s.name).join('；')}
      </Typography.Text>
    );
  return <Typography.Text type="secondary">未对应栏目</Typography.Text>;
}

export default function CatalogPage() {
  const agency = useAgencyCode();
  const { allows } = useSession();
  const { message } = App.useApp();
  const manages = allows('catalog/manage');
  const wide = Grid.useBreakpoint().md === true;
  const { data, error, loading, reload } = useApi(() => catalogApi.list(agency), [agency]);
  const [editing, setEditing] = useState<CatalogEntry | 'new' | null>(null);
  const [mapping, setMapping] = useState<CatalogEntry | null>(null);
  const [domain, setDomain] = useState<string | undefined>();
  const [state, setState] = useState<EntryCheckState | undefined>();
  const [upload, setUpload] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<CatalogImport | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const columns = (data?.columns ?? []).map((c) => ({ value: c.key, label: c.name }));
  const entries = (data?.entries ?? []).filter(
    (e) => (domain === undefined || e.domain === domain) && (state === undefined || e.check.state === state),
  );
  const lapsed = (data?.entries ?? []).filter((e) => e.check.state === 'lapsed').length;
  const alarms = (data?.entries ?? []).filter((e) => e.check.state === 'alarm').length;

  const chooseFile = async (file: File) => {
    setActionError(null);
    const body = { fileName: file.name, contentBase64: await base64Of(file) };
    try {
      setPreview(await catalogApi.import(agency, body, true));
      setUpload(body);
    } catch (thrown) {
      setActionError(messageOf(thrown));
    }
    return false;
  };
  const remove = async (entry: CatalogEntry) => {
    setActionError(null);
    try {
      await catalogApi.remove(agency, entry.id, entry.version);
      message.success(`已删除：${entry.title}`);
      reload();
    } catch (thrown) {
      setActionError(messageOf(thrown));
    }
  };
  const actions = (e: CatalogEntry) =>
    manages ? (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => setMapping(e)}>
          对应栏目
        </Button>
        <Button type="link" size="small" onClick={() => setEditing(e)}>
          修改
        </Button>
        <Button type="link" size="small" danger onClick={() => remove(e)}>
          删除
        </Button>
      </Space>
    ) : null;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={2}>标准目录</Typography.Title>
        <Space wrap>
          <Button href={catalogApi.exportUrl(agency)}>导出 XLSX</Button>
          {manages && (
            <Upload beforeUpload={chooseFile} showUploadList={false} accept=".xlsx">
              <Button>从 XLSX 导入</Button>
            </Upload>
          )}
          {manages && (
            <Button type="primary" onClick={() => setEditing('new')}>
              新增事项
            </Button>
          )}
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">
        基层政务公开标准化规范化（国办发〔2019〕54号）：每项列明公开事项、公开内容（要素）、公开依据、公开时限、公开主体、公开渠道和载体、公开对象、公开方式、公开层级。
        公开时限为固定日期（如每年9月底前、每季度）的事项，到期时对应栏目本期未发布信息即为“逾期未公开”，到期前7天预警；按事件计时或没有具体期限的事项不按日期检查。
      </Typography.Paragraph>
      {(error || actionError) && (
        <Alert type="error" showIcon title={error ?? actionError} style={{ marginBottom: 16 }} />
      )}
      {lapsed + alarms > 0 && (
        <Alert
          type={lapsed > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`截至 ${data?.today}：${lapsed} 项逾期未公开，${alarms} 项即将到期。`}
        />
      )}
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="领域"
          allowClear
          placeholder="全部领域"
          value={domain}
          onChange={setDomain}
          style={{ width: 200 }}
          options={(data?.domains ?? []).map((d) => ({ value: d, label: d || '（未分领域）' }))}
        />
        <Select
          aria-label="检查结果"
          allowClear
          placeholder="全部检查结果"
          value={state}
          onChange={setState}
          style={{ width: 200 }}
          options={Object.entries(ENTRY_CHECK_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Flex>
      {wide ? (
        <Table<CatalogEntry>
          rowKey="id"
          loading={loading}
          dataSource={entries}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1200 }}
          locale={{ emptyText: '尚无标准目录事项' }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 64 },
            { title: '领域', dataIndex: 'domain', width: 110 },
            { title: '公开事项', dataIndex: 'title', width: 180 },
            { title: '公开时限', key: 'deadline', width: 220, render: (_v, e) => <Deadline entry={e} /> },
            { title: '公开主体', dataIndex: 'subject', width: 120 },
            {
              title: '对象／方式／层级',
              key: 'who',
              width: 150,
              render: (_v, e) =>
                [e.audienceLabel, e.mannerLabel, e.levels.join('、')].filter(Boolean).join('／'),
            },
            { title: '发布栏目', key: 'columns', width: 180, render: (_v, e) => <Columns entry={e} /> },
            { title: '检查', key: 'check', width: 150, render: (_v, e) => <CheckTag entry={e} /> },
            ...(manages
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 180,
                    render: (_v: unknown, e: CatalogEntry) => actions(e),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <List<CatalogEntry>
          loading={loading}
          dataSource={entries}
          locale={{ emptyText: '尚无标准目录事项' }}
          renderItem={(e) => (
            <Card size="small" style={{ marginBottom: 12 }}>
              <Typography.Text strong>{e.title}</Typography.Text>
              <div style={{ margin: '4px 0' }}>
                <CheckTag entry={e} />
              </div>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {e.domain && `领域：${e.domain}；`}公开主体：{e.subject}
              </Typography.Paragraph>
              <Deadline entry={e} />
              <div style={{ marginTop: 4 }}>
                发布栏目：
                <Columns entry={e} />
              </div>
              {actions(e)}
            </Card>
          )}
        />
      )}
      <EntryModal
        agency={agency}
        entry={editing}
        columns={columns}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          reload();
        }}
      />
      <ColumnsModal
        agency={agency}
        entry={mapping}
        columns={columns}
        onClose={() => setMapping(null)}
        onDone={() => {
          setMapping(null);
          reload();
        }}
      />
      <ImportModal
        agency={agency}
        file={upload}
        preview={preview}
        onClose={() => setPreview(null)}
        onDone={(result) => {
          setPreview(null);
          message.success(`已导入 ${result.entries.length} 项`);
          reload();
        }}
      />
    </>
  );
}
