// The import reader: uploaded workbooks loaded on a thread of their own (a 10,000-row file held
// the server's event loop for most of a second in ExcelJS's load). One thread serves every read,
// each keyed by its id. Messages: { id, data, headers } in; out { id, rows } chunks, then
// { id, end: { found, rows } } or { id, end: { error } }, or { id, fault } when the read broke.
// Bundled as its own entry (package.json build:server) next to main.js.
import { parentPort } from 'node:worker_threads';
import { readSheetText } from './spreadsheets/xlsx-cells.js';

const port = parentPort;
if (!port) throw new Error('xlsx-reader runs as a worker thread');
port.on('message', (m: { id: number; data: Uint8Array; headers: string[] }) => {
  readSheetText(m.data, m.headers, (rows) => port.postMessage({ id: m.id, rows })).then(
    (end) => port.postMessage({ id: m.id, end }),
    (err: unknown) => port.postMessage({ id: m.id, fault: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
