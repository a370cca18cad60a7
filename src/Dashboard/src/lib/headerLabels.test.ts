import { describe, expect, test } from "vitest";
import { cutLabel, headerLabels } from "./headerLabels";

/** The horizontal extent of each column's widest label, as the view writes them (centred in the column). */
function extents(plan: ReturnType<typeof headerLabels>, widestCount: number) {
  const name = plan.rotate ? 11 /* a line of 11 px text, turned */ : plan.nameChars * 11 * 0.6;
  const counts = plan.counts ? widestCount * 10 * 0.6 : 0;
  return Math.max(name, counts);
}

describe("the column labels", () => {
  test("four classes on a wide screen: names across, counts under them", () => {
    expect(headerLabels({ pitch: 400, longestName: 12, widestCount: 5 })).toEqual({ rotate: false, height: 40, counts: true, nameChars: 12 });
  });

  test("70 classes of 11,000 samples on 1,600 px: names like C50.4 turn upwards, the counts move to the tooltips", () => {
    const plan = headerLabels({ pitch: 22, longestName: 5, widestCount: "11,436".length });
    expect(plan).toMatchObject({ rotate: true, counts: false, nameChars: 5 });
  });

  test("two-digit class names stay across a 22 px column", () => {
    expect(headerLabels({ pitch: 22, longestName: 2, widestCount: 6 })).toMatchObject({ rotate: false, counts: false });
  });

  test("names longer than the column turn upwards, cut to the band's height", () => {
    const plan = headerLabels({ pitch: 18, longestName: 40, widestCount: 3 });
    expect(plan.rotate).toBe(true);
    expect(plan.height).toBe(120);
    expect(plan.nameChars).toBeLessThan(40);
    expect(cutLabel("a".repeat(40), plan.nameChars)).toHaveLength(plan.nameChars);
  });

  test("wide columns with long names cut them across instead of turning them", () => {
    const plan = headerLabels({ pitch: 90, longestName: 30, widestCount: 6 });
    expect(plan).toMatchObject({ rotate: false, counts: true });
    expect(plan.nameChars * 11 * 0.6).toBeLessThanOrEqual(90 - 4);
  });

  test("no two neighbouring labels overlap, for any column width from the minimum up and any name or count length", () => {
    for (let pitch = 18; pitch <= 400; pitch += 1) {
      for (const longestName of [1, 3, 5, 8, 13, 30, 64, 256]) {
        for (const widestCount of [1, 3, 5, 7, 9]) {
          const plan = headerLabels({ pitch, longestName, widestCount });
          expect(extents(plan, widestCount), `pitch ${pitch}, name ${longestName}, count ${widestCount}`).toBeLessThanOrEqual(pitch - 4);
        }
      }
    }
  });

  test("a label that fits is kept whole; a cut one ends in an ellipsis", () => {
    expect(cutLabel("C50.4", 5)).toBe("C50.4");
    expect(cutLabel("Neoplasm of the breast", 8)).toBe("Neoplas…");
  });
});
