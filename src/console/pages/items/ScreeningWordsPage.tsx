/**
 * 错敏词库 (发布前自查, docs/screening.md): the agency's own wrong or sensitive forms — wrong names of
 * leaders and institutions, the agency's own 规范表述 — each with its correct form and a note; kept by
 * the agency administrator, read by all staff. The built-in entries are listed below, read-only.
 */
import { Alert, Button, Card, Form, Input, Popconfirm, Spin, Table, Typography } from 'antd';
import { type ScreeningWord, screeningApi } from '../../api/screening.ts';
import { formatInstant } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useChange } from '../../lib/use-change.ts';
import { useSession } from '../../session-context.tsx';

interface NewWord {
  word: string;
  correction?: string;
  note?: string;
}

export default function ScreeningWordsPage() {
  const { agency, allows } = useSession();
  const code = agency?.code ?? '';
  const loaded = useApi(() => screeningApi.words(code), [code]);
  const change = useChange(loaded.reload);
  const [form] = Form.useForm<NewWord>();
  const manage = allows('screening/manage_words');
  if (loaded.error) return <Alert type="error" title={loaded.error} />;
  if (!loaded.data) return <Spin />;
  return (
    <>
      <Typography.Title level={2}>错敏词库</Typography.Title>
      <Typography.Paragraph type="secondary">
        信息送保密审查和审查通过时，标题、正文和附件文字按本词库和内置词条自查；发现的内容须经保密审查员核实确认或退回修改。
        身份证号码、手机号码、银行卡号和密级标志自动识别，无需录入。
      </Typography.Paragraph>
      {manage && (
        <Card title="新增错敏词" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="vertical"
            style={{ maxWidth: 640 }}
            onFinish={async (values) => {
              const done = await change('错敏词已添加', () =>
                screeningApi.addWord(code, {
                  word: values.word,
                  correction: values.correction?.trim() || null,
                  note: values.note ?? '',
                }),
              );
              if (done) form.resetFields();
            }}
          >
            <Form.Item
              label="错敏词"
              name="word"
              rules={[{ required: true, whitespace: true, message: '请填写错误或敏感的写法' }]}
              extra="填写完整的错误写法，如领导同志姓名、职务或机构名称的错误写法"
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item label="正确写法（可选）" name="correction">
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item label="说明（可选）" name="note">
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              添加
            </Button>
          </Form>
        </Card>
      )}
      <Card title="本机关词条">
        <Table<ScreeningWord>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={loaded.data.words}
          locale={{ emptyText: '本机关尚未添加错敏词' }}
          columns={[
            { title: '错敏词', dataIndex: 'word' },
            { title: '正确写法', dataIndex: 'correction', render: (v: string | null) => v ?? '—' },
            { title: '说明', dataIndex: 'note', render: (v: string) => v || '—' },
            {
              title: '添加',
              key: 'added',
              render: (_v, w) => `${w.createdByName} ${formatInstant(w.createdAt)}`,
            },
            ...(manage
              ? [
                  {
                    title: '操作',
                    key: 'remove',
                    render: (_v: unknown, w: ScreeningWord) => (
                      <Popconfirm
                        title={`删除“${w.word}”？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => change('错敏词已删除', () => screeningApi.removeWord(code, w.id))}
                      >
                        <Button size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title="内置词条（各机关通用，只读）" style={{ marginTop: 16 }}>
        <Table
          rowKey="word"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={loaded.data.builtin}
          columns={[
            { title: '错误写法', dataIndex: 'word' },
            { title: '正确写法', dataIndex: 'correction', render: (v: string | null) => v ?? '—' },
            { title: '说明', dataIndex: 'note' },
          ]}
        />
      </Card>
    </>
  );
}
