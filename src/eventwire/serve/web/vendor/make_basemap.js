// Builds countries-110m.geojson (the offline basemap) from the npm package world-atlas.
// Run once, by hand, when the basemap should change (it is committed; nothing runs at serve time):
//   mkdir /tmp/basemap && cd /tmp/basemap && npm install world-atlas@2 topojson-client@3
//   NODE_PATH=/tmp/basemap/node_modules node make_basemap.js > countries-110m.geojson
// Antimeridian trap (../shared/DEPENDENCIES.md): world-atlas rings that cross 180° jump from +180
// to -180 between two points, and Leaflet then draws a band across the whole map. Each ring is
// "unwrapped" here: when a step jumps more than 180° of longitude, the rest of the ring is shifted
// by ±360°, so Russia's Chukotka continues east past 180 instead of leaping back to -180.
// Antarctica is left out: its ring circles the pole and cannot be unwrapped into a closed shape.
const topojson = require("topojson-client");
const topology = require("world-atlas/countries-110m.json");

const round = (value) => Math.round(value * 1000) / 1000;

function unwrapRing(ring) {
  let shift = 0;
  let previous = null;
  return ring.map(([lon, lat]) => {
    if (previous !== null) {
      const step = lon + shift - previous;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    previous = lon + shift;
    return [round(lon + shift), round(lat)];
  });
}

function unwrapGeometry(geometry) {
  if (geometry.type === "Polygon") return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === "MultiPolygon") {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

const countries = topojson.feature(topology, topology.objects.countries);
countries.features = countries.features
  .filter((feature) => feature.properties.name !== "Antarctica" && feature.geometry)
  .map((feature) => ({ type: "Feature", id: feature.id, properties: { name: feature.properties.name },
                       geometry: unwrapGeometry(feature.geometry) }));
process.stdout.write(JSON.stringify(countries));
