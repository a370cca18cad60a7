/// <reference lib="webworker" />
import { classOrder } from "../lib/classOrder";
import type { OrderReply, OrderRequest } from "./sortInWorker";

/** Sorts an epoch's samples into class columns (lib/classOrder) off the main thread; see sortInWorker.ts. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<OrderRequest>) => {
  const { id, predicted, score, classCount } = ev.data;
  try {
    const { starts, order } = classOrder(predicted, score, classCount);
    scope.postMessage({ id, starts, order } satisfies OrderReply, [starts.buffer, order.buffer]);
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies OrderReply);
  }
};
