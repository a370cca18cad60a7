// Phase two: the Event Grid subscription that delivers BlobCreated events of the runs container
// to the blob extension's webhook of the function declared with
//   [BlobTrigger("runs/{name}", Source = BlobTriggerSource.EventGrid, Connection = "RunsStorage")]
// The webhook is protected by the host's `blobs_extension` system key, which exists only after the
// code has been deployed; this module reads it itself (it never passes through a parameter, an
// output or the azd environment), so main.bicep deploys it only when blobEventsEnabled is true
// (set by scripts/deploy/postdeploy.sh after the first deployment of the code).

param systemTopicName string
param functionAppName string

@description('Name of the blob-triggered function ([Function(...)] name).')
param functionName string

@description('Container whose new blobs the function ingests.')
param containerName string

@description('Storage account and container where undeliverable events are kept (with the topic\'s identity).')
param storageAccountId string
param deadLetterContainerName string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// Microsoft.Web/sites/host has no Bicep type, so the key is listed by resource id.
var blobsExtensionKey = listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: '${toLower(functionName)}-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/blobs/'
      // One upload, one event: a blob is written by Put Blob, committed by Put Block List, or
      // (Data Lake API) flushed with close. A Data Lake flush without close fires before the file
      // is whole, and each flush fires again; a server-side CopyBlob is left to the sweep.
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: [
            'PutBlob'
            'PutBlockList'
            'FlushWithClose'
          ]
        }
      ]
    }
    // What Event Grid gives up on (24 h of retries, or a refusal) is kept, and the sweep ingests the blob anyway.
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storageAccountId
          blobContainerName: deadLetterContainerName
        }
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = subscription.name
