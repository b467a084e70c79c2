/**
 * English interface strings. Keys must match zh-CN.js exactly (checked by web/test/i18n.test.js).
 * Placeholders: {name}.
 */
export default Object.freeze({
  'app.title': 'Outpost',
  'app.subtitle': 'Rest points for riders, couriers and drivers',
  'app.loading': 'Loading the map…',
  'app.loadFailed': 'The map could not be loaded: {detail}',

  'map.label': 'Map',
  'notice.close': 'Close',

  'lang.switch': 'Switch language',
  'region.label': 'Region',
  'panel.toggle': 'Show or hide the side panel',

  'filters.title': 'Filters',
  'filters.kinds': 'Station kinds',
  'filters.services': 'Required services',
  'filters.servicesHint': 'Only stations offering every selected service',
  'filters.openNow': 'Open now only',
  'filters.selectAll': 'All',
  'filters.selectNone': 'None',

  'count.stations': '{n} stations shown',
  'count.loading': 'Loading stations…',
  'count.error': 'Stations could not be loaded',

  'layers.title': 'Layers',
  'layers.base': 'Base map',
  'layers.stations': 'Stations',
  'layers.districts': 'Districts',
  'layers.subdistricts': 'Subdistricts',

  'legend.title': 'Legend',
  'legend.kinds': 'Station kinds',
  'legend.cluster': 'Cluster (number of stations)',
  'legend.district': 'District boundary',
  'legend.subdistrict': 'Subdistrict boundary',
  'legend.closed': 'Closed now',

  'popup.kind': 'Kind',
  'popup.address': 'Address',
  'popup.operator': 'Operator',
  'popup.services': 'Services',
  'popup.hours': 'Opening hours',
  'popup.capacity': 'Seats',
  'popup.status': 'Status',
  'popup.open': 'Open now',
  'popup.closed': 'Closed',
  'popup.openUnknown': 'Hours unknown',
  'popup.seats': '{n} seats',
  'popup.none': 'Not given',

  'district.population': 'Population {n}',

  'import.title': 'Import data',
  'import.target': 'Data',
  'import.target.stations': 'Stations (CSV / XLSX / GeoJSON)',
  'import.target.districts': 'Districts (GeoJSON / zipped Shapefile)',
  'import.file': 'File',
  'import.chooseFile': 'Choose file',
  'import.noFileChosen': 'No file chosen',
  'import.crs': 'Coordinate system of the file',
  'import.dryRun': 'Dry run (check only, write nothing)',
  'import.submit': 'Upload',
  'import.submitting': 'Uploading…',
  'import.noFile': 'Choose a file first',

  'crs.wgs84': 'WGS 84 (GPS)',
  'crs.cgcs2000': 'CGCS2000',
  'crs.gcj02': 'GCJ-02 (Amap / Tencent)',
  'crs.bd09': 'BD-09 (Baidu)',

  'report.title': 'Import report',
  'report.dryRunOk': 'Dry run passed: the data is valid, nothing was written yet',
  'report.dryRunFailed': 'Dry run found errors: fix them and upload again',
  'report.ok': 'Import succeeded',
  'report.failed': 'Import failed: the data has errors, nothing was written',
  'report.created': 'Created',
  'report.updated': 'Updated',
  'report.unchanged': 'Unchanged',
  'report.deleted': 'Deleted',
  'report.errors': 'Errors ({n})',
  'report.warnings': 'Warnings ({n})',
  'report.row': 'Row',
  'report.field': 'Field',
  'report.reason': 'Reason',
  'report.batch': 'Import batch {id}',
  'report.more': '{n} more not shown',
  'report.commit': 'Import for real',
  'report.file': 'File: {name}',

  'export.title': 'Export',
  'export.geojson': 'Stations GeoJSON',
  'export.csv': 'Stations CSV',

  'error.network': 'Cannot reach the server',
  'error.http': 'Server error {status}',

  'tiles.failed': 'Base map unavailable; showing vector layers only',

  'unit.min': 'min',
  'unit.hour': 'h',
  'unit.m': 'm',
  'unit.km': 'km',
  'unit.unreachable': 'unreachable',
});
