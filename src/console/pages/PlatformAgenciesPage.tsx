/**
 * 机构管理（全平台）: the platform administrator's agency tree (docs/agencies.md) — every agency with
 * its code, level and state, a search, and per agency: add a child, rename, move (a TreeSelect of
 * the new parent: never itself or below itself, never a retired one), retire or restore; and the
 * upload of a JSON Lines tree file (all or nothing: the refusal names each line and field).
 */
import { ApartmentOutlined, DownOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Tree,
  TreeSelect,
  Typography,
  Upload,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import {
  AGENCY_KIND_LABELS,
  AGENCY_LEVEL_LABELS,
  type AgencyLevel,
  agencyLevelLabel,
} from '../../domain/agencies/tree.ts';
import type { AgencyKind } from '../../domain/report/vocabulary.ts';
import { agencyTreeApi, type TreeAgency } from '../api/agency-tree.ts';
import { messageOf } from '../api/client.ts';
import { FormModal } from '../components/FormModal.tsx';
import { useApi } from '../lib/use-api.ts';
import { useChange } from '../lib/use-change.ts';

type Dialog =
  | { kind: 'add'; parent: TreeAgency | null }
  | { kind: 'rename' | 'move'; agency: TreeAgency }
  | null;

interface AgencyValues {
  code: string;
  name: string;
  shortName?: string;
  kind: AgencyKind;
  level: AgencyLevel | '';
}

const TOP = '__top__';

const LEVEL_OPTIONS = [
  { value: '', label: '未设置' },
  ...Object.entries(AGENCY_LEVEL_LABELS).map(([value, label]) => ({ value, label })),
];
const KIND_OPTIONS = Object.entries(AGENCY_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** The codes shown for a search: the agencies matching it and every ancestor of one. */
function visibleCodes(agencies: readonly TreeAgency[], search: string): Set<string> | null {
  const words = search.trim();
  if (!words) return null;
  const parent = new Map(agencies.map((a) => [a.code, a.parentCode]));
  const shown = new Set<string>();
  for (const a of agencies)
    if (a.name.includes(words) || a.shortName.includes(words) || a.code.includes(words.toLowerCase())) {
      let code: string | null = a.code;
      while (code !== null && !shown.has(code)) {
        shown.add(code);
        code = parent.get(code) ?? null;
      }
    }
  return shown;
}

/** The codes at or below `code`. */
function subtreeOf(agencies: readonly TreeAgency[], code: string): Set<string> {
  const found = new Set([code]);
  for (const a of agencies) if (a.parentCode !== null && found.has(a.parentCode)) found.add(a.code);
  return found;
}

export default function PlatformAgenciesPage() {
  const { data, error, reload } = useApi(() => agencyTreeApi.list(), []);
  const change = useChange(reload);
  const { modal, message } = App.useApp();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [agencyForm] = Form.useForm<AgencyValues>();
  const [renameForm] = Form.useForm<{ name: string; shortName: string }>();
  const [moveForm] = Form.useForm<{ parent: string }>();
  const agencies = data?.agencies ?? [];
  const shown = useMemo(() => visibleCodes(agencies, search), [agencies, search]);

  const retire = (a: TreeAgency) => {
    const retiring = a.retiredOn === null;
    modal.confirm({
      title: retiring ? `撤销“${a.name}”？` : `恢复“${a.name}”？`,
      content: retiring
        ? '撤销后该机关不再出现在门户网站的机关列表和工作人员的机关选择中；其数据和已发布的年度报告保留。有在用的下级机关或未办结的申请时不能撤销。'
        : '恢复后该机关重新出现在门户网站和工作人员的机关选择中。',
      okText: retiring ? '撤销' : '恢复',
      okButtonProps: { danger: retiring },
      cancelText: '取消',
      onOk: () =>
        change(retiring ? '已撤销' : '已恢复', () => agencyTreeApi.change(a.code, { retired: retiring })),
    });
  };

  const actions = (a: TreeAgency) => ({
    items: [
      { key: 'add', label: '添加下级机关', disabled: a.retiredOn !== null },
      { key: 'rename', label: '修改名称' },
      { key: 'move', label: '调整上级机关' },
      { key: 'retire', label: a.retiredOn === null ? '撤销' : '恢复', danger: a.retiredOn === null },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'add') setDialog({ kind: 'add', parent: a });
      if (key === 'rename') {
        renameForm.setFieldsValue({ name: a.name, shortName: a.shortName === a.name ? '' : a.shortName });
        setDialog({ kind: 'rename', agency: a });
      }
      if (key === 'move') {
        moveForm.setFieldsValue({ parent: a.parentCode ?? TOP });
        setDialog({ kind: 'move', agency: a });
      }
      if (key === 'retire') retire(a);
    },
  });

  const treeData = (() => {
    const nodes = new Map<string, DataNode & { children: DataNode[] }>();
    const roots: DataNode[] = [];
    for (const a of agencies) {
      if (shown && !shown.has(a.code)) continue;
      const node = {
        key: a.code,
        title: (
          <Flex wrap gap={4} align="center">
            <Typography.Text delete={a.retiredOn !== null} strong={a.parentCode === null}>
              {a.name}
            </Typography.Text>
            <Typography.Text type="secondary" code data-identifier="机关代码">
              {a.code}
            </Typography.Text>
            {a.level && <Tag>{agencyLevelLabel(a.level)}</Tag>}
            {a.retiredOn ? <Tag color="default">已撤销（{a.retiredOn}）</Tag> : null}
            {a.children > 0 && <Typography.Text type="secondary">下级 {a.children}</Typography.Text>}
            <Dropdown menu={actions(a)} trigger={['click']}>
              <Button
                size="small"
                type="link"
                aria-label={`${a.name}的操作`}
                onClick={(e) => e.stopPropagation()}
              >
                操作 <DownOutlined />
              </Button>
            </Dropdown>
          </Flex>
        ),
        children: [],
      };
      nodes.set(a.code, node);
      const parent = a.parentCode === null ? undefined : nodes.get(a.parentCode);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  })();

  const moveOptions = useMemo(() => {
    if (dialog?.kind !== 'move') return [];
    const below = subtreeOf(agencies, dialog.agency.code);
    const nodes = new Map<string, { value: string; title: string; disabled: boolean; children: unknown[] }>();
    const roots: unknown[] = [{ value: TOP, title: '（最上层，无上级机关）', disabled: false, children: [] }];
    for (const a of agencies) {
      const node = {
        value: a.code,
        title: a.retiredOn ? `${a.name}（已撤销）` : a.name,
        disabled: below.has(a.code) || a.retiredOn !== null,
        children: [],
      };
      nodes.set(a.code, node);
      const parent = a.parentCode === null ? undefined : nodes.get(a.parentCode);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }, [agencies, dialog]);

  const importFile = async (file: File) => {
    setImportError(null);
    try {
      const result = await agencyTreeApi.importTree(await file.text());
      message.success(`已导入：新建 ${result.created} 个机关，更新 ${result.changed} 个`);
      reload();
    } catch (thrown) {
      setImportError(messageOf(thrown));
    }
    return false;
  };

  const addParent = dialog?.kind === 'add' ? dialog.parent : null;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2}>
          <ApartmentOutlined /> 机构管理（全平台）
        </Typography.Title>
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'add', parent: null })}
          >
            新建顶层机关
          </Button>
          <Upload beforeUpload={importFile} showUploadList={false} accept=".jsonl,.ndjson,.json,.txt">
            <Button icon={<UploadOutlined />}>导入机关树</Button>
          </Upload>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">
        机关按 省 → 市 → 县（区）→ 部门、乡镇（街道）组成一棵树；上级机关的监督员可查看其下全部机关。
        导入机关树：文本文件每行写一个机关（JSON
        格式：代码、名称、简称、上级机关代码、类型、层级），上级机关可写在后面的行或已经存在；
        已有代码的行更新该机关；文件全部无误才导入，有错时列出错误所在的行和字段。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {importError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportError(null)}
          title="机关树文件未导入"
          description={importError}
          style={{ marginBottom: 16 }}
        />
      )}
      <Input.Search
        allowClear
        placeholder="按名称、简称或代码查找"
        aria-label="查找机关"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      {data && agencies.length === 0 && <Empty description="尚无机关：请新建顶层机关或导入机关树" />}
      {treeData.length > 0 && (
        <Tree
          key={shown ? `search-${search}` : 'all'}
          treeData={treeData}
          defaultExpandAll={shown !== null || agencies.length <= 200}
          selectable={false}
          blockNode
          showLine
        />
      )}
      {data && shown && treeData.length === 0 && <Empty description="没有符合条件的机关" />}

      <FormModal<AgencyValues>
        open={dialog?.kind === 'add'}
        title={addParent ? `在“${addParent.name}”下添加机关` : '新建顶层机关'}
        form={agencyForm}
        initialValues={{ kind: 'department', level: '' }}
        send={(v) =>
          agencyTreeApi.create({
            code: v.code,
            name: v.name,
            shortName: v.shortName ?? '',
            parent: addParent?.code ?? null,
            kind: v.kind,
            level: v.level,
          })
        }
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          message.success('已新建机关');
          reload();
        }}
      >
        <Form.Item
          name="code"
          label="机关代码"
          extra="小写字母、数字、- 和 _，建成后不能修改（用于网址和导入）"
          rules={[
            { required: true, message: '请填写机关代码' },
            { pattern: /^[a-z0-9][a-z0-9_-]*$/, message: '只能包含小写字母、数字、- 和 _' },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="name" label="名称（全称）" rules={[{ required: true, message: '请填写机关全称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label="简称" extra="不填则与全称相同">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="level" label="层级">
          <Select options={LEVEL_OPTIONS} />
        </Form.Item>
        <Form.Item name="kind" label="类型" extra="决定年度报告的发布期限">
          <Select options={KIND_OPTIONS} />
        </Form.Item>
      </FormModal>

      <FormModal<{ name: string; shortName: string }>
        open={dialog?.kind === 'rename'}
        title="修改机关名称"
        form={renameForm}
        forceRender
        send={(v) =>
          dialog?.kind === 'rename'
            ? agencyTreeApi.change(dialog.agency.code, { name: v.name, shortName: v.shortName ?? '' })
            : Promise.resolve()
        }
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          message.success('已修改名称');
          reload();
        }}
      >
        <Form.Item name="name" label="名称（全称）" rules={[{ required: true, message: '请填写机关全称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label="简称" extra="不填则与全称相同">
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>

      <FormModal<{ parent: string }>
        open={dialog?.kind === 'move'}
        title={dialog?.kind === 'move' ? `调整“${dialog.agency.name}”的上级机关` : '调整上级机关'}
        form={moveForm}
        forceRender
        send={(v) =>
          dialog?.kind === 'move'
            ? agencyTreeApi.change(dialog.agency.code, { parent: v.parent === TOP ? null : v.parent })
            : Promise.resolve()
        }
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          message.success('已调整上级机关');
          reload();
        }}
      >
        <Form.Item
          name="parent"
          label="新的上级机关"
          extra="本机关及其下级、已撤销的机关不能选；下级机关随本机关一起调整"
          rules={[{ required: true, message: '请选择上级机关' }]}
        >
          <TreeSelect
            treeData={moveOptions as never}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            placeholder="选择上级机关"
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
