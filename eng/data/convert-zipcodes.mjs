// Converts the npm package `zipcodes` 8.0.0 (BSD licence, Dav Glass) into the compact
// src/ReferralNetwork/Data/zip-centroids.csv.gz that ZipCentroids loads at startup.
//
//   mkdir -p /tmp/zipsrc && cd /tmp/zipsrc && npm init -y && npm install zipcodes@8.0.0
//   node eng/data/convert-zipcodes.mjs /tmp/zipsrc/node_modules/zipcodes
//
// The output is deterministic (sorted by ZIP, fixed gzip level, no timestamp in the header),
// so regenerating it from the same package version gives a byte-identical file.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const packageDir = resolve(process.argv[2] ?? 'node_modules/zipcodes');
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const output = join(repoRoot, 'src/ReferralNetwork/Data/zip-centroids.csv.gz');

const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
if (manifest.name !== 'zipcodes' || manifest.version !== '8.0.0') {
  throw new Error(`expected zipcodes 8.0.0 in ${packageDir}, found ${manifest.name} ${manifest.version}`);
}

// The 50 states, DC and Puerto Rico. Military (AA, AE, AP) and the other territories are left out.
const kept = new Set(('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO ' +
  'MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR').split(' '));

// Known defects in the source, fixed here so every consumer sees the same data.
// 10200 (New York, NY) has its longitude's sign dropped: 73.95 E instead of 73.95 W.
// 96898 (Wake Island) is filed under HI but is an unorganized territory, not part of Hawaii.
const corrections = { '10200': (r) => ({ ...r, longitude: -Math.abs(r.longitude) }) };
const excluded = new Set(['96898']);

const { codes } = createRequire(import.meta.url)(join(packageDir, 'lib/codes.js'));
const round = (value) => Math.round(value * 1e4) / 1e4;

const rows = Object.values(codes)
  .filter((r) => r.country === 'US' && kept.has(r.state) && !excluded.has(r.zip))
  .map((r) => (corrections[r.zip] ? corrections[r.zip](r) : r))
  .map((r) => {
    const zip = String(r.zip).padStart(5, '0');
    if (!/^\d{5}$/.test(zip)) throw new Error(`bad ZIP ${r.zip}`);
    if (/[",\r\n]/.test(r.city)) throw new Error(`city needs quoting: ${r.city}`);
    if (!Number.isFinite(r.latitude) || !Number.isFinite(r.longitude)) throw new Error(`no coordinates: ${zip}`);
    return { zip, state: r.state, city: r.city, latitude: round(r.latitude), longitude: round(r.longitude) };
  })
  .sort((a, b) => a.zip.localeCompare(b.zip));

const csv = ['zip,state,city,latitude,longitude',
  ...rows.map((r) => `${r.zip},${r.state},${r.city},${r.latitude},${r.longitude}`)].join('\n') + '\n';
writeFileSync(output, gzipSync(Buffer.from(csv, 'utf8'), { level: 9 }));

const states = new Set(rows.map((r) => r.state));
console.log(`wrote ${rows.length} ZIPs in ${states.size} states/districts/territories to ${output}`);
