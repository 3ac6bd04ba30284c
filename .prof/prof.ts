import Database from '/work/wt/audit/node_modules/better-sqlite3';
import { ChainHasher, GENESIS_HASH } from '/work/wt/audit/src/shared/eventstore/event-chain';
const db = new Database(process.argv[2], { readonly: true });
const sql = (cols: string) => db.prepare(`SELECT ${cols} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw();
function time(name: string, cols: string, work?: (r: any[]) => void) {
  const st = sql(cols);
  const t = performance.now(); let after = 0; let n = 0;
  for (;;) { const rows = st.all(after, 10000) as any[][]; if (!rows.length) break; after = rows[rows.length-1][0]; n += rows.length; if (work) for (const r of rows) work(r); }
  console.log(name, Math.round(n / (performance.now() - t) * 1000), 'ev/s');
}
time('position only', 'position');
time('all cols', 'position, stream, revision, event_id, type, data, actor, correlation_id, causation_id, occurred_at, schema_version, metadata_extra, hash');
const h = new ChainHasher();
time('all cols + hash', 'position, stream, revision, event_id, type, data, actor, correlation_id, causation_id, occurred_at, schema_version, metadata_extra, hash', (r) => { h.hashOf(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], GENESIS_HASH); });
time('iterate all cols', 'position, stream, revision, event_id, type, data, actor, correlation_id, causation_id, occurred_at, schema_version, metadata_extra, hash');
