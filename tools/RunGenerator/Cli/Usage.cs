namespace ClassVisCloud.RunGenerator.Cli;

internal static class Usage
{
    public const string Text = """
        ClassVisCloud run generator: writes and uploads training runs in the run-output contract's format.

        generate --out DIR [options]      write run.json, epoch-N.parquet, attention/epoch-N.parquet into DIR
          --samples N          samples per epoch (default 2000)
          --classes C          classes, primary-site codes C34.9, C50.4, C50.8, ... (default 8, at most 1000)
          --epochs E           epochs trained (default 10)
          --every K            log every K-th epoch and the last (default 1)
          --seed S             random seed; same arguments, same bytes (default 1)
          --logits             write logits instead of probabilities (run.json says so)
          --wide               one score_<class> column per class instead of the scores list
          --attention          also write attention for validation samples
          --attention-samples N  at most N documents with attention (default 5000)
          --validation F       validation share, stratified by class (default 0.2)
          --noisy F            share of samples with a wrong label (default 0.03)
          --row-group N        rows per Parquet row group (default 100000)
          --compression X      zstd, snappy or none (default zstd)
          --zstd-level L       1, 3 or 19, the levels Parquet.Net offers (default 3)
          --name TEXT          run.json name

        upload --from DIR --run NAME [options]   upload DIR to {container}/{NAME}/ as a training script would
          --connection CS      storage connection string (default: $CVC_STORAGE, else UseDevelopmentStorage=true)
          --container NAME     blob container, created if missing (default runs)
          --delay-ms N         pause between epochs (default 0)

        relay [options]      Event Grid for `func start` on Azurite: watch the container and post each new or
                             changed blob to the Functions host's blob webhook as a Microsoft.Storage.BlobCreated
                             event (Event Grid schema), after the subscription validation handshake; Ctrl-C stops it
          --connection CS      storage connection string (default: $CVC_STORAGE, else UseDevelopmentStorage=true)
          --container NAME     blob container to watch (default runs)
          --webhook URL        default http://localhost:7071/runtime/webhooks/blobs?functionName=Host.Functions.IngestRunBlob
          --interval-ms N      how often to list the container (default 1000)
          --include-existing   also deliver the blobs already there when the relay starts

        exit codes: 0 ok (relay: stopped by Ctrl-C), 1 bad arguments, 2 local files, 3 storage not reachable,
        4 storage error, 5 the webhook refused the validation handshake, 130 stopped by Ctrl-C

        """;
}
