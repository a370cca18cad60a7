// The writer matrix: two epochs of a real run (the first and the last present), each in both score forms
// (a `scores` list, and wide `score_<class>` columns named after run.json's classes), written by every
// Parquet writer this folder installs, with the options that make their files differ (page v1 and v2,
// nullable columns, dictionary strings, legacy repeated lists, int32/int64 labels, float/double scores,
// integer sample ids). Then DuckDB reads each written file and computes, per split, the samples and the
// correct predictions (argmax of the scores, a tie to the lowest class index, as Definitions.Predicted):
// the integration tests ingest every file and compare the product's run summary with these numbers.
// One more file holds its scores as JSON text; the product must reject it naming `scores`.
//
//   node make-writer-matrix.mjs <runFolder> <outFolder>
//
// <outFolder> gets the files, run.json (copied from the run) and matrix.json. The output is the same
// for the same input: rows keep the run's file order and nothing is random.

import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import * as parquetWasm from 'parquet-wasm';
import pl from 'nodejs-polars';
import parquetjsLib from '@dsnp/parquetjs';
import { parquetWriteFile } from 'hyparquet-writer';

const [runArg, outArg] = process.argv.slice(2);
if (!runArg || !outArg) {
  console.error('usage: node make-writer-matrix.mjs <runFolder> <outFolder>');
  process.exit(2);
}
const RUN = resolve(runArg);
const OUT = resolve(outArg);
const started = Date.now();
const log = (line) => console.log(`[writer-matrix ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);

if (!existsSync(join(RUN, 'run.json'))) {
  console.error(`${RUN} holds no run.json: give the folder of a run (run.json and epoch-N.parquet files), e.g. tests/data/fortunes-han.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(join(RUN, 'run.json'), 'utf8'));
const CLASSES = manifest.classes;
if (!Array.isArray(CLASSES) || CLASSES.length < 2) throw new Error(`${RUN}/run.json has no classes`);
const epochs = readdirSync(RUN)
  .map((f) => /^epoch-0*(\d+)\.parquet$/.exec(f))
  .filter(Boolean)
  .map((m) => ({ epoch: Number(m[1]), file: join(RUN, m[0]) }))
  .sort((a, b) => a.epoch - b.epoch);
if (epochs.length === 0) throw new Error(`no epoch-N.parquet in ${RUN}`);
const chosen = epochs.length === 1 ? [epochs[0]] : [epochs[0], epochs.at(-1)];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'run.json'), readFileSync(join(RUN, 'run.json')));
log(`run ${RUN}: ${CLASSES.length} classes, epochs ${epochs.map((e) => e.epoch).join(',')}; matrix of epochs ${chosen.map((e) => e.epoch).join(' and ')} into ${OUT}`);

const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJson();
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
const id = (s) => `"${String(s).replace(/"/g, '""')}"`;
const wideName = (c) => `score_${c}`;

// ------------------------------------------------------------------ the source epoch, as JS arrays

/** One epoch of the run, in file order: DuckDB table src_<epoch> plus the columns as JS arrays. */
async function loadEpoch({ epoch, file }) {
  const table = `src_${epoch}`;
  await db.run(`create table ${table} as select sample_id::varchar as sample_id, split::varchar as split, label::int as label,
    scores::float[] as scores, ${epoch}::int as epoch from read_parquet(${q(file)}, file_row_number = true) order by file_row_number`);
  const reader = await db.runAndReadAll(`select sample_id, split, label, scores from ${table}`);
  const data = reader.getColumnsJS();
  const [sampleId, split, label] = data.slice(0, 3).map((c) => c.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
  const scores = data[3].map((v) => Float32Array.from(v.items ?? v));
  if (scores.some((s) => s.length !== CLASSES.length)) throw new Error(`epoch ${epoch}: a score vector is not of length ${CLASSES.length}`);
  const intId = sampleId.map((s) => Number(String(s).replace(/\D/g, '')));
  if (new Set(intId).size !== intId.length || intId.some((n) => !Number.isSafeInteger(n)))
    throw new Error(`epoch ${epoch}: the sample ids do not map to distinct integers`);
  return { epoch, table, n: sampleId.length, sampleId, intId, split, label, scores };
}

// ------------------------------------------------------------------ writers

const entries = [];
function add(entry) {
  entries.push(entry);
  log(`wrote ${entry.file} (${entry.writer}; ${entry.options})`);
}
const fileName = (writer, variant, form, epoch) => `${writer}-${variant}-${form}-e${epoch}.parquet`;

/** DuckDB: COPY straight from the source table, so values and order are the run's. */
async function duckdb(src, form, variant) {
  const v2 = variant === 'v2';
  // page v1: DuckDB's defaults (snappy, dictionary strings, int32 labels, float scores).
  // page v2: PARQUET_VERSION V2, zstd, row groups of 2,048 rows; list form with int64 labels and double
  // scores, wide form with labels as class names and double scores.
  const classList = `[${CLASSES.map(q).join(', ')}]`;
  const label = !v2 ? 'label' : form === 'list' ? 'label::bigint as label' : `${classList}[label + 1] as label`;
  const scoreType = v2 ? 'double' : 'float';
  const scores = form === 'list'
    ? `scores::${scoreType}[] as scores`
    : CLASSES.map((c, k) => `scores[${k + 1}]::${scoreType} as ${id(wideName(c))}`).join(', ');
  const file = fileName('duckdb', variant, form, src.epoch);
  const options = v2 ? ", PARQUET_VERSION V2, COMPRESSION zstd, ROW_GROUP_SIZE 2048" : '';
  await db.run(`copy (select sample_id, split, ${label}, ${scores}, epoch from ${src.table} order by rowid)
    to ${q(join(OUT, file))} (format parquet${options})`);
  add({
    writer: 'duckdb', variant, form, epoch: src.epoch, file,
    options: v2
      ? `PARQUET_VERSION V2 (the v2 encodings: delta integers and strings, byte-stream-split floats; DuckDB frames them in data page v1 headers), zstd, row groups of 2048; ${form === 'list' ? 'label int64, scores list<double>' : 'label = class name (string), score_<class> double'}`
      : `defaults (snappy, PARQUET_VERSION V1); label int32, ${form === 'list' ? 'scores list<float>' : 'score_<class> float'}`,
  });
}

/** arrow-rs through parquet-wasm: an Arrow table whose every column is nullable (as Arrow's are). */
function arrowRs(src, form, variant) {
  const v2 = variant === 'v2';
  const fields = [];
  const columns = {};
  const column = (name, type, values) => {
    fields.push(new arrow.Field(name, type, true));
    columns[name] = arrow.vectorFromArray(values, type);
  };
  const intIds = form === 'wide' && !v2;
  if (intIds) column('sample_id', new arrow.Int64(), src.intId.map(BigInt));
  else column('sample_id', new arrow.Utf8(), src.sampleId);
  // The wide v1 file holds split as an Arrow dictionary column (pandas' category), the others as utf8;
  // parquet dictionary encoding is arrow-rs's default for every column.
  if (form === 'wide' && !v2) column('split', new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()), src.split);
  else column('split', new arrow.Utf8(), src.split);
  // Labels: int64 in the v1 list file, class names (utf8) in the v2 wide file, int32 elsewhere.
  const labelType = form === 'list' && !v2 ? 'int64' : form === 'wide' && v2 ? 'utf8 class name' : 'int32';
  if (labelType === 'int64') column('label', new arrow.Int64(), src.label.map(BigInt));
  else if (labelType === 'int32') column('label', new arrow.Int32(), src.label);
  else column('label', new arrow.Utf8(), src.label.map((l) => CLASSES[l]));
  const element = v2 ? new arrow.Float64() : new arrow.Float32();
  if (form === 'list') column('scores', new arrow.List(new arrow.Field('item', element, true)), src.scores.map((s) => Array.from(s)));
  else CLASSES.forEach((c, k) => column(wideName(c), element, src.scores.map((s) => s[k])));
  column('epoch', new arrow.Int32(), new Array(src.n).fill(src.epoch));

  const table = new arrow.Table(new arrow.Schema(fields), columns);
  const wasmTable = parquetWasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  let builder = new parquetWasm.WriterPropertiesBuilder();
  if (v2) builder = builder.setWriterVersion(parquetWasm.WriterVersion.V2).setCompression(parquetWasm.Compression.ZSTD).setDataPageSizeLimit(8192).setWriteBatchSize(256);
  const file = fileName('arrow-rs', variant, form, src.epoch);
  writeFileSync(join(OUT, file), parquetWasm.writeParquet(wasmTable, builder.build()));
  add({
    writer: 'arrow-rs', variant, form, epoch: src.epoch, file,
    options: `parquet-wasm, ${v2 ? 'WriterVersion V2 (data page v2), zstd, data pages of at most 8 KiB (several per column, as in a large file)' : 'defaults (WriterVersion V1, uncompressed)'}; nullable columns, dictionary-encoded strings; `
      + `sample_id ${intIds ? 'int64' : 'utf8'}, split ${form === 'wide' && !v2 ? 'dictionary<int32, utf8>' : 'utf8'}, label ${labelType}, `
      + (form === 'list' ? `scores list<${v2 ? 'double' : 'float'}>` : `score_<class> ${v2 ? 'double' : 'float'}`),
  });
}

/** polars (nodejs-polars): writeParquet with its defaults. */
function polars(src, form) {
  const series = [
    pl.Series('sample_id', src.sampleId, pl.Utf8),
    pl.Series('split', src.split, pl.Utf8),
    form === 'list' ? pl.Series('label', src.label, pl.Int64) : pl.Series('label', src.label, pl.Int32),
  ];
  if (form === 'list') series.push(pl.Series('scores', src.scores.map((s) => Array.from(s)), pl.List(pl.Float32)));
  else CLASSES.forEach((c, k) => series.push(pl.Series(wideName(c), src.scores.map((s) => s[k]), pl.Float64)));
  series.push(pl.Series('epoch', new Array(src.n).fill(src.epoch), pl.Int32));
  const file = fileName('polars', 'default', form, src.epoch);
  pl.DataFrame(series).writeParquet(join(OUT, file));
  add({
    writer: 'polars', variant: 'default', form, epoch: src.epoch, file,
    options: `nodejs-polars writeParquet defaults; ${form === 'list' ? 'label int64, scores list<float>' : 'label int32, score_<class> double'}`,
  });
}

/** parquetjs (@dsnp/parquetjs): scores as a legacy repeated field (no LIST group), page v1 or v2. */
async function parquetjs(src, form, variant) {
  const v2 = variant === 'v2';
  const scoreType = v2 ? 'DOUBLE' : 'FLOAT';
  const intIds = form === 'wide' && !v2;
  const schema = {
    sample_id: intIds ? { type: 'INT64' } : { type: 'UTF8' },
    split: { type: 'UTF8' },
    label: { type: v2 ? 'INT64' : 'INT32' },
  };
  if (form === 'list') schema.scores = { type: scoreType, repeated: true };
  else CLASSES.forEach((c) => { schema[wideName(c)] = { type: scoreType }; });
  schema.epoch = { type: 'INT32' };
  if (v2) for (const field of Object.values(schema)) field.compression = 'GZIP';

  const file = fileName('parquetjs', variant, form, src.epoch);
  const writer = await parquetjsLib.ParquetWriter.openFile(new parquetjsLib.ParquetSchema(schema), join(OUT, file), { useDataPageV2: v2 });
  for (let i = 0; i < src.n; i++) {
    const row = { sample_id: intIds ? src.intId[i] : src.sampleId[i], split: src.split[i], label: src.label[i], epoch: src.epoch };
    if (form === 'list') row.scores = Array.from(src.scores[i]);
    else CLASSES.forEach((c, k) => { row[wideName(c)] = src.scores[i][k]; });
    await writer.appendRow(row);
  }
  await writer.close();
  add({
    writer: 'parquetjs', variant, form, epoch: src.epoch, file,
    options: `@dsnp/parquetjs, useDataPageV2: ${v2}${v2 ? ', gzip' : ', uncompressed'}; required columns; sample_id ${intIds ? 'int64' : 'utf8'}, label ${v2 ? 'int64' : 'int32'}, `
      + (form === 'list' ? `scores a legacy repeated ${scoreType.toLowerCase()} field` : `score_<class> ${scoreType.toLowerCase()}`),
  });
}

/** hyparquet-writer: its defaults (snappy); the list as a standard 3-level LIST of float. */
function hyparquet(src, form) {
  const columnData = [
    { name: 'sample_id', data: src.sampleId },
    { name: 'split', data: src.split },
    { name: 'label', data: Int32Array.from(src.label) },
  ];
  const schema = [
    { name: 'root', num_children: 5 },
    { name: 'sample_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    { name: 'split', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    { name: 'label', type: 'INT32', repetition_type: 'OPTIONAL' },
  ];
  if (form === 'list') {
    columnData.push({ name: 'scores', data: src.scores.map((s) => Array.from(s)) });
    schema.push(
      { name: 'scores', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', type: 'FLOAT', repetition_type: 'OPTIONAL' },
    );
  } else {
    CLASSES.forEach((c, k) => {
      columnData.push({ name: wideName(c), data: Float32Array.from(src.scores, (s) => s[k]) });
      schema.push({ name: wideName(c), type: 'FLOAT', repetition_type: 'OPTIONAL' });
    });
    schema[0].num_children = 4 + CLASSES.length;
  }
  columnData.push({ name: 'epoch', data: new Int32Array(src.n).fill(src.epoch) });
  schema.push({ name: 'epoch', type: 'INT32', repetition_type: 'OPTIONAL' });
  const file = fileName('hyparquet', 'default', form, src.epoch);
  parquetWriteFile({ filename: join(OUT, file), columnData, schema });
  add({
    writer: 'hyparquet-writer', variant: 'default', form, epoch: src.epoch, file,
    options: `defaults (snappy); optional columns; label int32, ${form === 'list' ? 'scores 3-level LIST of float' : 'score_<class> float'}`,
  });
}

/** A file whose scores are JSON text: the product must reject it naming `scores`. */
async function jsonText(src) {
  const file = `duckdb-json-text-scores-e${src.epoch}.parquet`;
  await db.run(`copy (select sample_id, split, label, scores::varchar as scores, epoch from ${src.table} order by rowid)
    to ${q(join(OUT, file))} (format parquet)`);
  add({ writer: 'duckdb', variant: 'json-text', form: 'list', epoch: src.epoch, file, options: 'scores as JSON text (a string like "[0.05, 0.10, ...]")', reject: 'scores' });
}

// ------------------------------------------------------------------ what each file holds

/** Page types found in a file: the type of every page header of every column chunk (a compact-thrift walk). */
async function pageKinds(path) {
  const chunks = await rows(`select coalesce(dictionary_page_offset, data_page_offset) as start, total_compressed_size as size
    from parquet_metadata(${q(path)})`);
  const fd = openSync(path, 'r');
  const kinds = new Set();
  try {
    for (const chunk of chunks) {
      const start = Number(chunk.start);
      const buffer = Buffer.alloc(Number(chunk.size));
      readSync(fd, buffer, 0, buffer.length, start);
      let at = 0;
      while (at < buffer.length) {
        const header = readPageHeader(buffer, at);
        kinds.add({ 0: 'v1', 2: 'dictionary', 3: 'v2' }[header.type] ?? `type ${header.type}`);
        at = header.end + header.compressedSize;
      }
    }
  } finally { closeSync(fd); }
  return ['dictionary', 'v1', 'v2'].filter((k) => kinds.has(k)).concat([...kinds].filter((k) => !['dictionary', 'v1', 'v2'].includes(k)));
}

function readPageHeader(b, at) {
  const varint = () => { let r = 0n, s = 0n, x; do { x = b[at++]; r |= BigInt(x & 0x7f) << s; s += 7n; } while (x & 0x80); return r; };
  const zigzag = () => { const v = varint(); return Number((v >> 1n) ^ -(v & 1n)); };
  const skip = (t) => {
    switch (t) {
      case 1: case 2: return;
      case 3: at++; return;
      case 4: case 5: case 6: varint(); return;
      case 7: at += 8; return;
      case 8: { const n = Number(varint()); at += n; return; }
      case 9: case 10: { const h = b[at++]; let n = h >> 4; const et = h & 0x0f; if (n === 15) n = Number(varint()); for (let i = 0; i < n; i++) (et === 1 || et === 2) ? at++ : skip(et); return; }
      case 11: { const n = Number(varint()); if (n > 0) { const kv = b[at++]; for (let i = 0; i < n; i++) { skip(kv >> 4); skip(kv & 0x0f); } } return; }
      case 12: struct(() => {}); return;
      default: throw new Error(`unknown thrift type ${t}`);
    }
  };
  const struct = (onField) => {
    let last = 0;
    for (;;) {
      const h = b[at++];
      if (h === 0) return;
      const delta = h >> 4, t = h & 0x0f;
      const field = delta ? last + delta : zigzag();
      last = field;
      if (!onField(field, t)) skip(t);
    }
  };
  const header = {};
  struct((field, t) => {
    if (t === 5 && field >= 1 && field <= 3) { header[['type', 'uncompressedSize', 'compressedSize'][field - 1]] = zigzag(); return true; }
    return false;
  });
  return { ...header, end: at };
}

/** DuckDB's numbers for one written file: per split, samples and correct (argmax, a tie to the lowest index). */
async function expected(entry) {
  const path = join(OUT, entry.file);
  const columns = Object.fromEntries((await rows(`describe select * from read_parquet(${q(path)})`)).map((c) => [c.column_name, c.column_type]));
  const labelExpr = columns.label === 'VARCHAR' ? `list_position([${CLASSES.map(q).join(', ')}], label) - 1` : 'label';
  const scoresExpr = entry.form === 'list' ? 'scores' : `list_value(${CLASSES.map((c) => id(wideName(c))).join(', ')})`;
  const splits = await rows(`with t as (select coalesce(split, 'all') as split, ${labelExpr} as label, ${scoresExpr} as s from read_parquet(${q(path)}))
    select split, count(*) as samples, sum(case when list_position(s, list_max(s)) - 1 = label then 1 else 0 end) as correct
    from t group by split order by split`);
  return {
    columns,
    splits: Object.fromEntries(splits.map((s) => [s.split, { samples: Number(s.samples), correct: Number(s.correct) }])),
  };
}

// ------------------------------------------------------------------ the matrix

const sources = [];
for (const e of chosen) {
  const src = await loadEpoch(e);
  sources.push(src);
  const ties = await rows(`select count(*) as n from ${src.table} where len(list_filter(scores, x -> x = list_max(scores))) > 1`);
  log(`epoch ${src.epoch}: ${src.n} rows read from ${e.file} (${Number(ties[0].n)} rows with a tie for the top score)`);
  for (const form of ['list', 'wide']) {
    for (const variant of ['v1', 'v2']) await duckdb(src, form, variant);
    for (const variant of ['v1', 'v2']) arrowRs(src, form, variant);
    polars(src, form);
    for (const variant of ['v1', 'v2']) await parquetjs(src, form, variant);
    hyparquet(src, form);
  }
}
await jsonText(sources[0]);

// DuckDB's numbers from the source file itself: every written file must hold the same (a writer that
// loses or changes rows would otherwise go unnoticed).
const sourceNumbers = {};
for (const src of sources) {
  const splits = await rows(`select split, count(*) as samples, sum(case when list_position(scores, list_max(scores)) - 1 = label then 1 else 0 end) as correct
    from ${src.table} group by split order by split`);
  sourceNumbers[src.epoch] = Object.fromEntries(splits.map((s) => [s.split, { samples: Number(s.samples), correct: Number(s.correct) }]));
}

let mismatches = 0;
for (const entry of entries) {
  entry.pages = await pageKinds(join(OUT, entry.file));
  if (entry.reject) { log(`${entry.file}: must be rejected naming ${entry.reject}; pages ${entry.pages.join('+')}`); continue; }
  const { columns, splits } = await expected(entry);
  entry.types = { sample_id: columns.sample_id, label: columns.label, scores: entry.form === 'list' ? columns.scores : columns[wideName(CLASSES[0])] };
  entry.splits = splits;
  const same = JSON.stringify(splits) === JSON.stringify(sourceNumbers[entry.epoch]);
  if (!same) mismatches++;
  log(`${entry.file}: pages ${entry.pages.join('+')}; ${Object.entries(splits).map(([s, v]) => `${s} ${v.correct}/${v.samples}`).join(', ')}${same ? '' : ' ≠ the source file\'s numbers!'}`);
}

writeFileSync(join(OUT, 'matrix.json'), JSON.stringify({
  run: { folder: runArg, classes: CLASSES.length, epochs: sources.map((s) => s.epoch) },
  source: sourceNumbers,
  files: entries.map(({ writer, variant, options, form, epoch, file, pages, types, splits, reject }) =>
    ({ file, writer, variant, options, form, epoch, pages, ...(reject ? { reject } : { types, splits }) })),
}, null, 1) + '\n');
log(`${entries.length} files and matrix.json in ${OUT}`);
if (mismatches) {
  console.error(`${mismatches} written file(s) hold other numbers than their source epoch: a writer lost or changed rows.`);
  process.exit(1);
}
