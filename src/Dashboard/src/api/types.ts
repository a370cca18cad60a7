/**
 * Shapes of the HTTP API, generated from its description (docs/openapi.json) by dev/api-types.mjs: do not edit.
 * Regenerate with `cd src/Dashboard && npm run api:types` after the description changes (its own drift test says when).
 */
export interface paths {
    "/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** every run: name, classes, epochs, last epoch, samples, updated, status */
        get: operations["ListRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** a run's classes, splits, score kind, manifest state and every epoch's status and per-split figures */
        get: operations["GetRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** every blob seen, newest first: its outcome, reason, samples and time */
        get: operations["ListIngests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/epochs/{epoch}/samples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** one entry per sample of the split in the epoch, as columns */
        get: operations["GetEpochSamples"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/epochs/{epoch}/classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** per class: predicted, correct, labelled, mean score and score histogram */
        get: operations["GetEpochClasses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/epochs/{epoch}/confusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the confusion matrix (rows = true class) */
        get: operations["GetEpochConfusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/epochs/{epoch}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** the full probability vectors of the ids asked for (at most 10,000 ids, a body of at most 1 MiB) */
        post: operations["PostEpochScores"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/epochs/{epoch}/keywords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** per predicted class, the tokens its attention weighs most */
        get: operations["GetEpochKeywords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/samples/{sampleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the sample's label and its outcome at every epoch */
        get: operations["GetSampleHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/samples/{sampleId}/attention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the sample's sentences and tokens with their attention weights (404 when the epoch has none) */
        get: operations["GetSampleAttention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/epochs/{epoch}/dynamics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** per sample, the training dynamics over the logged epochs ≤ epoch, as columns */
        get: operations["GetEpochDynamics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/epochs/{epoch}/suspects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the suspected label issues (aum < 0) ranked by aum */
        get: operations["GetEpochSuspects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/confusion-over-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the off-diagonal pairs largest at the last epoch, with their count at every epoch */
        get: operations["GetConfusionOverTime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{run}/confusion-growth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the pairs whose confusion grew most over the last k logged epochs */
        get: operations["GetConfusionGrowth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export/runs.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSV for Power BI and spreadsheets, one row per run: run,name,classes,epochs,last_epoch,samples,status,updated */
        get: operations["ExportRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export/classes.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSV for Power BI and spreadsheets, the class dimension: run,class_index,class_name */
        get: operations["ExportClasses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export/epochs.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSV for Power BI and spreadsheets, one row per run × epoch × split: run,epoch,split,status,samples,correct,accuracy,loss */
        get: operations["ExportEpochs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export/class-epochs.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSV for Power BI and spreadsheets, one row per run × epoch × split × class: run,epoch,split,class_index,class_name,labelled,predicted,correct,mean_score */
        get: operations["ExportClassEpochs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export/confusion.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSV for Power BI and spreadsheets, one row per non-zero cell: run,epoch,split,true_index,true_name,predicted_index,predicted_name,count */
        get: operations["ExportConfusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export/suspects.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSV for Power BI and spreadsheets, the suspects route as rows: run,epoch,split,rank,sample_id,label_name,likely_name,aum,confidence,mispredictions */
        get: operations["ExportSuspects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** this description of the API (OpenAPI 3.1) */
        get: operations["GetApiDescription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiError: {
            error: string;
            detail: string | null;
        };
        Attention: {
            sampleId: string;
            split: string;
            epoch: number;
            sentences: components["schemas"]["WeightedSentence"][];
        };
        AttentionState: {
            /** @enum {string} */
            status: "ok" | "failed" | "pending";
            error: string | null;
        };
        ClassKeywords: {
            index: number;
            name: string;
            samples: number;
            keywords: components["schemas"]["Keyword"][];
        };
        ClassStats: {
            index: number;
            name: string;
            predicted: number;
            correct: number;
            labelled: number;
            meanScore: number;
            scoreHistogram: number[];
        };
        Confusion: {
            split: string;
            epoch: number;
            classes: string[];
            matrix: number[][];
        };
        ConfusionGrowth: {
            split: string;
            k: number;
            from: number;
            to: number;
            epochs: number[];
            pairs: components["schemas"]["ConfusionPairGrowth"][];
        };
        ConfusionOverTime: {
            split: string;
            epochs: number[];
            pairs: components["schemas"]["ConfusionPairCounts"][];
        };
        ConfusionPairCounts: {
            true: string;
            predicted: string;
            counts: number[];
        };
        ConfusionPairGrowth: {
            true: string;
            predicted: string;
            growth: number;
            counts: number[];
        };
        EpochClasses: {
            split: string;
            epoch: number;
            classes: components["schemas"]["ClassStats"][];
        };
        EpochDynamicsColumns: {
            split: string;
            epoch: number;
            sampleId: (string | number)[];
            confidence: number[];
            variability: number[];
            correctness: number[];
            forgettings: number[];
            firstLearned: (number | null)[];
            aum: number[];
            selfConfidence: number[];
            normalizedMargin: number[];
            suspect: boolean[];
        };
        EpochInfo: {
            epoch: number;
            /** @enum {string} */
            status: "ok" | "failed" | "pending";
            error: string | null;
            attention: components["schemas"]["AttentionState"] | null;
            splits: {
                [key: string]: components["schemas"]["SplitStats"];
            };
        };
        EpochSampleColumns: {
            split: string;
            epoch: number;
            sampleId: (string | number)[];
            label: number[];
            predicted: number[];
            score: number[];
            mispredictions: number[];
        };
        HistoryPoint: {
            epoch: number;
            predicted: number;
            predictedName: string;
            score: number;
            correct: boolean;
            mispredictions: number;
        };
        IngestEntry: {
            blob: string;
            etag: string;
            /** @enum {string} */
            outcome: "ingested" | "rejected" | "ignored" | "retrying" | "processing";
            reason: string | null;
            run: string | null;
            epoch: number | null;
            samples: number;
            milliseconds: number;
            at: string;
            stages: {
                [key: string]: number;
            };
        };
        IngestList: {
            ingests: components["schemas"]["IngestEntry"][];
        };
        Keyword: {
            text: string;
            weight: number;
        };
        Keywords: {
            split: string;
            epoch: number;
            classes: components["schemas"]["ClassKeywords"][];
        };
        ManifestState: {
            /** @enum {string} */
            status: "absent" | "ok" | "failed";
            error: string | null;
        };
        RunDetail: {
            run: string;
            name: string;
            description: string | null;
            /** @enum {string} */
            scoreKind: "probabilities" | "logits" | "mixed";
            classes: string[];
            splits: string[];
            manifest: components["schemas"]["ManifestState"];
            /** @enum {string} */
            status: "ok" | "pending" | "failed";
            updated: string | null;
            epochs: components["schemas"]["EpochInfo"][];
        };
        RunList: {
            runs: components["schemas"]["RunListEntry"][];
        };
        RunListEntry: {
            run: string;
            name: string;
            classes: number;
            epochs: number;
            lastEpoch: number | null;
            samples: number;
            updated: string | null;
            /** @enum {string} */
            status: "ok" | "pending" | "failed";
            failedEpochs: number;
        };
        SampleHistory: {
            sampleId: string;
            split: string;
            label: number;
            labelName: string;
            history: components["schemas"]["HistoryPoint"][];
        };
        ScoresAnswer: {
            split: string;
            epoch: number;
            sampleIds: string[];
            scores: number[][];
        };
        ScoresRequest: {
            sampleIds: (string | number)[];
            /** @default null */
            split: string | null;
        };
        SplitStats: {
            samples: number;
            correct: number;
            accuracy: number;
            loss: number;
        };
        Suspect: {
            sampleId: string | number;
            label: number;
            labelName: string;
            likely: number;
            likelyName: string;
            aum: number;
            confidence: number;
            mispredictions: number;
        };
        Suspects: {
            split: string;
            epoch: number;
            total: number;
            suspects: components["schemas"]["Suspect"][];
        };
        WeightedSentence: {
            weight: number;
            tokens: components["schemas"]["WeightedToken"][];
        };
        WeightedToken: {
            text: string;
            weight: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type ApiError = components['schemas']['ApiError'];
export type Attention = components['schemas']['Attention'];
export type AttentionState = components['schemas']['AttentionState'];
export type ClassKeywords = components['schemas']['ClassKeywords'];
export type ClassStats = components['schemas']['ClassStats'];
export type Confusion = components['schemas']['Confusion'];
export type ConfusionGrowth = components['schemas']['ConfusionGrowth'];
export type ConfusionOverTime = components['schemas']['ConfusionOverTime'];
export type ConfusionPairCounts = components['schemas']['ConfusionPairCounts'];
export type ConfusionPairGrowth = components['schemas']['ConfusionPairGrowth'];
export type EpochClasses = components['schemas']['EpochClasses'];
export type EpochDynamicsColumns = components['schemas']['EpochDynamicsColumns'];
export type EpochInfo = components['schemas']['EpochInfo'];
export type EpochSampleColumns = components['schemas']['EpochSampleColumns'];
export type HistoryPoint = components['schemas']['HistoryPoint'];
export type IngestEntry = components['schemas']['IngestEntry'];
export type IngestList = components['schemas']['IngestList'];
export type Keyword = components['schemas']['Keyword'];
export type Keywords = components['schemas']['Keywords'];
export type ManifestState = components['schemas']['ManifestState'];
export type RunDetail = components['schemas']['RunDetail'];
export type RunList = components['schemas']['RunList'];
export type RunListEntry = components['schemas']['RunListEntry'];
export type SampleHistory = components['schemas']['SampleHistory'];
export type ScoresAnswer = components['schemas']['ScoresAnswer'];
export type ScoresRequest = components['schemas']['ScoresRequest'];
export type SplitStats = components['schemas']['SplitStats'];
export type Suspect = components['schemas']['Suspect'];
export type Suspects = components['schemas']['Suspects'];
export type WeightedSentence = components['schemas']['WeightedSentence'];
export type WeightedToken = components['schemas']['WeightedToken'];
export type $defs = Record<string, never>;
export interface operations {
    ListRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every run: name, classes, epochs, last epoch, samples, updated, status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunList"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a run's classes, splits, score kind, manifest state and every epoch's status and per-split figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDetail"];
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListIngests: {
        parameters: {
            query?: {
                /** @description only this run's blobs */
                run?: string;
                /** @description how many */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every blob seen, newest first: its outcome, reason, samples and time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestList"];
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetEpochSamples: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
                /** @description json (default) or arrow (an Apache Arrow IPC stream of the same columns) */
                format?: "json" | "arrow";
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the epoch number */
                epoch: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one entry per sample of the split in the epoch, as columns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EpochSampleColumns"];
                    "application/vnd.apache.arrow.stream": string;
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetEpochClasses: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the epoch number */
                epoch: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description per class: predicted, correct, labelled, mean score and score histogram */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EpochClasses"];
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetEpochConfusion: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the epoch number */
                epoch: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the confusion matrix (rows = true class) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Confusion"];
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PostEpochScores: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the epoch number */
                epoch: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScoresRequest"];
            };
        };
        responses: {
            /** @description the full probability vectors of the ids asked for (at most 10,000 ids, a body of at most 1 MiB) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoresAnswer"];
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description a body over 1 MiB, or over 10,000 sample ids */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetEpochKeywords: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
                /** @description keywords per class */
                top?: number;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the epoch number */
                epoch: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description per predicted class, the tokens its attention weighs most */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Keywords"];
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetSampleHistory: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the sample id; '/' sent as %2F, and an id of one or two dots (or of '~'s then one or two dots) with one more '~' in front */
                sampleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sample's label and its outcome at every epoch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SampleHistory"];
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetSampleAttention: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
                /** @description the epoch */
                epoch?: number;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the sample id; '/' sent as %2F, and an id of one or two dots (or of '~'s then one or two dots) with one more '~' in front */
                sampleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sample's sentences and tokens with their attention weights (404 when the epoch has none) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attention"];
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetEpochDynamics: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
                /** @description json (default) or arrow (an Apache Arrow IPC stream of the same columns) */
                format?: "json" | "arrow";
                /** @description only these columns, a comma list of sampleId, confidence, variability, correctness, forgettings, firstLearned, aum, selfConfidence, normalizedMargin, suspect (split and epoch always come); omitted: every column. The rows are the epoch's samples in the samples route's order, so an answer without sampleId lines up with that route's */
                columns?: string;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the epoch number */
                epoch: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description per sample, the training dynamics over the logged epochs ≤ epoch, as columns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EpochDynamicsColumns"];
                    "application/vnd.apache.arrow.stream": string;
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetEpochSuspects: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
                /** @description how many */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
                /** @description the epoch number */
                epoch: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the suspected label issues (aum < 0) ranked by aum */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suspects"];
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetConfusionOverTime: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
                /** @description how many pairs */
                top?: number;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the off-diagonal pairs largest at the last epoch, with their count at every epoch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfusionOverTime"];
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetConfusionGrowth: {
        parameters: {
            query?: {
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
                /** @description how many logged epochs back */
                k?: number;
                /** @description how many pairs */
                top?: number;
            };
            header?: never;
            path: {
                /** @description the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.' */
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the pairs whose confusion grew most over the last k logged epochs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfusionGrowth"];
                };
            };
            /** @description unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ExportRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV for Power BI and spreadsheets, one row per run: run,name,classes,epochs,last_epoch,samples,status,updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ExportClasses: {
        parameters: {
            query?: {
                /** @description the run; omitted: every run, in one file */
                run?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV for Power BI and spreadsheets, the class dimension: run,class_index,class_name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ExportEpochs: {
        parameters: {
            query?: {
                /** @description the run; omitted: every run, in one file */
                run?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV for Power BI and spreadsheets, one row per run × epoch × split: run,epoch,split,status,samples,correct,accuracy,loss */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ExportClassEpochs: {
        parameters: {
            query?: {
                /** @description the run; omitted: every run, in one file */
                run?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV for Power BI and spreadsheets, one row per run × epoch × split × class: run,epoch,split,class_index,class_name,labelled,predicted,correct,mean_score */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ExportConfusion: {
        parameters: {
            query?: {
                /** @description the run; omitted: every run, in one file */
                run?: string;
                /** @description the epoch; omitted: every epoch */
                epoch?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV for Power BI and spreadsheets, one row per non-zero cell: run,epoch,split,true_index,true_name,predicted_index,predicted_name,count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ExportSuspects: {
        parameters: {
            query?: {
                /** @description the run; omitted: every run, in one file */
                run?: string;
                /** @description the epoch; omitted: every epoch */
                epoch?: number;
                /** @description the split; omitted: validation if the run has it, else its first split in ordinal order */
                split?: string;
                /** @description how many suspects */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV for Power BI and spreadsheets, the suspects route as rows: run,epoch,split,rank,sample_id,label_name,likely_name,aum,confidence,mispredictions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description bad input: the detail names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such run, epoch, split or sample (or the epoch is pending or failed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetApiDescription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description this description of the API (OpenAPI 3.1) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description an unexpected failure; the server's log has the details */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
}

/** The columnar answers as the dashboard holds them (typed arrays), and its sample id: not wire shapes. */
export type { EpochDynamics, EpochSamples } from "./columns";
export type { SampleId } from "../lib/selection";
/** A listed run: every run in the list has had an ingest, so its `updated` is set. */
export type RunListItem = RunListEntry & { updated: string };
/** Score vectors joined from several answers of the scores route (split and epoch are the request's). */
export type ScoreVectors = Pick<ScoresAnswer, "sampleIds" | "scores">;
/** A pair of either confusion answer: over time (counts) or growth (counts and growth). */
export type ConfusionPairSeries = ConfusionPairCounts & { growth?: number };
