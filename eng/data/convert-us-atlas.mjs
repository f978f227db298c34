// Converts us-atlas 3.0.1's states-10m.json (TopoJSON, Census cartographic boundaries, public domain) into
// src/ReferralNetwork/Data/state-outlines.json, the state outlines the search page's map draws (Pages/Search/SearchMap.cs).
// Coordinates stay longitude/latitude (the page projects them for the area it shows), as integers in hundredths of a
// degree (about 1 km, finer than a map a few hundred pixels wide can show), each ring a flat [lon, lat, lon, lat, ...].
// Usage: node eng/data/convert-us-atlas.mjs <path to node_modules>   (with us-atlas@3.0.1 and topojson-client@3.1.0)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const modules = process.argv[2];
if (!modules) throw new Error("usage: node eng/data/convert-us-atlas.mjs <node_modules>");
const atlasPackage = JSON.parse(readFileSync(join(modules, "us-atlas", "package.json"), "utf8"));
if (atlasPackage.version !== "3.0.1") throw new Error(`expected us-atlas 3.0.1, found ${atlasPackage.version}`);
const { feature } = createRequire(import.meta.url)(join(modules, "topojson-client"));

const topology = JSON.parse(readFileSync(join(modules, "us-atlas", "states-10m.json"), "utf8"));
const states = feature(topology, topology.objects.states).features
  .map(f => ({
    fips: f.id,
    name: f.properties.name,
    rings: (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates)
      .flatMap(polygon => polygon)
      .map(ring => {
        const flat = [];
        for (const [lon, lat] of ring) {
          const x = Math.round(lon * 100), y = Math.round(lat * 100);
          // Drop a point that rounds onto the one before it.
          if (flat.length && flat[flat.length - 2] === x && flat[flat.length - 1] === y) continue;
          flat.push(x, y);
        }
        return flat;
      })
      .filter(flat => flat.length >= 6),
  }))
  .sort((a, b) => a.fips.localeCompare(b.fips));

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "ReferralNetwork", "Data", "state-outlines.json");
const body = states.map(s => "  " + JSON.stringify(s)).join(",\n");
writeFileSync(out, `{\n "source": "us-atlas 3.0.1 states-10m.json",\n "states": [\n${body}\n ]\n}\n`);
const points = states.reduce((n, s) => n + s.rings.reduce((m, r) => m + r.length / 2, 0), 0);
console.log(`wrote ${states.length} states/territories, ${points} points to ${out}`);
