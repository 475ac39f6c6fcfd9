/** The 标准目录 page's dialogs: 新增 or 修改 an entry, and 对应栏目 (the suggested columns to confirm). */
import { Form, Input, InputNumber, Select, Typography } from 'antd';
import {
  AUDIENCE_LABELS,
  type Audience,
  FIELD_LIMITS,
  MANNER_LABELS,
  type Manner,
} from '../../../domain/catalog/entry.ts';
import { type CatalogEntry, catalogApi } from '../../api/catalog.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const ENTRY_FIELDS = [
  'seq',
  'domain',
  'level1',
  'level2',
  'content',
  'basis',
  'deadline',
  'subject',
  'channels',
  'audience',
  'manner',
  'levels',
  'columns',
] as const;

interface EntryValues {
  seq?: number | null;
  domain?: string;
  level1: string;
  level2?: string;
  content: string;
  basis?: string;
  deadline: string;
  subject: string;
  channels?: string;
  audience?: Audience[];
  manner: Manner[];
  levels?: string[];
  columns?: string[];
}

type ColumnOption = { value: string; label: string };

/** 新增 (`entry` 'new') or 修改 an entry; closed when `entry` is null. */
export function EntryModal(props: {
  agency: string;
  entry: CatalogEntry | 'new' | null;
  columns: ColumnOption[];
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<EntryValues>();
  const existing = props.entry !== null && props.entry !== 'new' ? props.entry : null;
  const send = (v: EntryValues) => {
    const fields = {
      seq: v.seq ?? null,
      domain: v.domain ?? '',
      level1: v.level1,
      level2: v.level2 ?? '',
      content: v.content,
      basis: v.basis ?? '',
      deadline: v.deadline,
      subject: v.subject,
      channels: v.channels ?? '',
      audience: v.audience ?? [],
      manner: v.manner ?? [],
      levels: v.levels ?? [],
      columns: v.columns ?? [],
    };
    return existing
      ? catalogApi.edit(props.agency, existing.id, { expectedVersion: existing.version, ...fields })
      : catalogApi.add(props.agency, fields);
  };
  const refusal = (thrown: unknown) => {
    const placed = fieldErrorsOf(thrown, ENTRY_FIELDS);
    form.setFields(placed.fields);
    return placed.summary ?? '请按标出的提示修改后重试。';
  };
  const required = (label: string) => [{ required: true, message: `请填写“${label}”` }];
  return (
    <FormModal<EntryValues>
      open={props.entry !== null}
      title={existing ? `修改事项：${existing.title}` : '新增标准目录事项'}
      form={form}
      send={send}
      refusal={refusal}
      onClose={props.onClose}
      onDone={props.onDone}
      okText={existing ? '保存' : '新增'}
      initialValues={
        existing
          ? { ...existing, columns: existing.columns.map((c) => c.key) }
          : { audience: ['all'], manner: ['active'] }
      }
    >
      <Form.Item label="序号" name="seq">
        <InputNumber min={1} max={99999} />
      </Form.Item>
      <Form.Item label="领域" name="domain">
        <Input maxLength={FIELD_LIMITS.domain} placeholder="如：财政预决算" />
      </Form.Item>
      <Form.Item label="一级事项" name="level1" rules={required('一级事项')}>
        <Input maxLength={FIELD_LIMITS.level1} />
      </Form.Item>
      <Form.Item label="二级事项" name="level2">
        <Input maxLength={FIELD_LIMITS.level2} />
      </Form.Item>
      <Form.Item label="公开内容（要素）" name="content" rules={required('公开内容（要素）')}>
        <Input.TextArea rows={3} maxLength={FIELD_LIMITS.content} />
      </Form.Item>
      <Form.Item label="公开依据" name="basis">
        <Input.TextArea rows={2} maxLength={FIELD_LIMITS.basis} />
      </Form.Item>
      <Form.Item
        label="公开时限"
        name="deadline"
        rules={required('公开时限')}
        extra="如：信息形成或变更之日起20个工作日内、每年9月底前、每季度结束后15日内；无法识别的期限照样保存，标为“无法自动检查”"
      >
        <Input maxLength={FIELD_LIMITS.deadline} />
      </Form.Item>
      <Form.Item label="公开主体" name="subject" rules={required('公开主体')}>
        <Input maxLength={FIELD_LIMITS.subject} />
      </Form.Item>
      <Form.Item label="公开渠道和载体" name="channels">
        <Input.TextArea rows={2} maxLength={FIELD_LIMITS.channels} />
      </Form.Item>
      <Form.Item label="公开对象" name="audience">
        <Select mode="multiple" options={options(AUDIENCE_LABELS)} />
      </Form.Item>
      <Form.Item label="公开方式" name="manner" rules={[{ required: true, message: '请选择“公开方式”' }]}>
        <Select mode="multiple" options={options(MANNER_LABELS)} />
      </Form.Item>
      <Form.Item label="公开层级" name="levels">
        <Select mode="tags" placeholder="如：县级、乡级" tokenSeparators={['、', ',', '，']} />
      </Form.Item>
      <Form.Item label="发布栏目" name="columns">
        <Select mode="multiple" options={props.columns} optionFilterProp="label" />
      </Form.Item>
    </FormModal>
  );
}

/** 对应栏目: the entry's columns, the suggested ones filled in for the user to confirm. */
export function ColumnsModal(props: {
  agency: string;
  entry: CatalogEntry | null;
  columns: ColumnOption[];
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<{ columns: string[] }>();
  const { entry } = props;
  const suggested = entry && entry.columns.length === 0 ? entry.suggestions : [];
  return (
    <FormModal<{ columns: string[] }>
      open={entry !== null}
      title={entry ? `对应栏目：${entry.title}` : '对应栏目'}
      form={form}
      send={(v) =>
        entry
          ? catalogApi.edit(props.agency, entry.id, {
              expectedVersion: entry.version,
              columns: v.columns ?? [],
            })
          : Promise.resolve()
      }
      onClose={props.onClose}
      onDone={props.onDone}
      okText="确认"
      initialValues={{
        columns: entry
          ? entry.columns.length > 0
            ? entry.columns.map((c) => c.key)
            : suggested.map((s) => s.key)
          : [],
      }}
    >
      {suggested.length > 0 && (
        <Typography.Paragraph type="secondary">
          已按事项名称与栏目名称的相同词语建议：
          {suggested.map((s) => `${s.name}（${s.words.join('、')}）`).join('；')}。请确认或修改。
        </Typography.Paragraph>
      )}
      <Form.Item
        label="发布栏目"
        name="columns"
        extra="该事项的信息在哪些栏目发布；逾期检查按这些栏目的发布日期计算"
      >
        <Select mode="multiple" options={props.columns} optionFilterProp="label" />
      </Form.Item>
    </FormModal>
  );
}
