/**
 * How the one event log reads in Chinese: each event name (`requests.extended`), each area (the
 * part before the dot, what the 操作日志 filters by) and each kind of subject. One source for the
 * console, the API and the CLI.
 */

/** The areas of the platform, by the prefix of their events' names. */
export const EVENT_AREA_LABELS: Record<string, string> = {
  requests: '依申请公开',
  items: '主动公开',
  registry: '规范性文件',
  report: '年度报告',
  records: '数据导入',
  settings: '机关设置',
  users: '用户与角色',
  calendar: '工作日历',
  backups: '备份与恢复',
  report_checks: '年报体检',
  supervision: '监督督办',
  agencies: '机构管理',
  inspection: '网站自查',
  new_media: '政务新媒体',
  website_report: '网站工作年度报表',
  catalog: '标准目录',
};

export const EVENT_NAME_LABELS: Record<string, string> = {
  'requests.received': '收到申请并登记',
  'requests.calendar_changed': '工作日历调整，期限重算',
  'requests.correction_requested': '发出补正告知',
  'requests.correction_received': '收到补正材料',
  'requests.consultation_sent': '发出征求意见函',
  'requests.consultation_replied': '收到征求意见回复',
  'requests.extended': '延期答复',
  'requests.fee_notice': '发出收费通知',
  'requests.fee_paid': '登记缴费',
  'requests.reasons_requested': '要求说明理由',
  'requests.later_date_set': '确定延后答复期限',
  'requests.decided': '作出答复',
  'requests.answered_on_the_spot': '当场答复（第三十三条第一款）',
  'requests.provision_recorded': '告知提供方式（第四十条）',
  'requests.attachment_added': '添加附件',
  'requests.letter_sent': '登记文书送达',
  'requests.review_recorded': '登记行政复议或诉讼',
  'requests.id_number_viewed': '查看申请人证件号码',
  'requests.publish_suggested': '登记申请人建议纳入主动公开',
  'requests.publication_included': '纳入主动公开（起草信息）',
  'requests.publication_declined': '不纳入主动公开',
  'requests.assistance_recorded': '登记为申请人提供的帮助（条例第四十三条）',
  'requests.withheld_reviewed': '不予公开信息定期评估审查',
  'requests.approval_requested': '提请审批',
  'requests.approval_granted': '批准提请审批事项',
  'requests.approval_returned': '退回提请审批事项',
  'items.created': '起草',
  'items.requests_linked': '关联依申请公开（纳入主动公开）',
  'items.edited': '修改',
  'items.submitted': '送保密审查',
  'items.approved': '保密审查通过',
  'items.rejected': '保密审查退回',
  'items.published': '发布',
  'items.approval_requested': '提请签发发布',
  'items.approval_granted': '批准签发发布',
  'items.approval_returned': '退回提请签发发布',
  'items.withdrawn': '撤回',
  'items.posted': '登记其他渠道发布',
  'items.attachment_added': '上传附件',
  'items.attachment_removed': '删除附件',
  'items.interpretation_linked': '关联政策文件与解读',
  'items.interpretation_unlinked': '取消关联政策文件与解读',
  'items.imported': '批量导入',
  'items.screening_confirmed': '核实发布前自查结果',
  'registry.issued': '登记制发',
  'registry.amended': '修改：登记新版本',
  'registry.superseded': '被修改后的新版本取代',
  'registry.repealed': '废止',
  'registry.reviewed': '年度清理',
  'report.draft_saved': '保存年报草稿',
  'report.published': '发布年度报告',
  'report.corrected': '更正年度报告',
  'report.pdf_stored': '生成年度报告PDF',
  'report.figures_saved': '保存年度数据',
  'report.figures_imported': '导入年度数据',
  'records.imported': '导入记录',
  'settings.column_added': '新增目录栏目',
  'settings.column_changed': '修改目录栏目',
  'settings.column_removed': '删除目录栏目',
  'settings.index_prefix_set': '设置索引号前缀',
  'settings.letter_template_saved': '修改文书模板',
  'settings.letter_template_reset': '恢复默认文书模板',
  'settings.remedies_set': '设置救济途径',
  'settings.site_set': '设置网站信息',
  'settings.site_image_set': '上传网站标识图片或图标',
  'settings.guide_set': '修改公开指南',
  'settings.reading_point_added': '新增查阅场所',
  'settings.reading_point_changed': '修改查阅场所',
  'settings.reading_point_removed': '删除查阅场所',
  'settings.column_note_set': '设置栏目备注说明',
  'settings.column_note_removed': '删除栏目备注说明',
  'settings.screening_word_added': '新增错敏词',
  'settings.screening_word_removed': '删除错敏词',
  'settings.column_class_set': '设置栏目类别和更新周期',
  'users.created': '创建用户',
  'users.role_granted': '授予角色',
  'users.role_revoked': '撤销角色',
  'users.disabled': '停用用户',
  'users.enabled': '启用用户',
  'users.password_reset': '重置密码',
  'users.unlocked': '解除登录锁定',
  'users.password_changed': '修改密码',
  'users.platform_admin_granted': '设为平台管理员',
  'users.platform_admin_revoked': '取消平台管理员',
  'calendar.override_set': '工作日历调整',
  'calendar.override_removed': '撤销工作日历调整',
  'calendar.notice_imported': '导入节假日安排通知',
  'backups.created': '备份数据库和附件',
  'backups.restored': '从备份恢复数据库和附件',
  'report_checks.created': '年报体检：检查一份报告',
  'report_checks.batch_created': '年报体检：批量检查报告',
  'supervision.reminder_sent': '发出督办',
  'supervision.reminder_answered': '答复督办',
  'supervision.reminder_closed': '督办办结',
  'supervision.reminder_reopened': '督办退回重办',
  'inspection.run': '运行网站自查',
  'inspection.daily_run': '每日网站自查（全部机关）',
  'inspection.links_checked': '检查网站链接（死链）',
  'new_media.registered': '登记政务新媒体账号',
  'new_media.edited': '修改政务新媒体账号信息',
  'new_media.closed': '关停政务新媒体账号',
  'new_media.cancelled': '注销政务新媒体账号',
  'new_media.reopened': '政务新媒体账号恢复运营',
  'website_report.saved': '填写网站工作年度报表',
  'catalog.imported': '导入公开事项标准目录',
  'catalog.entry_added': '新增标准目录事项',
  'catalog.entry_edited': '修改标准目录事项',
  'catalog.entry_removed': '删除标准目录事项',
  'keys.id_numbers_sealed': '加密存量证件号码',
  'keys.rotated': '更换证件号码加密密钥',
  'agencies.created': '新建机关',
  'agencies.renamed': '修改机关名称',
  'agencies.moved': '调整上级机关',
  'agencies.retired': '撤销机关',
  'agencies.reactivated': '恢复机关',
  'agencies.tree_imported': '导入机关树',
};

export const EVENT_SUBJECT_LABELS: Record<string, string> = {
  request: '申请',
  item: '公开信息',
  normative_document: '规范性文件',
  annual_report: '年度报告',
  import: '导入文件',
  agency_column: '目录栏目',
  item_settings: '索引号设置',
  letter_template: '文书模板',
  agency_remedies: '救济途径设置',
  site_settings: '网站信息设置',
  agency_guide: '公开指南设置',
  reading_point: '查阅场所',
  column_note: '栏目备注说明',
  screening_word: '错敏词',
  user: '用户',
  calendar_override: '日历调整',
  calendar_notice: '节假日通知',
  backup: '备份文件',
  report_check: '年报体检记录',
  report_check_batch: '年报体检批次',
  reminder: '督办事项',
  agency: '机关',
  agency_tree: '机关树',
  inspection: '网站自查',
  column_setting: '栏目类别设置',
  new_media_account: '政务新媒体账号',
  website_report: '网站工作年度报表',
  catalog: '公开事项标准目录',
  catalog_entry: '标准目录事项',
};

/** An event name in Chinese (the name itself when unknown). */
export function eventNameLabel(name: string): string {
  return EVENT_NAME_LABELS[name] ?? name;
}

/**
 * An event of an area in Chinese, named in full or by what follows the area's prefix (a case's
 * events read `extended` for `requests.extended`); the name as given when unknown.
 */
export function eventLabelIn(area: string, name: string): string {
  return EVENT_NAME_LABELS[name.includes('.') ? name : `${area}.${name}`] ?? name;
}

/**
 * A subject in Chinese: `申请 7`, `年度报告 2021`; what its id means where the id is a code: the
 * demo loader's imports (`demo:lingang`) are 示例数据, site settings are the installation's or
 * an agency's (`agency:1`).
 */
export function eventSubjectLabel(type: string, id: string): string {
  const label = EVENT_SUBJECT_LABELS[type] ?? type;
  if (type === 'import' && id.startsWith('demo:')) return `${label} 示例数据`;
  if (type === 'site_settings') return `${label}（${id === 'installation' ? '全平台' : '本机关'}）`;
  return `${label} ${id}`;
}
