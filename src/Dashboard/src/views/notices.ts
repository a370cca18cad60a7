import { h } from "../ui/dom";

/** Full-page messages: no runs yet, an error that stops the report, the function-key prompt. */
export function emptyContainerNotice(): HTMLElement {
  return h("div", { class: "notice", id: "empty-state" },
    h("h2", {}, "No runs yet"),
    h("p", {}, "Upload a first run to the blob container (default name ", h("code", {}, "runs"), "): one folder per run, one Parquet file per logged epoch. The dashboard lists it as soon as the first epoch is ingested."),
    h("pre", {}, `runs/
  my-run/run.json                      optional: {"name", "classes": [...], "scores": "probabilities"}
  my-run/epoch-1.parquet               sample_id, label, scores (list of C floats), split
  my-run/attention/epoch-1.parquet     optional: sample_id, sentence, position, token, word_weight, sentence_weight`),
    h("p", {}, "From Python, after each epoch:"),
    h("pre", {}, `import pandas as pd
pd.DataFrame({"sample_id": ids, "label": labels, "scores": list(probs), "split": split}) \\
  .to_parquet(f"epoch-{epoch}.parquet")
# then: az storage blob upload --container-name runs --name my-run/epoch-{epoch}.parquet --file epoch-{epoch}.parquet`),
    h("p", {}, "See the README's run-output contract for every column and rule."));
}

export function errorNotice(title: string, message: string, actions: HTMLElement[] = []): HTMLElement {
  return h("div", { class: "notice error", id: "error-state", role: "alert" }, h("h2", {}, title), h("p", { class: "error-message" }, message), ...actions);
}

export function functionKeyPrompt(onKey: (key: string) => void, refused: boolean): HTMLElement {
  const input = h("input", { type: "password", id: "function-key", placeholder: "Function key", autocomplete: "off", "aria-label": "Function key" });
  const form = h("form", {}, input, h("button", { type: "submit" }, "Open"));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); if (input.value.trim()) onKey(input.value.trim()); });
  return h("div", { class: "notice", id: "key-prompt" },
    h("h2", {}, "Function key"),
    h("p", {}, refused ? "The API refused that key. Enter the key again." : "This dashboard reads an API protected by a key. Enter it to continue; it is kept for this browser tab only."),
    form);
}
