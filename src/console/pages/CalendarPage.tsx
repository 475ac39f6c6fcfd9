/** 工作日历: which years are confirmed, a year's days off and 调休, overrides, importing a notice. */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { calendarApi, type OverrideBody, type Recompute } from '../api/admin.ts';
import { messageOf } from '../api/client.ts';
import { formatInstant } from '../lib/format.ts';
import { useApi } from '../lib/use-api.ts';

/** The sentence after a change: how many open cases were counted again. */
export function recomputeText(r: Recompute): string {
  const failed = r.failed.length ? `，${r.failed.length} 件未能重算` : '';
  return `已重算 ${r.checked} 件未办结申请的期限，其中 ${r.changed} 件期限有变化${failed}。`;
}

export default function CalendarPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, reload } = useApi(() => calendarApi.year(year), [year]);
  const [changeError, setChangeError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const change = async (run: () => Promise<{ recompute: Recompute }>) => {
    setChangeError(null);
    try {
      const result = await run();
      message.success(recomputeText(result.recompute));
      reload();
    } catch (thrown) {
      setChangeError(messageOf(thrown));
    }
  };

  const importNotice = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(notice);
    } catch {
      setChangeError('通知内容不是有效的 JSON，请先填入格式样例，再按国务院通知修改。');
      return;
    }
    change(() => calendarApi.importNotice(parsed));
  };

  return (
    <>
      <Typography.Title level={2}>工作日历</Typography.Title>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <span id="calendar-year">年度</span>
        <InputNumber
          aria-labelledby="calendar-year"
          // the stepper's buttons carry English labels (rc-input-number's own); a year is typed
          controls={false}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
        {data &&
          (data.confirmed ? (
            <Tag color="green">已确认（已导入国务院通知）</Tag>
          ) : (
            <Tag color="orange">未确认：期限为暂定</Tag>
          ))}
      </Flex>
      {(error || changeError) && (
        <Alert type="error" showIcon title={error ?? changeError} style={{ marginBottom: 16 }} />
      )}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title="已确认的年度">
              <Flex gap={4} wrap>
                {data.confirmedYears.map((y) => (
                  <Tag key={y}>{y}</Tag>
                ))}
              </Flex>
            </Card>
            <Card
              title={`${year} 年放假（周一至周五；未确认的年度按放假办法推算）与调休上班`}
              style={{ marginTop: 16 }}
            >
              <Typography.Paragraph>放假：{data.holidays.join('、') || '无'}</Typography.Paragraph>
              <Typography.Paragraph>调休上班：{data.workdays.join('、') || '无'}</Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="本地调整（平台管理员）">
              <OverrideForm onAdd={(body) => change(() => calendarApi.addOverride(body))} />
              <Table
                rowKey="date"
                size="small"
                pagination={false}
                dataSource={data.overrides}
                locale={{ emptyText: '无本地调整' }}
                columns={[
                  { title: '日期', dataIndex: 'date' },
                  {
                    title: '调整',
                    dataIndex: 'kind',
                    render: (k: string) => (k === 'holiday' ? '放假' : '上班'),
                  },
                  { title: '依据', dataIndex: 'source' },
                  {
                    title: '记录',
                    dataIndex: 'createdAt',
                    render: (v: string, o) => `${formatInstant(v)} ${o.actorName}`,
                  },
                  {
                    title: '操作',
                    key: 'remove',
                    render: (_: unknown, o) => (
                      <Button
                        size="small"
                        danger
                        onClick={() => change(() => calendarApi.removeOverride(o.date))}
                      >
                        删除 {o.date}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title="导入国务院节假日通知（平台管理员）" style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">
                通知按 JSON 格式填写年度、通知文号、放假日期和调休上班日期四项（工作日历文档有完整说明）。
                可先填入格式样例，再按国务院通知修改。
              </Typography.Paragraph>
              <Button style={{ marginBottom: 8 }} onClick={() => setNotice(noticeSample(year + 1))}>
                填入格式样例
              </Button>
              <Input.TextArea
                aria-label="通知 JSON"
                rows={6}
                value={notice}
                onChange={(e) => setNotice(e.target.value)}
              />
              <Button
                type="primary"
                style={{ marginTop: 8 }}
                onClick={importNotice}
                disabled={!notice.trim()}
              >
                导入通知
              </Button>
              {data.notices.length > 0 && (
                <Typography.Paragraph style={{ marginTop: 12 }}>
                  已导入：{data.notices.map((n) => `${n.year} 年 ${n.documentNumber}`).join('；')}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

/** The notice's JSON shape with the year filled in and the rest to complete. */
function noticeSample(year: number): string {
  return JSON.stringify(
    { year, documentNumber: `国办发明电〔${year - 1}〕…号`, holidays: [`${year}-01-01`], workdays: [] },
    null,
    2,
  );
}

function OverrideForm({ onAdd }: { onAdd(body: OverrideBody): void }) {
  const [form] = Form.useForm<{ date: Dayjs; kind: OverrideBody['kind']; source: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      aria-label="添加本地调整"
      initialValues={{ kind: 'holiday' }}
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) => {
        onAdd({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, source: v.source });
        form.resetFields();
      }}
    >
      <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="kind">
        <Radio.Group
          options={[
            { value: 'holiday', label: '放假' },
            { value: 'workday', label: '上班' },
          ]}
        />
      </Form.Item>
      <Form.Item label="依据（文号）" name="source" rules={[{ required: true, message: '请写明依据的通知' }]}>
        <Input />
      </Form.Item>
      <Button htmlType="submit">添加</Button>
    </Form>
  );
}
