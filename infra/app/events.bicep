// Event Grid system topic on the storage account: the source of BlobCreated events for the
// blob trigger (Flex Consumption supports only the Event Grid source, not polling).
// The subscription to the function is blob-events.bicep, deployed once the code is there.
// The topic has an identity of its own: with shared keys off, it dead-letters with it.

param name string
param location string
param tags object = {}
param storageAccountId string

@description('Log Analytics workspace that receives the delivery and publish failures.')
param logAnalyticsId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: topic
  properties: {
    workspaceId: logAnalyticsId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = topic.name
output principalId string = topic.identity.principalId
