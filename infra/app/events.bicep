// Event Grid system topic on the storage account: the source of BlobCreated events for the
// blob trigger (Flex Consumption supports only the Event Grid source, not polling).
// The subscription to the function is blob-events.bicep, deployed once the code is there.

param name string
param location string
param tags object = {}
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
