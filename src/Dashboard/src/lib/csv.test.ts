import { expect, test } from "vitest";
import { toCsv } from "./csv";

test("csv quotes cells with commas, quotes and line breaks", () => {
  expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], ["line\nbreak", 2]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",2\r\n');
});

test("csv leaves empty cells for null and non-finite numbers", () => {
  expect(toCsv(["a", "b", "c"], [[null, Number.NaN, true]])).toBe("a,b,c\r\n,,true\r\n");
});

test("csv neutralises text that a spreadsheet would run as a formula", () => {
  expect(toCsv(["id"], [["=1+1"]])).toBe("id\r\n'=1+1\r\n");
});

test("csv neutralises formulas after a semicolon, where semicolon locales split the cell", () => {
  expect(toCsv(["id", "class"], [[";=1+1", "a;-2;b"], ["=x;@y", 3]])).toBe(`id,class\r\n";'=1+1","a;'-2;b"\r\n"'=x;'@y",3\r\n`);
});
