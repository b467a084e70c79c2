/**
 * The rider page's map: the rider's position, the stations found (numbered by rank), and the route to the selected
 * one. Tapping the map picks a position. DOM/Leaflet code; text from the server goes in via textContent only.
 */
import * as L from 'leaflet';

/**
 * @param {HTMLElement} container
 * @param {{center: [number, number], zoom: number, onPick: (lat: number, lon: number) => void, onSelect: (id) => void}} o
 */
export function createFindMap(container, { center, zoom, onPick, onSelect }) {
  const map = L.map(container, { attributionControl: false, zoomControl: true, minZoom: 3, maxZoom: 19 });
  map.setView(center, zoom);
  const stations = L.layerGroup().addTo(map);
  const route = L.layerGroup().addTo(map);
  let origin = null;

  map.on('click', (e) => onPick(e.latlng.lat, e.latlng.lng));

  function setOrigin(position, label) {
    if (origin) {
      origin.remove();
      origin = null;
    }
    if (!position) {
      return;
    }
    origin = L.marker([position.lat, position.lon], {
      icon: L.divIcon({ className: 'find-origin', html: '<span></span>', iconSize: [22, 22] }),
      keyboard: false,
      title: label,
    }).addTo(map);
    const el = container.querySelector('.find-origin');
    if (el) {
      el.dataset.testid = 'origin';
      el.dataset.lat = position.lat.toFixed(6);
      el.dataset.lon = position.lon.toFixed(6);
    }
  }

  function setStations(results, selectedId) {
    stations.clearLayers();
    for (const r of results) {
      const [lon, lat] = r.geometry.coordinates;
      const html = document.createElement('span');
      html.textContent = String(r.rank);
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({
          className: `find-marker${r.id === selectedId ? ' is-selected' : ''}`,
          html,
          iconSize: [30, 30],
        }),
        title: r.name,
        riseOnHover: true,
      });
      marker.on('click', () => onSelect(r.id));
      marker.addTo(stations);
      const el = marker.getElement();
      if (el) {
        el.dataset.stationId = String(r.id);
      }
    }
  }

  /** Draws the route (GeoJSON LineString, may be null) with dashed links from the position and to the station. */
  function showRoute(result, position) {
    route.clearLayers();
    if (!result) {
      return;
    }
    const [slon, slat] = result.geometry.coordinates;
    const line = result.route && Array.isArray(result.route.coordinates) ? result.route.coordinates : null;
    if (line && line.length > 1) {
      const latlngs = line.map(([lon, lat]) => [lat, lon]);
      L.polyline(latlngs, { className: 'find-route', color: '#c2410c', weight: 6, opacity: 0.9 }).addTo(route);
      const dash = { className: 'find-route-link', color: '#111', weight: 3, dashArray: '4 6' };
      if (position) {
        L.polyline([[position.lat, position.lon], latlngs[0]], dash).addTo(route);
      }
      L.polyline([latlngs[latlngs.length - 1], [slat, slon]], dash).addTo(route);
    } else if (position) {
      // straight-line answer: no route, only the direction
      L.polyline([[position.lat, position.lon], [slat, slon]], {
        className: 'find-route-straight',
        color: '#111',
        weight: 3,
        dashArray: '8 8',
      }).addTo(route);
    }
  }

  /** Zooms to the position and the first results. */
  function fit(position, results) {
    const points = results.slice(0, 3).map((r) => [r.geometry.coordinates[1], r.geometry.coordinates[0]]);
    if (position) {
      points.push([position.lat, position.lon]);
    }
    if (points.length > 1) {
      map.fitBounds(L.latLngBounds(points), { padding: [28, 28], maxZoom: 16 });
    } else if (points.length === 1) {
      map.setView(points[0], 15);
    }
  }

  return { map, setOrigin, setStations, showRoute, fit };
}
