/** Tables 二, 三 and 四, read-only, laid out from the same model as the HTML and DOCX reports. */
import type { ReactNode } from 'react';
import type { FormatId } from '../../../domain/report/format.ts';
import { formatById } from '../../../domain/report/formats/registry.ts';
import { buildTables, type TableModel } from '../../../render/table-model.ts';

export const TABLE_TITLES: Record<TableModel['id'], string> = {
  t2: '二、主动公开政府信息情况',
  t3: '三、收到和处理政府信息公开申请情况',
  t4: '四、政府信息公开行政复议、行政诉讼情况',
};

const cellStyle = { border: '1px solid #d9d9d9', padding: '4px 6px', fontSize: 13 } as const;

/** One table; `renderCell` decorates a data cell (a link to its records, a violation mark). */
export function ReportTable(props: {
  model: TableModel;
  renderCell?: (code: string, text: string) => ReactNode;
  flagged?: ReadonlySet<string>;
}) {
  const { model } = props;
  // at phone width the wide tables (table 四 has 15 columns) scroll inside their box
  return (
    <div className="gk-scroll-x">
      <table
        aria-label={TABLE_TITLES[model.id]}
        style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 24 }}
      >
        <caption className="gk-sr-only">{TABLE_TITLES[model.id]}</caption>
        <tbody>
          {model.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a fixed table
            <tr key={r}>
              {row.map((cell, c) => {
                const Tag = cell.header ? 'th' : 'td';
                const flagged = cell.code && props.flagged?.has(cell.code);
                return (
                  <Tag
                    // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a fixed row
                    key={c}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    style={{
                      ...cellStyle,
                      textAlign: cell.align ?? 'center',
                      background: flagged ? '#fff1f0' : cell.header ? '#fafafa' : undefined,
                      fontWeight: cell.header ? 500 : 400,
                    }}
                  >
                    {cell.code && props.renderCell ? props.renderCell(cell.code, cell.text) : cell.text}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The tables of a report's cells in its format (all three, or `only` one). */
export function ReportTables(props: {
  format: FormatId;
  cells: Record<string, number | string>;
  only?: TableModel['id'];
  renderCell?: (code: string, text: string) => ReactNode;
  flagged?: ReadonlySet<string>;
}) {
  return (
    <>
      {buildTables(props.cells, formatById(props.format))
        .filter((model) => !props.only || model.id === props.only)
        .map((model) => (
          <ReportTable key={model.id} model={model} renderCell={props.renderCell} flagged={props.flagged} />
        ))}
    </>
  );
}
