/**
 * Coverage cells: the demand hexagons coloured by the minutes from the cell to its nearest serving station
 * (util/colors.js scale: greens and yellow up to 15 minutes, reds beyond), unreachable cells grey and hatched,
 * off-network cells as dashed grey outlines.
 *
 * Speed: all cells are ONE Leaflet path (`CellSet`) drawn by a Leaflet canvas renderer (`L.canvas()`) in its own
 * pane. Leaflet draws each ordinary polygon with its own fill and stroke and re-projects each one on every zoom
 * (about 0.4 s per zoom for 30,000 cells here); `CellSet` keeps the cells' zoom-0 pixel coordinates in typed
 * arrays, so a zoom only scales them, and draws the cells of one colour class together, 64 to a path, with one fill
 * and one stroke per path instead of two per cell. It relies on the private drawing state of Leaflet
 * 1.9's canvas renderer (`_ctx`, `_drawing`, `_bounds`), which is pinned in vendor/. Clicks are hit-tested on the
 * cells' bounding boxes, then the polygon.
 *
 * The caller fetches cells by bounding box and hides them below CELLS_MIN_ZOOM (see coverage.js).
 * The pane element is the browser-test hook: `data-testid="coverage-hex-layer"`, the number of drawn cells in
 * `data-count` and the layer's state in `data-state`: "ready", "loading", "zoomed-out", "none" (the server has no
 * figures), "error" or "off".
 */
import * as L from 'leaflet';
import { MINUTE_CLASSES, UNREACHABLE_COLOR } from '../util/colors.js';
import { OFF_NETWORK_CLASS, UNREACHABLE_CLASS, cellClass } from '../util/coverage.js';
import { flatRingContains } from '../util/geometry.js';

/** Below this zoom cells are not drawn (a res-9 hexagon is then under ~10 px wide); the choropleth gives the overview. */
export const CELLS_MIN_ZOOM = 12;

const PANE = 'coverageCells';
const OUTLINE = '#7d848c';
/**
 * Cells traced into one canvas path before it is filled and stroked: Chromium's path building slows down
 * quadratically with the number of sub-paths (32,000 hexagons in one path took 10 s here, in paths of 64 about 70 ms).
 */
const CELLS_PER_PATH = 64;
/** Cells narrower than this on screen are drawn without outlines. */
const MIN_OUTLINED_CELL_PX = 8;
/** Drawing order of the classes: off-network and unreachable first, then by minutes. */
const DRAW_ORDER = [OFF_NETWORK_CLASS, UNREACHABLE_CLASS, ...MINUTE_CLASSES.map((_, i) => i)];

/**
 * All coverage cells as one canvas path. `setCells(cells)` takes `[{feature, ring}]` where `ring` is a Float64Array
 * of the outer ring's zoom-0 pixel coordinates (x0, y0, x1, y1, …, closing point left out).
 */
const CellSet = L.Path.extend({
  options: { interactive: true, fill: true, stroke: true },

  initialize(options) {
    L.Util.setOptions(this, options);
    this._cells = [];
    this._selected = -1;
    this._hatch = null;
  },

  setCells(cells) {
    this._cells = cells;
    this._classes = Uint8Array.from(cells, (c) => cellClass(c.feature.properties));
    this._selected = -1;
    if (this._map) {
      this.redraw();
    }
    return this;
  },

  /** Index of the cell holding a zoom-0 pixel point, or -1. */
  cellIndexAt(x, y) {
    for (let i = this._cells.length - 1; i >= 0; i--) {
      const { ring, box } = this._cells[i];
      if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && flatRingContains(ring, x, y)) {
        return i;
      }
    }
    return -1;
  },

  select(index) {
    this._selected = index;
    if (this._map) {
      this._renderer._requestRedraw(this);
    }
  },

  _zoomScale() {
    const crs = this._map.options.crs;
    return crs.scale(this._map.getZoom()) / crs.scale(0);
  },

  _project() {
    const k = this._zoomScale();
    const origin = this._map.getPixelOrigin();
    this._k = k;
    this._origin = origin;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const { box } of this._cells) {
      minX = Math.min(minX, box[0]);
      minY = Math.min(minY, box[1]);
      maxX = Math.max(maxX, box[2]);
      maxY = Math.max(maxY, box[3]);
    }
    this._pxBounds = this._cells.length === 0
      ? null
      : L.bounds([minX * k - origin.x, minY * k - origin.y], [maxX * k - origin.x, maxY * k - origin.y]);
  },

  _update() {
    // drawing happens in _updatePath, called by the renderer with its context ready
  },

  _updatePath() {
    const renderer = this._renderer;
    if (!renderer._drawing || this._cells.length === 0) {
      return;
    }
    const ctx = renderer._ctx;
    const k = this._k;
    const ox = this._origin.x;
    const oy = this._origin.y;
    const view = renderer._bounds; // layer-pixel bounds of the canvas
    const vx0 = (view.min.x + ox) / k;
    const vy0 = (view.min.y + oy) / k;
    const vx1 = (view.max.x + ox) / k;
    const vy1 = (view.max.y + oy) / k;
    const trace = (ring) => {
      ctx.moveTo(ring[0] * k - ox, ring[1] * k - oy);
      for (let j = 2; j < ring.length; j += 2) {
        ctx.lineTo(ring[j] * k - ox, ring[j + 1] * k - oy);
      }
      ctx.closePath();
    };
    // outlines only where the cells are big enough to show them; below that they would wash the colours out
    const first = this._cells[0].box;
    const outline = (first[2] - first[0]) * k >= MIN_OUTLINED_CELL_PX;
    for (const cls of DRAW_ORDER) {
      this._setStyle(ctx, cls, outline);
      let pending = 0;
      ctx.beginPath();
      for (let i = 0; i < this._cells.length; i++) {
        if (this._classes[i] !== cls) {
          continue;
        }
        const { ring, box } = this._cells[i];
        if (box[2] < vx0 || box[0] > vx1 || box[3] < vy0 || box[1] > vy1) {
          continue;
        }
        trace(ring);
        if (++pending === CELLS_PER_PATH) {
          this._paint(ctx, cls, outline);
          ctx.beginPath();
          pending = 0;
        }
      }
      if (pending > 0) {
        this._paint(ctx, cls, outline);
      }
    }
    ctx.setLineDash([]);
    if (this._selected >= 0 && this._selected < this._cells.length) {
      ctx.beginPath();
      trace(this._cells[this._selected].ring);
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#1f2933';
      ctx.lineJoin = 'round';
      ctx.stroke();
    }
  },

  _setStyle(ctx, cls, outline) {
    ctx.setLineDash(cls === OFF_NETWORK_CLASS ? [3, 3] : []);
    ctx.lineJoin = 'round';
    if (cls === OFF_NETWORK_CLASS) {
      ctx.fillStyle = outline ? '#ffffff' : UNREACHABLE_COLOR;
      ctx.lineWidth = 1;
      ctx.strokeStyle = OUTLINE;
    } else if (cls === UNREACHABLE_CLASS) {
      ctx.fillStyle = this._hatchPattern(ctx);
      ctx.lineWidth = 0.8;
      ctx.strokeStyle = OUTLINE;
    } else {
      ctx.fillStyle = MINUTE_CLASSES[cls].color;
      ctx.lineWidth = 0.6;
      ctx.strokeStyle = '#ffffff';
    }
  },

  /** Fills (and, when `outline`, strokes) the current path in the class's opacities (colours set by _setStyle). */
  _paint(ctx, cls, outline) {
    const [fillAlpha, strokeAlpha] = cls === OFF_NETWORK_CLASS ? [0.3, 0.9]
      : cls === UNREACHABLE_CLASS ? [0.8, 0.8] : [0.68, 0.55];
    ctx.globalAlpha = fillAlpha;
    ctx.fill('nonzero');
    if (outline) {
      ctx.globalAlpha = strokeAlpha;
      ctx.stroke();
    }
  },

  _hatchPattern(ctx) {
    if (!this._hatch) {
      const tile = document.createElement('canvas');
      tile.width = 8;
      tile.height = 8;
      const t = tile.getContext('2d');
      t.fillStyle = UNREACHABLE_COLOR;
      t.fillRect(0, 0, 8, 8);
      t.strokeStyle = '#6b7178';
      t.lineWidth = 1.2;
      t.beginPath();
      t.moveTo(-2, 10);
      t.lineTo(10, -2);
      t.moveTo(-2, 2);
      t.lineTo(2, -2);
      t.moveTo(6, 10);
      t.lineTo(10, 6);
      t.stroke();
      this._hatch = ctx.createPattern(tile, 'repeat') ?? UNREACHABLE_COLOR;
    }
    return this._hatch;
  },

  _containsPoint(p) {
    if (!this._pxBounds || !this._pxBounds.contains(p)) {
      return false;
    }
    return this.cellIndexAt((p.x + this._origin.x) / this._k, (p.y + this._origin.y) / this._k) >= 0;
  },
});

/**
 * @param {L.Map} map
 * @param {{onCellClick?: (feature: object, center: L.LatLng) => void}} options `onCellClick` receives the clicked
 *   cell's GeoJSON feature and its centre.
 * @returns {{layer: L.Layer, update(fc: object): number, clear(): void, refreshLanguage(): void,
 *   setState(state: string): void, state(): string, select(h3: string|null): void, count(): number}}
 */
export function createCoverageCellLayer(map, { onCellClick } = {}) {
  const pane = map.getPane(PANE) ?? map.createPane(PANE);
  pane.style.zIndex = '410';
  pane.dataset.testid = 'coverage-hex-layer';
  pane.dataset.count = '0';
  pane.dataset.state = 'off';

  const renderer = L.canvas({ pane: PANE, padding: 0.3 });
  const cellSet = new CellSet({ renderer, pane: PANE });
  const group = L.featureGroup();
  let rings = new Map(); // h3 → {feature, ring, box}: zoom-0 projections kept between updates
  let cells = [];

  const toPixel0 = ([lon, lat]) => map.project([lat, lon], 0);

  group.on('click', (event) => {
    const p = map.project(event.latlng, 0);
    const index = cellSet.cellIndexAt(p.x, p.y);
    if (index >= 0 && onCellClick) {
      const { feature, box } = cells[index];
      onCellClick(feature, map.unproject([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2], 0));
    }
  });
  group.on('remove', () => map.removeLayer(renderer));

  /**
   * Shows exactly the Polygon cells of `featureCollection` (keyed by `properties.h3`; a later duplicate replaces an
   * earlier one). Returns the number of cells drawn.
   */
  function update(featureCollection) {
    const next = new Map();
    for (const feature of featureCollection?.features ?? []) {
      const key = feature?.properties?.h3;
      const outer = feature?.geometry?.type === 'Polygon' ? feature.geometry.coordinates[0] : null;
      if (key === undefined || key === null || !Array.isArray(outer) || outer.length < 4) {
        continue;
      }
      const known = rings.get(String(key)); // an H3 index always has the same boundary
      if (known) {
        next.set(String(key), { ...known, feature });
        continue;
      }
      const last = outer[outer.length - 1];
      const closed = last[0] === outer[0][0] && last[1] === outer[0][1];
      const count = closed ? outer.length - 1 : outer.length;
      const ring = new Float64Array(count * 2);
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i < count; i++) {
        const p = toPixel0(outer[i]);
        ring[2 * i] = p.x;
        ring[2 * i + 1] = p.y;
        box[0] = Math.min(box[0], p.x);
        box[1] = Math.min(box[1], p.y);
        box[2] = Math.max(box[2], p.x);
        box[3] = Math.max(box[3], p.y);
      }
      next.set(String(key), { feature, ring, box });
    }
    rings = next;
    cells = [...next.values()];
    if (cells.length === 0) {
      attach(false);
    }
    cellSet.setCells(cells);
    if (cells.length > 0) {
      attach(true);
    }
    pane.dataset.count = String(cells.length);
    return cells.length;
  }

  /** Puts the cell path on the group, or takes it and its canvas off (an empty canvas would still catch the pointer). */
  function attach(on) {
    if (on && !group.hasLayer(cellSet)) {
      group.addLayer(cellSet);
    } else if (!on && group.hasLayer(cellSet)) {
      group.removeLayer(cellSet);
      map.removeLayer(renderer);
      // Leaflet 1.9.4's canvas cancels its pending frame on removal but keeps the frame's id, and then never asks for
      // another one after being added again: the cells would stay undrawn until the map moves
      renderer._redrawRequest = null;
    }
  }

  /** Removes every cell, and the empty canvas with them (the renderer comes back with the next cells). */
  function clear() {
    rings = new Map();
    cells = [];
    attach(false);
    cellSet.setCells(cells);
    pane.dataset.count = '0';
  }

  /** Outlines one cell (null: none). */
  function select(h3) {
    cellSet.select(h3 === null ? -1 : cells.findIndex((c) => String(c.feature.properties.h3) === String(h3)));
  }

  return {
    layer: group,
    update,
    clear,
    select,
    refreshLanguage() {
      // no text on the layer itself; the cell popup is rebuilt by its owner
    },
    /** Records the layer's state on the pane for tests and the legend ("ready", "loading", "zoomed-out", …). */
    setState(state) {
      pane.dataset.state = state;
    },
    state: () => pane.dataset.state,
    count: () => cells.length,
  };
}
