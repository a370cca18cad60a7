// Usage: node make-expected.mjs [../data/fortunes-han] > fortunes-han.json
// Every number follows API.md's definitions, computed in SQL independently of the product.
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '../data/fortunes-han');
const db = await (await DuckDBInstance.create(':memory:')).connect();
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJson();

await db.run(`create table p as
  select cast(regexp_extract(filename, 'epoch-([0-9]+)\\.parquet$', 1) as int) as epoch, sample_id, split, label, scores,
         list_position(scores, list_max(scores)) - 1 as predicted
  from read_parquet('${dir}/epoch-*.parquet', filename = true)`);
await db.run(`create table a as
  select cast(regexp_extract(filename, 'epoch-([0-9]+)\\.parquet$', 1) as int) as epoch, *
  from read_parquet('${dir}/attention/epoch-*.parquet', filename = true)`);

const splits = await rows(`select epoch, split, count(*) as samples, sum(case when predicted = label then 1 else 0 end) as correct,
  avg(-ln(greatest(scores[label + 1], 1e-12))) as loss from p group by all order by epoch, split`);

const last = 18;
const classes = await rows(`select predicted as "index", count(*) as predicted, sum(case when predicted = label then 1 else 0 end) as correct,
  avg(scores[predicted + 1]) as "meanScore" from p where epoch = ${last} and split = 'validation' group by all order by 1`);
const labelled = await rows(`select label as "index", count(*) as labelled from p where epoch = ${last} and split = 'validation' group by all order by 1`);
const confusion = await rows(`select label, predicted, count(*) as n from p where epoch = ${last} and split = 'validation' group by all`);

const mispredictions = async (epoch) => Object.fromEntries((await rows(`select sample_id, sum(case when predicted <> label then 1 else 0 end) as k
  from p where split = 'validation' and epoch <= ${epoch} group by all`)).map((r) => [r.sample_id, Number(r.k)]));

const keywords = await rows(`with per_class as (
    select p.predicted, lower(a.token) as text, sum(a.word_weight * a.sentence_weight) as w
    from a join p on p.epoch = a.epoch and p.sample_id = a.sample_id and p.split = 'validation'
    where a.epoch = ${last} group by all),
  counts as (select p.predicted, count(distinct p.sample_id) as n from p join (select distinct sample_id from a where epoch = ${last}) s using (sample_id)
    where p.epoch = ${last} and p.split = 'validation' group by all),
  ranked as (select per_class.predicted, text, w / n as weight, row_number() over (partition by per_class.predicted order by w desc, text) as r
    from per_class join counts using (predicted))
  select predicted, text, weight from ranked where r <= 5 order by predicted, r`);

const sample = (await rows(`select min(sample_id) as id from p where split = 'validation'`))[0].id;
const attentionRows = await rows(`select sentence, position, token, word_weight, sentence_weight from a
  where epoch = ${last} and sample_id = (select min(sample_id) from a where epoch = ${last}) order by sentence, position`);
const attentionSample = (await rows(`select min(sample_id) as id from a where epoch = ${last}`))[0].id;

const matrix = Array.from({ length: 20 }, () => Array(20).fill(0));
for (const c of confusion) matrix[c.label][c.predicted] = Number(c.n);

console.log(JSON.stringify({
  epochs: splits.map((s) => ({ epoch: Number(s.epoch), split: s.split, samples: Number(s.samples), correct: Number(s.correct), loss: Number(s.loss) })),
  lastEpoch: last,
  classes: classes.map((c) => ({ index: Number(c.index), predicted: Number(c.predicted), correct: Number(c.correct), meanScore: Number(c.meanScore),
    labelled: Number(labelled.find((l) => l.index === c.index)?.labelled ?? 0) })),
  confusion: matrix,
  mispredictionsAt5: await mispredictions(5),
  mispredictionsAt18: await mispredictions(last),
  keywords: keywords.map((k) => ({ predicted: Number(k.predicted), text: k.text, weight: Number(k.weight) })),
  attention: { sampleId: attentionSample, tokens: attentionRows.map((r) => ({ sentence: Number(r.sentence), position: Number(r.position), token: r.token,
    wordWeight: Number(r.word_weight), sentenceWeight: Number(r.sentence_weight) })) },
  historySample: sample,
  history: (await rows(`select epoch, predicted, scores[predicted + 1] as score, label from p where split = 'validation' and sample_id = '${sample}' order by epoch`))
    .map((h) => ({ epoch: Number(h.epoch), predicted: Number(h.predicted), score: Number(h.score), label: Number(h.label) })),
}, null, 1));
