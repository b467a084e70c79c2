#!/usr/bin/env bash
# Copies pinned third-party browser builds from the npm registry into web/vendor/.
# Re-runnable: it replaces web/vendor/<package>/ wholesale. Needs npm; run from anywhere.
#
#   web/scripts/vendor.sh
#
# To move to another version, change the pins below, re-run, look at the diff and commit it.
set -euo pipefail

LEAFLET_VERSION="1.9.4"
MARKERCLUSTER_VERSION="1.5.3"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vendor="$(cd "$here/.." && pwd)/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() { # fetch <package> <version> → prints the unpacked directory
  local name="$1" version="$2" dir="$work/$1"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$name@$version" >/dev/null)
  tar -xzf "$dir"/*.tgz -C "$dir"
  echo "$dir/package"
}

copy() { # copy <from> <to>; fails loudly when an expected file is missing
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2"
}

leaflet="$(fetch leaflet "$LEAFLET_VERSION")"
rm -rf "$vendor/leaflet"
copy "$leaflet/dist/leaflet-src.esm.js" "$vendor/leaflet/leaflet-src.esm.js"
# The builds end with a sourceMappingURL comment: ship the maps so browser dev tools do not log 404s.
copy "$leaflet/dist/leaflet-src.esm.js.map" "$vendor/leaflet/leaflet-src.esm.js.map"
copy "$leaflet/dist/leaflet.css" "$vendor/leaflet/leaflet.css"
for image in "$leaflet"/dist/images/*.png; do
  copy "$image" "$vendor/leaflet/images/$(basename "$image")"
done
copy "$leaflet/LICENSE" "$vendor/leaflet/LICENSE"

cluster="$(fetch leaflet.markercluster "$MARKERCLUSTER_VERSION")"
rm -rf "$vendor/leaflet.markercluster"
copy "$cluster/dist/leaflet.markercluster-src.js" "$vendor/leaflet.markercluster/leaflet.markercluster-src.js"
copy "$cluster/dist/leaflet.markercluster-src.js.map" "$vendor/leaflet.markercluster/leaflet.markercluster-src.js.map"
copy "$cluster/dist/MarkerCluster.css" "$vendor/leaflet.markercluster/MarkerCluster.css"
copy "$cluster/MIT-LICENCE.txt" "$vendor/leaflet.markercluster/MIT-LICENCE.txt"

cat > "$vendor/VERSIONS.txt" <<VERSIONS
# Written by web/scripts/vendor.sh; do not edit by hand.
leaflet@$LEAFLET_VERSION                  leaflet/  (dist/leaflet-src.esm.js + .map, dist/leaflet.css, dist/images/, LICENSE)
leaflet.markercluster@$MARKERCLUSTER_VERSION    leaflet.markercluster/  (dist/leaflet.markercluster-src.js + .map, dist/MarkerCluster.css, MIT-LICENCE.txt)
VERSIONS

(cd "$vendor" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
echo "vendored into $vendor:"
(cd "$vendor" && find . -type f | sort)
