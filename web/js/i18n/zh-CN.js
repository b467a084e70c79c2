/**
 * Simplified Chinese (zh-CN) interface strings: the default language.
 * Keys must match en.js exactly (checked by web/test/i18n.test.js). Placeholders: {name}.
 */
export default Object.freeze({
  'app.title': '前哨 Outpost',
  'app.subtitle': '骑手、快递员与司机休息点规划',
  'app.loading': '正在加载地图…',
  'app.loadFailed': '地图加载失败：{detail}',

  'map.label': '地图',
  'notice.close': '关闭',

  'lang.switch': '切换语言',
  'region.label': '区域',
  'panel.toggle': '显示或隐藏侧栏',

  'filters.title': '筛选',
  'filters.kinds': '站点类型',
  'filters.services': '需要的服务',
  'filters.servicesHint': '只显示同时提供所选全部服务的站点',
  'filters.openNow': '只看正在营业',
  'filters.selectAll': '全选',
  'filters.selectNone': '全不选',

  'count.stations': '显示 {n} 个站点',
  'count.loading': '正在加载站点…',
  'count.error': '站点加载失败',

  'layers.title': '图层',
  'layers.base': '底图',
  'layers.stations': '站点',
  'layers.districts': '区县边界',
  'layers.subdistricts': '街道（乡镇）边界',

  'legend.title': '图例',
  'legend.kinds': '站点类型',
  'legend.cluster': '聚合（数字为站点数）',
  'legend.district': '区县边界',
  'legend.subdistrict': '街道（乡镇）边界',
  'legend.closed': '当前未营业',

  'popup.kind': '类型',
  'popup.address': '地址',
  'popup.operator': '运营方',
  'popup.services': '服务',
  'popup.hours': '开放时间',
  'popup.capacity': '座位',
  'popup.status': '状态',
  'popup.open': '营业中',
  'popup.closed': '已关闭',
  'popup.openUnknown': '营业状态未知',
  'popup.seats': '{n} 个座位',
  'popup.none': '未提供',

  'district.population': '人口 {n}',

  'import.title': '数据导入',
  'import.target': '数据类型',
  'import.target.stations': '站点（CSV / XLSX / GeoJSON）',
  'import.target.districts': '行政区划（GeoJSON / Shapefile ZIP）',
  'import.file': '文件',
  'import.chooseFile': '选择文件',
  'import.noFileChosen': '未选择文件',
  'import.crs': '文件坐标系',
  'import.dryRun': '试运行（只检查，不写入）',
  'import.submit': '上传',
  'import.submitting': '正在上传…',
  'import.noFile': '请先选择文件',

  'crs.wgs84': 'WGS 84（GPS 坐标）',
  'crs.cgcs2000': 'CGCS2000（国家 2000）',
  'crs.gcj02': 'GCJ-02（高德 / 腾讯）',
  'crs.bd09': 'BD-09（百度）',

  'report.title': '导入结果',
  'report.dryRunOk': '试运行通过：数据无误，尚未写入',
  'report.dryRunFailed': '试运行发现错误：请修正后再上传',
  'report.ok': '导入成功',
  'report.failed': '导入失败：数据有错误，未写入任何内容',
  'report.created': '新增',
  'report.updated': '更新',
  'report.unchanged': '未变',
  'report.deleted': '删除',
  'report.errors': '错误（{n}）',
  'report.warnings': '警告（{n}）',
  'report.row': '行',
  'report.field': '字段',
  'report.reason': '原因',
  'report.batch': '导入批次 {id}',
  'report.more': '另有 {n} 条未显示',
  'report.commit': '确认导入（写入数据）',
  'report.file': '文件：{name}',

  'export.title': '导出',
  'export.geojson': '站点 GeoJSON',
  'export.csv': '站点 CSV',

  'error.network': '无法连接服务器',
  'error.http': '服务器错误 {status}',

  'tiles.failed': '底图无法加载，仅显示矢量图层',

  'unit.min': '分钟',
  'unit.hour': '小时',
  'unit.m': '米',
  'unit.km': '公里',
  'unit.unreachable': '不可达',
});
