// One export of a stored Yjs state, in a process of its own so its peak memory is its own: `export.ts` runs it.
// argv: <state file> <format> <title> <output file>. Prints {"ms", "renderMs", "rssBeforeMb", "peakMb", "bytes"} as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import type { ExportFormat } from '../../shared/contracts/exports';
import { renderJson } from '../../server/collab/render';
import { exportFormatters } from '../../server/modules/exports/formats/index';
import { exportSourceOf } from '../../server/modules/exports/formats/readableBody';

const kb = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))![1]);

const [stateFile, format, title, output] = process.argv.slice(2) as [string, ExportFormat, string, string];
const state = new Uint8Array(readFileSync(stateFile));
const formatter = exportFormatters[format]!;
const rssBefore = kb('VmRSS');
const started = performance.now();
// What the `document.export` job does, less the storage: render the state, make the file.
const json = renderJson(state);
const renderMs = performance.now() - started;
const made = await formatter.build(exportSourceOf(title, 'en', json));
const ms = performance.now() - started;
writeFileSync(output, made);
process.stdout.write(
  JSON.stringify({ ms, renderMs, rssBeforeMb: rssBefore / 1024, peakMb: kb('VmHWM') / 1024, bytes: made.length }),
);
