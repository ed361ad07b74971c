// Leaflet as an ES module from its webjar (served by the server at /webjars/...), the one place that names its path.
export * from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
