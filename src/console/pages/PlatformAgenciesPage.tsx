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
  Space,
  Tag,
  Tree,
  TreeSelect,
  Typography,
  Upload,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type Key, useMemo, useState } from 'react';
import { agencyLevelLabel } from '../../domain/agencies/tree.ts';
import { agencyTreeApi, type TreeAgency } from '../api/agency-tree.ts';
import { messageOf } from '../api/client.ts';
import { FormModal } from '../components/FormModal.tsx';
import { parentChoices, TOP_OF_TREE, visibleCodes } from '../lib/agency-tree.ts';
import { useApi } from '../lib/use-api.ts';
import { useChange } from '../lib/use-change.ts';
import { AddAgencyModal } from './agency-tree/AddAgencyModal.tsx';

type Dialog =
  | { kind: 'add'; parent: TreeAgency | null }
  | { kind: 'rename' | 'move'; agency: TreeAgency }
  | null;

export default function PlatformAgenciesPage() {
  const { data, error, reload } = useApi(() => agencyTreeApi.list(), []);
  const change = useChange(reload);
  const { modal, message } = App.useApp();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [renameForm] = Form.useForm<{ name: string; shortName: string }>();
  const [moveForm] = Form.useForm<{ parent: string }>();
  const agencies = data?.agencies ?? [];
  const shown = useMemo(() => visibleCodes(agencies, search), [agencies, search]);
  // opened nodes: all of a search's; else the user's, at first every node of a tree of up to 200
  const [opened, setOpened] = useState<Key[] | null>(null);
  const expandedKeys = shown
    ? [...shown]
    : (opened ?? (agencies.length <= 200 ? agencies.map((a) => a.code) : []));

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
        moveForm.setFieldsValue({ parent: a.parentCode ?? TOP_OF_TREE });
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

  const moveOptions = useMemo(
    () => (dialog?.kind === 'move' ? parentChoices(agencies, dialog.agency.code) : []),
    [agencies, dialog],
  );

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
          treeData={treeData}
          expandedKeys={expandedKeys}
          onExpand={(keys) => {
            if (!shown) setOpened(keys);
          }}
          selectable={false}
          blockNode
          showLine
        />
      )}
      {data && shown && treeData.length === 0 && <Empty description="没有符合条件的机关" />}

      <AddAgencyModal
        open={dialog?.kind === 'add'}
        parent={addParent}
        onClose={() => setDialog(null)}
        onDone={() => {
          // the new agency shows under its parent, opened
          if (addParent) setOpened([...expandedKeys, addParent.code]);
          setDialog(null);
          message.success('已新建机关');
          reload();
        }}
      />

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
            ? agencyTreeApi.change(dialog.agency.code, { parent: v.parent === TOP_OF_TREE ? null : v.parent })
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
            treeData={moveOptions}
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
