import { describe, expect, test } from "vitest";
import { tableFromIPC, tableToIPC, tableFromArrays, vectorFromArray, Utf8, LargeUtf8, Table } from "apache-arrow";
import { idColumn } from "./idColumn";

/** A column as the API sends it: written to an IPC stream and read back. */
function roundTrip(table: Table) {
  return tableFromIPC(tableToIPC(table, "stream")).getChild("sampleId")!;
}

describe("the sample-id column", () => {
  test("ASCII ids come back as the strings written, in order", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `train-${String(i).padStart(7, "0")}`);
    const column = roundTrip(new Table({ sampleId: vectorFromArray(ids, new Utf8()) }));
    expect(idColumn(column)).toEqual(ids);
  });

  test("ids with characters beyond ASCII, and empty ones, come back whole", () => {
    const ids = ["é", "naïve-1", "", "日本-2", "plain", "🙂"];
    expect(idColumn(roundTrip(new Table({ sampleId: vectorFromArray(ids, new Utf8()) })))).toEqual(ids);
  });

  test("large_utf8 ids read like utf8 ones", () => {
    const ids = ["a", "bb", "ccc-ü"];
    expect(idColumn(roundTrip(new Table({ sampleId: vectorFromArray(ids, new LargeUtf8()) })))).toEqual(ids);
  });

  test("integer ids are numbers, int64 ones too", () => {
    expect(idColumn(roundTrip(tableFromArrays({ sampleId: Int32Array.from([5, 3, 9]) })))).toEqual([5, 3, 9]);
    expect(idColumn(roundTrip(tableFromArrays({ sampleId: BigInt64Array.from([5n, 2n ** 40n]) })))).toEqual([5, 2 ** 40]);
  });

  test("every chunk of a column is read, at its own offsets", () => {
    const a = new Table({ sampleId: vectorFromArray(["x-1", "x-2"], new Utf8()) });
    const b = new Table({ sampleId: vectorFromArray(["y-ü", "y-4", "y-5"], new Utf8()) });
    expect(idColumn(roundTrip(a.concat(b)))).toEqual(["x-1", "x-2", "y-ü", "y-4", "y-5"]);
  });
});
