/**
 * Small planar computations on GeoJSON coordinates ([lon, lat] in WGS 84 degrees), good enough for placing labels
 * and framing the map; not for measuring areas (no projection). Pure.
 */

/** Twice the signed area of a ring in square degrees (positive when counter-clockwise). */
export function ringArea2(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}

/** Area-weighted centroid [lon, lat] of a ring; the vertex mean when the ring is degenerate (zero area). */
export function ringCentroid(ring) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += cross;
    cx += (ring[j][0] + ring[i][0]) * cross;
    cy += (ring[j][1] + ring[i][1]) * cross;
  }
  if (a === 0) {
    const n = ring.length;
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** Even-odd point-in-polygon test over all rings (outer ring and holes) of one polygon. Boundary points are unspecified. */
export function pointInPolygon(point, rings) {
  const [x, y] = point;
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/**
 * A point inside a Polygon or MultiPolygon for its label: in the largest part, the centroid of its outer ring when
 * that lies inside the part (holes respected), otherwise the middle of the widest inside stretch of the horizontal
 * line through that centroid (so U shapes and rings get their label on the shape). Returns [lon, lat], or null for
 * other or empty geometries.
 */
export function labelPoint(geometry) {
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) {
    return null;
  }
  let best = polygons[0];
  let bestArea = -Infinity;
  for (const rings of polygons) {
    const area = Math.abs(ringArea2(rings[0])) - rings.slice(1).reduce((s, r) => s + Math.abs(ringArea2(r)), 0);
    if (area > bestArea) {
      bestArea = area;
      best = rings;
    }
  }
  const centroid = ringCentroid(best[0]);
  if (pointInPolygon(centroid, best)) {
    return centroid;
  }
  return widestStretchMiddle(best, centroid[1]) ?? centroid;
}

function widestStretchMiddle(rings, y) {
  const xs = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y) {
        xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
  }
  xs.sort((a, b) => a - b);
  let best = null;
  let bestWidth = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const width = xs[k + 1] - xs[k];
    if (width > bestWidth) {
      bestWidth = width;
      best = [(xs[k] + xs[k + 1]) / 2, y];
    }
  }
  return best;
}

function polygonsOf(geometry) {
  if (!geometry) {
    return [];
  }
  if (geometry.type === 'Polygon') {
    return geometry.coordinates.length > 0 && geometry.coordinates[0].length >= 3 ? [geometry.coordinates] : [];
  }
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates.filter((rings) => rings.length > 0 && rings[0].length >= 3);
  }
  return [];
}

/** Number of positions in a GeoJSON FeatureCollection's geometries (to choose between SVG and canvas drawing). */
export function countVertices(featureCollection) {
  let count = 0;
  const walk = (coords) => {
    if (typeof coords[0] === 'number') {
      count++;
    } else {
      coords.forEach(walk);
    }
  };
  for (const feature of featureCollection?.features ?? []) {
    if (feature.geometry?.coordinates) {
      walk(feature.geometry.coordinates);
    }
  }
  return count;
}

/**
 * Even-odd point-in-polygon test on a flat ring [x0, y0, x1, y1, …] (closing point optional, any planar units), for
 * hit-testing many small polygons kept in typed arrays. Boundary points are unspecified.
 */
export function flatRingContains(ring, x, y) {
  let inside = false;
  const n = ring.length - (ring.length % 2);
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i];
    const yi = ring[i + 1];
    const xj = ring[j];
    const yj = ring[j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}
