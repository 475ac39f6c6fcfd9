/** 机构管理: the dialog of a new agency, under `parent` or (null) at the top of the tree. */
import { Form, Input, Select } from 'antd';
import { AGENCY_KIND_LABELS, AGENCY_LEVEL_LABELS, type AgencyLevel } from '../../../domain/agencies/tree.ts';
import type { AgencyKind } from '../../../domain/report/vocabulary.ts';
import { agencyTreeApi, type TreeAgency } from '../../api/agency-tree.ts';
import { FormModal } from '../../components/FormModal.tsx';

interface AgencyValues {
  code: string;
  name: string;
  shortName?: string;
  kind: AgencyKind;
  level: AgencyLevel | '';
}

const LEVEL_OPTIONS = [
  { value: '', label: '未设置' },
  ...Object.entries(AGENCY_LEVEL_LABELS).map(([value, label]) => ({ value, label })),
];
const KIND_OPTIONS = Object.entries(AGENCY_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function AddAgencyModal(props: {
  open: boolean;
  parent: TreeAgency | null;
  onClose(): void;
  onDone(): void;
}) {
  const [agencyForm] = Form.useForm<AgencyValues>();
  const { parent } = props;
  return (
    <FormModal<AgencyValues>
      open={props.open}
      title={parent ? `在“${parent.name}”下添加机关` : '新建顶层机关'}
      form={agencyForm}
      initialValues={{ kind: 'department', level: '' }}
      send={(v) =>
        agencyTreeApi.create({
          code: v.code,
          name: v.name,
          shortName: v.shortName ?? '',
          parent: parent?.code ?? null,
          kind: v.kind,
          level: v.level,
        })
      }
      onClose={props.onClose}
      onDone={props.onDone}
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
  );
}
