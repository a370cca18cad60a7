// Usage: node make-trimmed-run.mjs <source run folder> <target folder>
//   e.g. node make-trimmed-run.mjs /path/to/the/full/fortunes-han fortunes-han
// Writes the trimmed copy of the real fortunes-han run that the tests read (see README.md): every epoch, every
// validation sample, the first TRAIN_ROWS train samples by sample_id, and attention for ATTENTION_EPOCHS only.
// DuckDB writes every file (zstd, COMPRESSION_LEVEL) with the source's columns, types and row order.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

const TRAIN_ROWS = 1000;
const ATTENTION_EPOCHS = [1, 2, 5, 18];
const COMPRESSION_LEVEL = 19;

if (process.argv.length !== 4) {
  console.error('Usage: node make-trimmed-run.mjs <source run folder> <target folder>');
  process.exit(2);
}
const source = path.resolve(process.argv[2]);
const target = path.resolve(process.argv[3]);
const sql = (s) => s.replaceAll("'", "''");

const epochs = fs.readdirSync(source).map((f) => /^epoch-(\d+)\.parquet$/.exec(f)?.[1]).filter(Boolean).map(Number).sort((a, b) => a - b);
if (epochs.length === 0) throw new Error(`no epoch-N.parquet in ${source}`);
for (const e of ATTENTION_EPOCHS)
  if (!fs.existsSync(path.join(source, 'attention', `epoch-${e}.parquet`))) throw new Error(`no attention/epoch-${e}.parquet in ${source}`);

const db = await (await DuckDBInstance.create(':memory:')).connect();
const rows = async (s) => (await db.runAndReadAll(s)).getRowObjectsJson();
const columns = async (file) => (await rows(`describe select * from read_parquet('${sql(file)}')`)).map((c) => `${c.column_name} ${c.column_type}`);
const count = async (file) => Number((await rows(`select count(*) as n from read_parquet('${sql(file)}')`))[0].n);
const options = `format parquet, compression zstd, compression_level ${COMPRESSION_LEVEL}`;

// The train samples kept: the same ones in every epoch (the first TRAIN_ROWS train ids of the first epoch).
const first = path.join(source, `epoch-${epochs[0]}.parquet`);
await db.run(`create table kept as select sample_id from read_parquet('${sql(first)}')
  where split = 'train' order by sample_id limit ${TRAIN_ROWS}`);

fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.join(target, 'attention'), { recursive: true });

// run.json: the source's, with the trimming said in its description.
const manifest = JSON.parse(fs.readFileSync(path.join(source, 'run.json'), 'utf8'));
manifest.description = `${manifest.description ?? ''} Trimmed for the tests (tests/data/README.md): the first ${TRAIN_ROWS.toLocaleString('en')} train `
  + `samples by sample_id and every validation sample; attention at epochs ${ATTENTION_EPOCHS.join(', ')} only.`;
manifest.description = manifest.description.trim();
// Arrays of strings on one line, as in the source.
const json = JSON.stringify(manifest, null, 2).replace(/\[\n\s+("[^\]]*?)\n\s*\]/g, (_, items) => `[${items.split(/,\n\s+/).join(', ')}]`);
fs.writeFileSync(path.join(target, 'run.json'), json + '\n');

const copy = async (from, to, where) => {
  // file_row_number keeps the source's row order; the column list stays the source's.
  await db.run(`copy (select * exclude (file_row_number) from read_parquet('${sql(from)}', file_row_number = true)
    ${where} order by file_row_number) to '${sql(to)}' (${options})`);
  const [a, b] = [await columns(from), await columns(to)];
  if (a.join() !== b.join()) throw new Error(`${to}: columns ${b.join(', ')} differ from the source's ${a.join(', ')}`);
};

for (const e of epochs) {
  const from = path.join(source, `epoch-${e}.parquet`);
  const to = path.join(target, `epoch-${e}.parquet`);
  await copy(from, to, `where split <> 'train' or sample_id in (select sample_id from kept)`);
  const [n, expected] = [await count(to), Number((await rows(`select count(*) as n from read_parquet('${sql(from)}')
    where split <> 'train' or sample_id in (select sample_id from kept)`))[0].n)];
  if (n !== expected) throw new Error(`${to}: ${n} rows, expected ${expected}`);
  // Same order as the source: the kept rows' positions in the source increase.
  const disorder = await rows(`with s as (select sample_id, split, file_row_number as pos from read_parquet('${sql(from)}', file_row_number = true)),
      t as (select sample_id, split, file_row_number as pos from read_parquet('${sql(to)}', file_row_number = true))
    select count(*) as n from (select s.pos, lag(s.pos) over (order by t.pos) as prev from t join s using (sample_id, split)) where pos < prev`);
  if (Number(disorder[0].n) !== 0) throw new Error(`${to}: rows out of the source's order`);
}
for (const e of ATTENTION_EPOCHS)
  await copy(path.join(source, 'attention', `epoch-${e}.parquet`), path.join(target, 'attention', `epoch-${e}.parquet`), '');

const summary = await rows(`select split, count(*) as samples from read_parquet('${sql(path.join(target, `epoch-${epochs.at(-1)}.parquet`))}') group by all order by 1`);
const bytes = [...fs.readdirSync(target), ...fs.readdirSync(path.join(target, 'attention')).map((f) => `attention/${f}`)]
  .reduce((sum, f) => sum + (fs.statSync(path.join(target, f)).isFile() ? fs.statSync(path.join(target, f)).size : 0), 0);
console.error(`${target}: epochs ${epochs[0]}..${epochs.at(-1)}, ${summary.map((s) => `${s.split} ${s.samples}`).join(', ')} per epoch, `
  + `attention at epochs ${ATTENTION_EPOCHS.join(', ')}; ${(bytes / 1e6).toFixed(2)} MB`);
