/**
 * Loads the vendored Leaflet.markercluster 1.5.3 into this ES-module page.
 *
 * The plugin is a UMD script that expects a global, mutable `L` (it adds `L.MarkerClusterGroup` and patches
 * `L.Marker`). Leaflet's ESM build defines no global, and its module namespace object is frozen, so this module
 * publishes a plain-object copy of the namespace as `window.L` (the classes inside are the very same objects, so
 * the plugin's patches reach our markers) and then runs the plugin as a classic script. Top-level await makes every
 * importer wait until the plugin is ready.
 *
 * If the script cannot be loaded, `createClusterGroup` falls back to an unclustered feature group, so stations are
 * still shown (slower with thousands) rather than the page failing.
 */
import * as Leaflet from 'leaflet';

const PLUGIN_URL = new URL('../../vendor/leaflet.markercluster/leaflet.markercluster-src.js', import.meta.url);

const globalL = globalThis.L && globalThis.L.version === Leaflet.version ? globalThis.L : { ...Leaflet };
globalThis.L = globalL;

function loadClassicScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = false;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}

let pluginError = null;
if (typeof globalL.markerClusterGroup !== 'function') {
  try {
    await loadClassicScript(PLUGIN_URL.href);
  } catch (error) {
    pluginError = error;
    console.warn('Leaflet.markercluster unavailable; stations are drawn without clustering.', error);
  }
}

/** True when clustering is available. */
export const clusteringAvailable = typeof globalL.markerClusterGroup === 'function';

/** Why clustering is unavailable (null when it is). */
export const clusteringError = pluginError;

/** A MarkerClusterGroup with the given options, or a plain FeatureGroup when the plugin failed to load. */
export function createClusterGroup(options) {
  return clusteringAvailable ? globalL.markerClusterGroup(options) : Leaflet.featureGroup();
}
