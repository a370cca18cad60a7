// Usage: node make-dynamics-expected.mjs [../data/fortunes-han] > fortunes-han-dynamics.json
// The training-dynamics statistics of the real run's validation samples, computed in SQL from the Parquet files
// alone (independently of the product), for the histories the integration tests build: every epoch up to 18, and
// the sparse epochs 2, 8, 13 then 2, 3, 5, 8, 13 (epochs 3 and 5 arriving late). Columns in sample-id order.
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '../data/fortunes-han');
const db = await (await DuckDBInstance.create(':memory:')).connect();
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJson();

// predicted: the first index of the largest score (ties to the lowest class); margin: p(label) − max other p, in float.
await db.run(`create table p as
  select cast(regexp_extract(filename, 'epoch-([0-9]+)\\.parquet$', 1) as int) as epoch, sample_id, label,
         list_position(scores, list_max(scores)) - 1 as predicted,
         scores[label + 1] as pl,
         scores[label + 1] - list_max(list_filter(scores, (x, i) -> i <> label + 1)) as margin
  from read_parquet('${dir}/epoch-*.parquet', filename = true) where split = 'validation'`);

const statistics = async (epochs) => {
  const last = Math.max(...epochs);
  const result = await rows(`
    with h as (select *, predicted = label as ok,
                 lag(predicted = label) over (partition by sample_id order by epoch) as was_ok
               from p where epoch in (${epochs.join(',')})),
    votes as (select sample_id, predicted, count(*) as n from h group by all),
    likely as (select sample_id, predicted as likely from
               (select *, row_number() over (partition by sample_id order by n desc, predicted) as r from votes) where r = 1),
    agg as (select sample_id,
                   avg(pl::double) as confidence, stddev_pop(pl::double) as variability,
                   avg(case when ok then 1.0 else 0.0 end) as correctness,
                   sum(case when was_ok and not ok then 1 else 0 end) as forgettings,
                   max(epoch) filter (where not ok) as last_wrong,
                   arg_max(ok, epoch) as last_ok,
                   avg(margin::double) as aum,
                   sum(case when ok then 0 else 1 end) as mispredictions
            from h group by all),
    at_e as (select sample_id, pl, margin from h where epoch = ${last})
    select agg.sample_id, confidence, variability, correctness, forgettings,
           case when last_ok then (select min(epoch) from h where h.sample_id = agg.sample_id and epoch > coalesce(last_wrong, -1)) end as first_learned,
           aum, at_e.pl as self_confidence, (at_e.margin::double + 1) / 2 as normalized_margin, aum < 0 as suspect, likely, mispredictions
    from agg join at_e using (sample_id) join likely using (sample_id)
    order by agg.sample_id`);
  const column = (name, f = Number) => result.map((r) => (r[name] === null ? null : f(r[name])));
  return {
    epochs, sampleId: column('sample_id', String), confidence: column('confidence'), variability: column('variability'),
    correctness: column('correctness'), forgettings: column('forgettings'), firstLearned: column('first_learned'),
    aum: column('aum'), selfConfidence: column('self_confidence'), normalizedMargin: column('normalized_margin'),
    suspect: column('suspect', Boolean), likely: column('likely'), mispredictions: column('mispredictions'),
  };
};

const confusion = async () => {
  const cells = await rows(`select epoch, label, predicted, count(*) as n from p where label <> predicted group by all`);
  const counts = new Map();
  for (const c of cells) {
    const key = `${c.label},${c.predicted}`;
    if (!counts.has(key)) counts.set(key, Array(18).fill(0));
    counts.get(key)[Number(c.epoch) - 1] = Number(c.n);
  }
  return [...counts].map(([key, perEpoch]) => ({ label: Number(key.split(',')[0]), predicted: Number(key.split(',')[1]), counts: perEpoch }));
};

console.log(JSON.stringify({
  all18: await statistics([...Array(18).keys()].map((e) => e + 1)),
  sparseBefore: await statistics([2, 8, 13]),
  sparseAfter: await statistics([2, 3, 5, 8, 13]),
  confusionCells: await confusion(),
}));
