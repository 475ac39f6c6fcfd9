/**
 * 导出佐证材料 (docs/inspection.md “Evidence pack”): a period (default the 90 days up to today, at
 * most 366) and the pack's downloads — the printable document and the spreadsheet. Used on 网站自查
 * (one agency) and on the 监督工作台 (the subtree).
 */
import { Alert, Button, DatePicker, Flex, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';

const MAX_DAYS = 366;

export function EvidenceExport({
  urlOf,
  label = '导出佐证材料',
}: {
  urlOf: (from: string, to: string, file: 'pdf' | 'xlsx') => string;
  label?: string;
}) {
  const [from, setFrom] = useState<Dayjs | null>(dayjs().subtract(89, 'day'));
  const [to, setTo] = useState<Dayjs | null>(dayjs());
  const days = from && to ? to.diff(from, 'day') + 1 : 0;
  const problem =
    !from || !to
      ? '请选择起始日期和截止日期'
      : days < 1
        ? '起始日期不能晚于截止日期'
        : days > MAX_DAYS
          ? `期间最长 ${MAX_DAYS} 天，请缩短`
          : null;
  const href = (file: 'pdf' | 'xlsx') =>
    from && to && !problem ? urlOf(from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'), file) : undefined;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        期间内每日保存的自查结果：各指标合格、预警、不合格天数，逐日状态，问题明细，附数据摘要供核验。
      </Typography.Text>
      <Flex gap={8} wrap align="center">
        <DatePicker
          aria-label="起始日期"
          placeholder="起始日期"
          value={from}
          onChange={setFrom}
          allowClear={false}
        />
        <Typography.Text>至</Typography.Text>
        <DatePicker
          aria-label="截止日期"
          placeholder="截止日期"
          value={to}
          onChange={setTo}
          allowClear={false}
        />
      </Flex>
      {problem && <Alert type="warning" showIcon title={problem} />}
      <Flex gap={8} wrap>
        <Button type="primary" href={href('pdf')} disabled={Boolean(problem)} download>
          {label}（打印文档）
        </Button>
        <Button href={href('xlsx')} disabled={Boolean(problem)} download>
          {label}（电子表格）
        </Button>
      </Flex>
    </Flex>
  );
}
