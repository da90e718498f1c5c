import type { ImportFailure, ImportStatus } from '../../server/console/tenant-import'
import type { TargetGap } from '../../server/domain/target-building'
import type { TenantField, TenantRefusal } from '../../server/domain/tenant-cleaning'
import type { Lang } from './lang'

interface BuildingsText {
  titleOwn: string
  titleAll: string
  filters: { legend: string; search: string; searchHint: string; district: string; any: string; targetOnly: string; apply: string; reset: string }
  columns: { building: string; district: string; tenants: string; resources: string; target: string }
  count: (total: number) => string
  none: string
  page: (page: number, pages: number) => string
  previous: string
  next: string
  grades: Record<string, string>
  target: { yes: string; no: string; gaps: Record<TargetGap, string>; rule: string }
  resources: { heading: string; fibre: string; voice: string; speed: string; mbps: (speed: number) => string; ports: (count: number) => string }
  detail: {
    back: string
    address: string
    grade: string
    district: string
    manager: string
    noManager: string
    sameDay: string
    yes: string
    no: string
    bundles: string
    servable: string
    notServable: string
    activity: string
    orders: (total: number, open: number) => string
    leads: (total: number, open: number) => string
    viewOrders: string
    viewLeads: string
    competitor: string
    competitorLabel: string
    save: string
  }
  tenants: {
    heading: (total: number) => string
    search: string
    searchSubmit: string
    none: string
    edited: string
    edit: string
    actions: string
  }
  fields: Record<TenantField | 'building', string>
  edit: { title: string; intro: string; editedHint: string; save: string; back: string; staffHint: string; mobileHint: string; creditCodeHint: string; problem: (field: string) => string }
  imports: {
    heading: string
    cityHeading: string
    intro: string
    cityIntro: string
    columns: string
    file: string
    fileHint: string
    submit: string
    latest: string
    thisImport: string
    noFile: string
    earlier: string
    status: Record<ImportStatus, string>
    failures: Record<ImportFailure, string>
    /** With {done} and {total}. */
    progress: string
    statusColumn: string
    counts: { inserted: string; updated: string; unchanged: string; merged: string; refused: string }
    report: string
    refusals: string
    merges: string
    row: string
    reason: string
    field: string
    mergedInto: (row: number, into: number) => string
    truncated: string
    noRefusals: string
    file_name: string
    when: string
    show: string
    refresh: string
  }
  reasons: Record<TenantRefusal, string>
  done: Record<string, string>
}

const zh: BuildingsText = {
  titleOwn: '我的楼宇',
  titleAll: '楼宇',
  filters: { legend: '筛选楼宇', search: '搜索', searchHint: '楼宇名称、地址或编号', district: '区', any: '全部', targetOnly: '仅显示目标楼宇', apply: '筛选', reset: '清除筛选' },
  columns: { building: '楼宇', district: '区', tenants: '租户企业', resources: '剩余资源', target: '目标楼宇' },
  count: (total) => `共 ${total} 栋楼宇`,
  none: '没有符合条件的楼宇。',
  page: (page, pages) => `第 ${page} / ${pages} 页`,
  previous: '上一页',
  next: '下一页',
  grades: { premium: '甲级写字楼', standard: '乙级写字楼', mixed: '商住两用' },
  target: {
    yes: '目标楼宇',
    no: '暂不是目标楼宇',
    gaps: { few_tenants: '租户企业不足 40 家', cannot_serve: '资源不足，不能开通全部主推套餐', competitor_exclusive: '竞争对手独家进驻' },
    rule: '目标楼宇：租户企业 40 家以上、能开通全部主推套餐、没有竞争对手独家进驻。',
  },
  resources: { heading: '剩余资源', fibre: '空闲光纤端口', voice: '空闲语音端口', speed: '最高宽带速率', mbps: (speed) => (speed >= 1000 ? `${speed / 1000}G` : `${speed}M`), ports: (count) => `${count} 个` },
  detail: {
    back: '返回楼宇列表',
    address: '地址',
    grade: '楼宇类型',
    district: '区',
    manager: '楼宇经理',
    noManager: '暂无（区域队列跟进）',
    sameDay: '可当天安装',
    yes: '是',
    no: '否',
    bundles: '主推套餐能否开通',
    servable: '可开通',
    notServable: '不能开通',
    activity: '订单与线索',
    orders: (total, open) => `订单 ${total} 笔（进行中 ${open} 笔）`,
    leads: (total, open) => `线索 ${total} 条（跟进中 ${open} 条）`,
    viewOrders: '查看这栋楼的订单',
    viewLeads: '查看这栋楼的线索',
    competitor: '竞争对手独家',
    competitorLabel: '是否有竞争对手独家进驻这栋楼',
    save: '保存',
  },
  tenants: { heading: (total) => `租户企业（${total} 家）`, search: '搜索租户', searchSubmit: '搜索', none: '还没有租户企业。请在下方导入租户名单。', edited: '人工修改', edit: '修改', actions: '操作' },
  fields: {
    company: '公司名称',
    creditCode: '统一社会信用代码',
    floor: '楼层',
    unit: '房号',
    contactName: '联系人',
    mobile: '手机',
    email: '邮箱',
    staffSize: '员工人数',
    carrier: '现有运营商',
    building: '楼宇',
  },
  edit: {
    title: '修改租户信息',
    intro: '您修改过的项目会标记为“人工修改”，以后导入名单时不会被覆盖。',
    editedHint: '人工修改，导入不覆盖',
    save: '保存修改',
    back: '返回楼宇',
    staffHint: '整数，例如 120',
    mobileHint: '11 位手机号，可以带 +86',
    creditCodeHint: '18 位统一社会信用代码，可以留空',
    problem: (field) => `“${field}”填写有误，请按提示修改后再保存。`,
  },
  imports: {
    heading: '导入租户名单',
    cityHeading: '导入全市租户名单',
    intro: '上传 CSV 或 XLSX 文件（第一个工作表）。系统会清洗数据：去掉多余空格、全角转半角，校验信用代码和手机号，合并重复企业（同一信用代码，或同一楼宇内同名）。人工修改过的项目不会被覆盖；同一个文件重复上传不会有任何改动。',
    cityIntro: '文件须有“楼宇”一列（楼宇编号或名称），每行导入到所写的楼宇；不在您负责范围内的楼宇会被拒绝。',
    columns: '可识别的列名：公司名称、统一社会信用代码、楼层、房号（或“楼层/单元”）、联系人、手机、邮箱、员工人数、现有运营商。',
    file: '名单文件（CSV 或 XLSX）',
    fileHint: '支持 UTF-8 和 GBK 编码的 CSV；最大 25 MB。',
    submit: '上传并导入',
    latest: '最近一次导入',
    thisImport: '本次导入',
    noFile: '请选择要导入的 CSV 或 XLSX 文件：没有选择文件，或所选的文件是空的。没有开始导入。',
    earlier: '以往的导入',
    status: { queued: '排队中', running: '导入中', done: '已完成', failed: '失败' },
    failures: {
      file_empty: '文件是空的。',
      file_unsupported: '不支持这种文件（例如旧版 .xls），请另存为 XLSX 或 CSV 后再上传。',
      file_unreadable: '文件无法读取，可能已损坏。',
      no_company_column: '没有找到“公司名称”列，请检查表头。',
      no_building_column: '全市名单须有“楼宇”一列。',
      interrupted: '导入被中断（服务器重启），请重新上传同一个文件。',
      internal: '系统出了点问题，请稍后重新上传。',
    },
    progress: '已处理 {done} / {total} 行',
    statusColumn: '状态',
    counts: { inserted: '新增企业', updated: '更新企业', unchanged: '无变化', merged: '合并的重复行', refused: '拒绝的行' },
    report: '导入报告',
    refusals: '被拒绝的行',
    merges: '合并的重复行',
    row: '行号',
    reason: '原因',
    field: '列',
    mergedInto: (row, into) => `第 ${row} 行与第 ${into} 行是同一家企业，已合并`,
    truncated: '报告只列出前 1000 行，数量统计是完整的。',
    noRefusals: '没有被拒绝的行。',
    file_name: '文件',
    when: '时间',
    show: '查看报告',
    refresh: '刷新进度',
  },
  reasons: {
    company_missing: '缺少公司名称',
    credit_code_invalid: '统一社会信用代码不正确（18 位，校验位不符）',
    mobile_invalid: '手机号不正确（须为 11 位大陆手机号）',
    email_invalid: '邮箱格式不正确',
    staff_size_invalid: '员工人数不是整数',
    too_long: '内容太长',
    building_missing: '没有写楼宇',
    building_unknown: '楼宇不存在或不在您负责的范围内',
    building_other: '这一行写的是另一栋楼宇',
    name_conflict: '同名企业已有另一个信用代码',
    code_conflict: '信用代码和公司名称分属两家不同的企业',
  },
  done: {
    building_saved: '已保存。',
    tenant_saved: '已保存租户信息。',
    import_started: '文件已上传，正在后台导入。',
    import_repeated: '这个文件之前已经导入过，没有任何改动。下面是当时的报告。',
  },
}

const en: BuildingsText = {
  titleOwn: 'My buildings',
  titleAll: 'Buildings',
  filters: { legend: 'Filter buildings', search: 'Search', searchHint: 'Building name, address or id', district: 'District', any: 'Any', targetOnly: 'Target buildings only', apply: 'Filter', reset: 'Clear filters' },
  columns: { building: 'Building', district: 'District', tenants: 'Tenant companies', resources: 'Resources left', target: 'Target' },
  count: (total) => `${total} building${total === 1 ? '' : 's'}`,
  none: 'No building matches.',
  page: (page, pages) => `Page ${page} of ${pages}`,
  previous: 'Previous page',
  next: 'Next page',
  grades: { premium: 'Premium office', standard: 'Standard office', mixed: 'Mixed commercial/residential' },
  target: {
    yes: 'Target building',
    no: 'Not a target yet',
    gaps: { few_tenants: 'Fewer than 40 tenant companies', cannot_serve: 'Cannot serve every promoted bundle', competitor_exclusive: 'Held exclusively by a competitor' },
    rule: 'A target building has 40 or more tenant companies, can serve every promoted bundle, and no competitor holds it exclusively.',
  },
  resources: { heading: 'Resources left', fibre: 'Free fibre ports', voice: 'Free voice ports', speed: 'Top broadband speed', mbps: (speed) => (speed >= 1000 ? `${speed / 1000} Gbps` : `${speed} Mbps`), ports: (count) => String(count) },
  detail: {
    back: 'Back to the buildings',
    address: 'Address',
    grade: 'Grade',
    district: 'District',
    manager: 'Building manager',
    noManager: 'None (the district queue follows up)',
    sameDay: 'Same-day installation',
    yes: 'Yes',
    no: 'No',
    bundles: 'Promoted bundles it can serve',
    servable: 'Can serve',
    notServable: 'Cannot serve',
    activity: 'Orders and leads',
    orders: (total, open) => `${total} order${total === 1 ? '' : 's'} (${open} open)`,
    leads: (total, open) => `${total} lead${total === 1 ? '' : 's'} (${open} open)`,
    viewOrders: 'See this building’s orders',
    viewLeads: 'See this building’s leads',
    competitor: 'Competitor exclusive',
    competitorLabel: 'Does a competitor hold this building exclusively?',
    save: 'Save',
  },
  tenants: { heading: (total) => `Tenant companies (${total})`, search: 'Search tenants', searchSubmit: 'Search', none: 'No tenant companies yet. Import the tenant list below.', edited: 'edited by hand', edit: 'Edit', actions: 'Actions' },
  fields: {
    company: 'Company',
    creditCode: 'Credit code',
    floor: 'Floor',
    unit: 'Unit',
    contactName: 'Contact',
    mobile: 'Mobile',
    email: 'E-mail',
    staffSize: 'Staff',
    carrier: 'Current carrier',
    building: 'Building',
  },
  edit: {
    title: 'Edit tenant',
    intro: 'Fields you change are marked “edited by hand”: later list imports never overwrite them.',
    editedHint: 'edited by hand; imports keep it',
    save: 'Save changes',
    back: 'Back to the building',
    staffHint: 'A whole number, e.g. 120',
    mobileHint: '11-digit mainland mobile; +86 is fine',
    creditCodeHint: '18-character unified social credit code; may be left empty',
    problem: (field) => `“${field}” is not right: please correct it as the hint says and save again.`,
  },
  imports: {
    heading: 'Import the tenant list',
    cityHeading: 'Import a city-wide tenant list',
    intro: 'Upload a CSV or XLSX file (its first sheet). The list is cleaned: extra spaces removed, full-width characters made plain, credit codes and mobiles checked, duplicates merged (the same credit code, or the same name in the building). Fields edited by hand are never overwritten; the same file sent again changes nothing.',
    cityIntro: 'The file needs a “Building” column (the building’s id or name); each row goes to its building. Rows for buildings you do not look after are refused.',
    columns: 'Columns recognised (Chinese or English titles): company, credit code, floor, unit (or “floor/unit”), contact, mobile, e-mail, staff size, current carrier.',
    file: 'List file (CSV or XLSX)',
    fileHint: 'CSV in UTF-8 or GBK; at most 25 MB.',
    submit: 'Upload and import',
    latest: 'Latest import',
    thisImport: 'This import',
    noFile: 'Choose a CSV or XLSX file to import: no file was chosen, or the chosen one is empty. Nothing was imported.',
    earlier: 'Earlier imports',
    status: { queued: 'Queued', running: 'Importing', done: 'Done', failed: 'Failed' },
    failures: {
      file_empty: 'The file is empty.',
      file_unsupported: 'This kind of file (e.g. an old .xls) is not supported: save it as XLSX or CSV and upload it again.',
      file_unreadable: 'The file cannot be read; it may be damaged.',
      no_company_column: 'No company column was found: check the header row.',
      no_building_column: 'A city-wide list needs a “Building” column.',
      interrupted: 'The import was interrupted (the server restarted): upload the same file again.',
      internal: 'Something went wrong on our side: upload the file again shortly.',
    },
    progress: '{done} of {total} rows processed',
    statusColumn: 'Status',
    counts: { inserted: 'New companies', updated: 'Companies updated', unchanged: 'Unchanged', merged: 'Duplicate rows merged', refused: 'Rows refused' },
    report: 'Import report',
    refusals: 'Rows refused',
    merges: 'Duplicate rows merged',
    row: 'Row',
    reason: 'Reason',
    field: 'Column',
    mergedInto: (row, into) => `Row ${row} is the same company as row ${into}: merged`,
    truncated: 'The report lists the first 1,000 rows; the counts are complete.',
    noRefusals: 'No row was refused.',
    file_name: 'File',
    when: 'When',
    show: 'Show report',
    refresh: 'Refresh progress',
  },
  reasons: {
    company_missing: 'No company name',
    credit_code_invalid: 'The credit code is not valid (18 characters with a matching check character)',
    mobile_invalid: 'Not a mobile number (11-digit mainland mobile)',
    email_invalid: 'Not an e-mail address',
    staff_size_invalid: 'The staff size is not a whole number',
    too_long: 'Too long',
    building_missing: 'No building given',
    building_unknown: 'No such building among yours',
    building_other: 'The row names another building',
    name_conflict: 'A company of this name has another credit code',
    code_conflict: 'The credit code and the name belong to two different companies',
  },
  done: {
    building_saved: 'Saved.',
    tenant_saved: 'The tenant is saved.',
    import_started: 'The file is uploaded and being imported in the background.',
    import_repeated: 'This file was imported before: nothing changed. Here is that import’s report.',
  },
}

export const consoleBuildingsText: Record<Lang, BuildingsText> = { zh, en }
