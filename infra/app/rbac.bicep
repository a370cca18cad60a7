// Role assignments, each on the narrowest scope Azure allows for what it is used for:
// - the app's identity, on containers (blob roles can be scoped to one container, and
//   storage.bicep creates every container the app and the host write):
//   Storage Blob Data Owner on the host's containers (keys, leases, blob trigger receipts) and
//   the deployment package container; Storage Blob Data Contributor on `runs` (the app reads it
//   and, at start, makes sure it exists) and on its own matrices and dynamics containers;
// - the app's identity, on the account, where no narrower scope works: Storage Queue Data
//   Contributor (the host and the blob trigger create their queues, such as the poison queue,
//   by names of their own) and Storage Table Data Contributor (the app creates its tables at
//   start, and Create Table is an operation on the account's table service, not on a table);
// - Monitoring Metrics Publisher on Application Insights (local auth is off);
// - the Event Grid system topic's identity: Storage Blob Data Contributor on the dead-letter
//   container only;
// - optionally one uploader (the deploying user, or a training job's identity): Storage Blob
//   Data Contributor on the `runs` container only, which is all it needs to upload run outputs.

param storageAccountName string
param runsContainerName string
param applicationInsightsName string

@description('The host\'s containers (keys; leases and receipts) and the deployment package container.')
param hostKeysContainerName string
param hostLeasesContainerName string
param deploymentContainerName string

@description('The app\'s own containers.')
param matricesContainerName string
param dynamicsContainerName string

param deadLetterContainerName string

@description('Principal id of the Function App\'s managed identity.')
param appPrincipalId string

@description('Principal id of the Event Grid system topic\'s identity (dead-lettering).')
param eventGridPrincipalId string

@description('Principal that may upload to the runs container (empty: none).')
param uploaderPrincipalId string = ''

@allowed(['User', 'Group', 'ServicePrincipal'])
param uploaderPrincipalType string = 'User'

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

module appHostKeys 'container-role.bicep' = {
  name: 'role-app-host-keys'
  params: { storageAccountName: storageAccountName, containerName: hostKeysContainerName, principalId: appPrincipalId, roleDefinitionId: storageBlobDataOwner }
}

module appHostLeases 'container-role.bicep' = {
  name: 'role-app-host-leases'
  params: { storageAccountName: storageAccountName, containerName: hostLeasesContainerName, principalId: appPrincipalId, roleDefinitionId: storageBlobDataOwner }
}

module appDeployment 'container-role.bicep' = {
  name: 'role-app-deployment'
  params: { storageAccountName: storageAccountName, containerName: deploymentContainerName, principalId: appPrincipalId, roleDefinitionId: storageBlobDataOwner }
}

module appRuns 'container-role.bicep' = {
  name: 'role-app-runs'
  params: { storageAccountName: storageAccountName, containerName: runsContainerName, principalId: appPrincipalId, roleDefinitionId: storageBlobDataContributor }
}

module appMatrices 'container-role.bicep' = {
  name: 'role-app-matrices'
  params: { storageAccountName: storageAccountName, containerName: matricesContainerName, principalId: appPrincipalId, roleDefinitionId: storageBlobDataContributor }
}

module appDynamics 'container-role.bicep' = {
  name: 'role-app-dynamics'
  params: { storageAccountName: storageAccountName, containerName: dynamicsContainerName, principalId: appPrincipalId, roleDefinitionId: storageBlobDataContributor }
}

module deadLetters 'container-role.bicep' = {
  name: 'role-eventgrid-dead-letters'
  params: { storageAccountName: storageAccountName, containerName: deadLetterContainerName, principalId: eventGridPrincipalId, roleDefinitionId: storageBlobDataContributor }
}

module uploader 'container-role.bicep' = if (!empty(uploaderPrincipalId)) {
  name: 'role-uploader-runs'
  params: { storageAccountName: storageAccountName, containerName: runsContainerName, principalId: uploaderPrincipalId, principalType: uploaderPrincipalType, roleDefinitionId: storageBlobDataContributor }
}

resource appQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, storageQueueDataContributor)
  scope: storage
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
  }
}

resource appTable 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, storageTableDataContributor)
  scope: storage
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
  }
}

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}
