/** The records behind a cell of the report (a drawer opened from the cell). */
import { Alert, Drawer, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { cellLabel } from '../../../domain/report/cell-labels.ts';
import type { FormatId } from '../../../domain/report/format.ts';
import { formatById } from '../../../domain/report/formats/registry.ts';
import { reportsApi } from '../../api/reports.ts';
import { consolePathOf } from '../../lib/narrative.ts';
import { useApi } from '../../lib/use-api.ts';

export function CellRecordsDrawer(props: {
  agency: string;
  year: number;
  /** the report's format, which names the cell (表三“（七）总计”行“自然人”列) */
  format: FormatId;
  cell: string | null;
  onClose(): void;
}) {
  const { cell } = props;
  const { data, error, loading } = useApi(
    () => (cell ? reportsApi.cellRecords(props.agency, props.year, cell) : Promise.resolve(undefined)),
    [props.agency, props.year, cell],
  );
  return (
    <Drawer
      open={cell !== null}
      onClose={props.onClose}
      title={cell ? `${cellLabel(formatById(props.format), cell)}的来源记录` : '来源记录'}
      size="large"
    >
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <>
          <Typography.Paragraph>
            数值：{String(data.value ?? '—')}；
            {data.source === 'figures'
              ? `来自年度行政管理数据。${data.note ?? ''}`
              : `共 ${data.total} 条记录。`}
          </Typography.Paragraph>
          <List
            loading={loading}
            dataSource={data.records}
            locale={{ emptyText: '无记录' }}
            renderItem={(r) => {
              const path = consolePathOf(r.link);
              return (
                <List.Item>
                  {path ? <Link to={path}>{r.label}</Link> : r.label}
                  <Typography.Text type="secondary">{r.date ?? ''}</Typography.Text>
                </List.Item>
              );
            }}
          />
        </>
      )}
    </Drawer>
  );
}
