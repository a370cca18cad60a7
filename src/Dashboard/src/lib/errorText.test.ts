import { expect, test } from "vitest";
import { errorText } from "./errorText";

test("an error shows its message, anything else thrown shows as text", () => {
  expect(errorText(new Error("The API answered 500."))).toBe("The API answered 500.");
  expect(errorText("refused")).toBe("refused");
});
