/**
 * Stations as clustered DOM markers (L.divIcon), coloured by kind, with a popup built on opening.
 *
 * Each marker element carries class `station-marker`, `data-station-id` and `data-kind`; cluster icons show the
 * number of stations on a ring whose segments are the shares of each kind. Popup text from the server is inserted
 * with textContent only (see buildStationPopup).
 */
import * as L from 'leaflet';
import { createClusterGroup } from './markercluster.js';
import { el, testId } from '../util/dom.js';
import { kindColor } from '../util/colors.js';
import { formatInteger } from '../util/format.js';
import { pickLabel } from '../i18n/index.js';

const MARKER_SIZE_PX = 16;

/** A DivIcon whose element is tagged with the station id, kind and colour. */
const StationIcon = L.DivIcon.extend({
  createIcon(oldIcon) {
    const element = L.DivIcon.prototype.createIcon.call(this, oldIcon);
    element.dataset.stationId = String(this.options.stationId);
    element.dataset.kind = this.options.kind;
    element.style.setProperty('--kind-color', this.options.color);
    return element;
  },
});

/**
 * @param {L.Map} map
 * @param {{getContext: () => {t: Function, lang: string, meta: object},
 *   popupFooter?: (feature: object, context: object) => Node|null}} options `getContext` supplies the current
 *   translator, language and /api/meta when a popup or cluster icon is drawn; `popupFooter` adds a block at the end
 *   of each popup (the coverage layers' service-circle button).
 * @returns {{layer: L.Layer, update(fc: object): number, clear(): void, refreshLanguage(): void, focus(id): boolean,
 *   features(): object[]}}
 */
export function createStationLayer(map, { getContext, popupFooter }) {
  const markersById = new Map();
  let shown = [];
  let openPopup = null;

  const group = createClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: (zoom) => (zoom >= 15 ? 40 : 60),
    disableClusteringAtZoom: 18,
    iconCreateFunction: (cluster) => clusterIcon(cluster, getContext().meta),
  });

  map.on('popupopen', (event) => {
    if (event.popup.options.className === 'station-popup-wrapper') {
      openPopup = event.popup;
    }
  });
  map.on('popupclose', (event) => {
    if (event.popup === openPopup) {
      openPopup = null;
    }
  });

  function markerFor(feature) {
    const props = feature.properties ?? {};
    const id = feature.id ?? props.id;
    const [lon, lat] = feature.geometry.coordinates;
    const { meta } = getContext();
    const closed = props.openNow === false;
    const marker = L.marker([lat, lon], {
      title: props.name ?? '',
      alt: props.name ?? '',
      riseOnHover: true,
      icon: new StationIcon({
        className: `station-marker${closed ? ' is-closed' : ''}`,
        iconSize: [MARKER_SIZE_PX, MARKER_SIZE_PX],
        html: '',
        stationId: id,
        kind: props.kind ?? '',
        color: kindColor(props.kind, meta?.kinds ?? []),
      }),
    });
    marker.feature = feature;
    marker.bindPopup(() => buildStationPopup(feature, getContext(), popupFooter), {
      className: 'station-popup-wrapper',
      maxWidth: 320,
      minWidth: 240,
      autoPanPadding: [24, 24],
    });
    return marker;
  }

  function clear() {
    group.clearLayers();
    markersById.clear();
    shown = [];
  }

  /** Replaces the stations by the Point features of `featureCollection`; returns how many are shown. */
  function update(featureCollection) {
    clear();
    const markers = [];
    for (const feature of featureCollection?.features ?? []) {
      if (feature?.geometry?.type !== 'Point') {
        continue;
      }
      const marker = markerFor(feature);
      markers.push(marker);
      markersById.set(String(feature.id ?? feature.properties?.id), marker);
      shown.push(feature);
    }
    if (typeof group.addLayers === 'function') {
      group.addLayers(markers);
    } else {
      markers.forEach((m) => group.addLayer(m));
    }
    return markers.length;
  }

  /** Redraws the open popup and the cluster icons in the current language / meta colours. */
  function refreshLanguage() {
    openPopup?.update();
    if (typeof group.refreshClusters === 'function') {
      group.refreshClusters();
    }
  }

  /** Zooms to a station and opens its popup; false when it is not among the shown stations. */
  function focus(id) {
    const marker = markersById.get(String(id));
    if (!marker) {
      return false;
    }
    if (!map.hasLayer(group)) {
      map.addLayer(group);
    }
    if (typeof group.zoomToShowLayer === 'function') {
      group.zoomToShowLayer(marker, () => marker.openPopup());
    } else {
      map.setView(marker.getLatLng(), Math.max(map.getZoom(), 16));
      marker.openPopup();
    }
    return true;
  }

  return { layer: group, update, clear, refreshLanguage, focus, features: () => shown };
}

function clusterIcon(cluster, meta) {
  const count = cluster.getChildCount();
  const perKind = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    const kind = marker.feature?.properties?.kind ?? '';
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
  }
  const kinds = meta?.kinds ?? [];
  const order = (code) => {
    const i = kinds.findIndex((k) => k.code === code);
    return i < 0 ? kinds.length : i;
  };
  let start = 0;
  const stops = [];
  for (const [kind, n] of [...perKind.entries()].sort((a, b) => order(a[0]) - order(b[0]))) {
    const end = start + (n / count) * 100;
    stops.push(`${kindColor(kind, kinds)} ${start.toFixed(2)}% ${end.toFixed(2)}%`);
    start = end;
  }
  const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 52;
  const ring = el('div', 'station-cluster-ring');
  ring.style.background = `conic-gradient(${stops.join(', ')})`;
  const label = el('span', 'station-cluster-count', count);
  ring.appendChild(label);
  return L.divIcon({
    html: ring,
    className: 'station-cluster',
    iconSize: [size, size],
  });
}

/**
 * The popup body of one station: name, kind, open-now badge, status, address, operator, opening hours, seats and
 * service chips, then what `footer(feature, context)` returns, if given. Every server string is set with textContent.
 */
export function buildStationPopup(feature, context, footer) {
  const { t, lang, meta } = context;
  const props = feature.properties ?? {};
  const id = feature.id ?? props.id;
  const root = testId(el('article', 'station-popup'), 'station-popup');
  root.dataset.stationId = String(id);

  const head = el('header', 'sp-head');
  const dot = el('span', 'sp-kind-dot');
  dot.style.setProperty('--kind-color', kindColor(props.kind, meta?.kinds ?? []));
  head.append(dot, el('h3', 'sp-name', props.name || '—'));
  root.appendChild(head);

  const badges = el('div', 'sp-badges');
  const kindMeta = meta?.kinds?.find((k) => k.code === props.kind);
  const kindChip = el('span', 'chip chip-kind', pickLabel(props.kindLabel ?? kindMeta, lang, props.kind ?? ''));
  kindChip.title = t('popup.kind');
  badges.appendChild(kindChip);
  const openBadge = props.openNow === true
    ? el('span', 'badge badge-open', t('popup.open'))
    : props.openNow === false
      ? el('span', 'badge badge-closed', t('popup.closed'))
      : el('span', 'badge badge-unknown', t('popup.openUnknown'));
  badges.appendChild(testId(openBadge, 'open-badge'));
  if (props.status) {
    const statusMeta = meta?.statuses?.find((s) => s.code === props.status);
    const status = el('span', 'badge badge-status', pickLabel(statusMeta, lang, props.status));
    status.dataset.status = props.status;
    status.title = t('popup.status');
    badges.appendChild(status);
  }
  root.appendChild(badges);

  const facts = el('dl', 'sp-facts');
  const fact = (labelKey, value, className) => {
    const row = el('div', `sp-fact ${className}`);
    row.append(el('dt', null, t(labelKey)), el('dd', value ? null : 'sp-missing', value || t('popup.none')));
    facts.appendChild(row);
  };
  fact('popup.address', props.address, 'sp-address');
  fact('popup.operator', props.operator, 'sp-operator');
  fact('popup.hours', props.openingHours, 'sp-hours');
  const seats = Number.isFinite(props.capacitySeats) ? t('popup.seats', { n: formatInteger(props.capacitySeats, lang) }) : null;
  fact('popup.capacity', seats, 'sp-capacity');
  root.appendChild(facts);

  const services = Array.isArray(props.services) ? props.services : [];
  const block = el('div', 'sp-services');
  block.appendChild(el('div', 'sp-services-title', t('popup.services')));
  const chips = el('div', 'sp-chips');
  if (services.length === 0) {
    chips.appendChild(el('span', 'sp-missing', t('popup.none')));
  }
  for (const code of services) {
    const serviceMeta = meta?.services?.find((s) => s.code === code);
    const chip = el('span', 'chip chip-service', pickLabel(serviceMeta, lang, code));
    chip.dataset.service = code;
    chips.appendChild(chip);
  }
  block.appendChild(chips);
  root.appendChild(block);
  const extra = footer ? footer(feature, context) : null;
  if (extra) {
    root.appendChild(extra);
  }
  return root;
}
