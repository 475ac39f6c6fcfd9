/**
 * A report file that cannot be read as text: no text layer, encrypted, damaged, or a type we do not
 * read. `message` says in Chinese why and what to do; `reason` is the stable code.
 */
export const UNREADABLE_REASONS = [
  'no_text_layer',
  'encrypted',
  'damaged',
  'legacy_word',
  'wps',
  'image',
  'unsupported',
  'tables_as_images',
  'not_a_report',
] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

const MESSAGES: Record<UnreadableReason, string> = {
  no_text_layer:
    '该 PDF 文件没有文字层（可能是扫描件或图片），无法读取表格数字：请上传由 Word/WPS 直接导出的 PDF，或上传 DOCX 文件。',
  encrypted: '该 PDF 文件已加密，无法读取：请上传未加密（无打开密码）的 PDF，或上传 DOCX 文件。',
  damaged: '文件已损坏或不完整，无法读取：请重新导出或重新下载后上传。',
  legacy_word: '暂不支持旧版 Word（.doc）文件：请在 Word 或 WPS 中“另存为” DOCX 或 PDF 后上传。',
  wps: '暂不支持 WPS 文字（.wps）文件：请在 WPS 中“另存为” DOCX 或 PDF 后上传。',
  image: '上传的是图片，无法读取表格数字：请上传年度报告的 DOCX、PDF 或网页文件。',
  unsupported: '无法识别的文件类型：请上传年度报告的 PDF、DOCX、网页（HTML）或文本文件。',
  tables_as_images:
    '报告中的统计表是图片，无法读取其中的数字（不作推测）：请提供文字版的报告（由 Word/WPS 导出的 PDF、DOCX 或网页）。',
  not_a_report: '文件中没有找到政府信息公开工作年度报告的章节和统计表：请确认上传的是年度报告。',
};

export class UnreadableReportError extends Error {
  readonly code = 'report_check.unreadable';
  readonly reason: UnreadableReason;

  constructor(reason: UnreadableReason, detail?: string) {
    super(detail ? `${MESSAGES[reason]}（${detail}）` : MESSAGES[reason]);
    this.name = 'UnreadableReportError';
    this.reason = reason;
  }
}
