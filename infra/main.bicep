// ClassVisCloud in one deployment (azd: `azd up`; see docs/deploy.md):
// storage (runs container + tables, Entra ID only) <- Event Grid BlobCreated -> Functions app
// (Flex Consumption, .NET 10 isolated, managed identity) -> HTTP API <- dashboard (Static Web Apps).
// Modules are local on purpose: registry modules (br/public:) cannot be fetched offline, and CI
// builds and lints this file offline (tests/Infra.Tests).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource but the dashboard (must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region of the Static Web App (Free is offered in westus2, centralus, eastus2, westeurope, eastasia); empty: westeurope.')
param dashboardLocation string = ''

@description('Object id of a principal that may upload run outputs (azd fills in the signed-in user); empty: none.')
param principalId string = ''

@description('Type of principalId: User (default), Group or ServicePrincipal.')
param principalType string = ''

@description('Client id of the Microsoft Entra ID app registration of the API and the dashboard (docs/deploy.md); empty: keys only.')
param authClientId string = ''

@description('SHA-256 hashes (hex, ";"-separated) of the keys the API accepts (scripts/deploy/api-key.sh makes one); required without authClientId.')
param apiKeySha256 string = ''

@description('"true" once the code is deployed: adds the Event Grid subscription to the blob trigger (needs the host\'s blobs_extension key).')
param blobEventsEnabled string = ''

@description('Existing resource group name; empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('NCRONTAB schedule (six fields, UTC) of the sweep that ingests what no event brought in; empty: every 5 minutes.')
param sweepSchedule string = ''

// Fixed by the code: the blob trigger's path is "runs/{name}" and its function is IngestRunBlob.
var runsContainerName = 'runs'
var ingestFunctionName = 'IngestRunBlob'
// Fixed by the code too: the app's containers are "{TablePrefix}-matrices" and "-dynamics" (TablePrefix
// cvc); created here, with the host's, so that roles are granted per container.
var matricesContainerName = 'cvc-matrices'
var dynamicsContainerName = 'cvc-dynamics'
var hostKeysContainerName = 'azure-webjobs-secrets'
var hostLeasesContainerName = 'azure-webjobs-hosts'
var deadLetterContainerName = 'eventgrid-deadletter'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'classviscloud'
}
var functionAppName = 'func-cvc-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var subscribeBlobEvents = toLower(blobEventsEnabled) == 'true'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-cvc-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stcvc${resourceToken}'
    location: location
    tags: tags
    runsContainerName: runsContainerName
    deploymentContainerName: deploymentContainerName
    matricesContainerName: matricesContainerName
    dynamicsContainerName: dynamicsContainerName
    hostKeysContainerName: hostKeysContainerName
    hostLeasesContainerName: hostLeasesContainerName
    deadLetterContainerName: deadLetterContainerName
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-cvc-${resourceToken}'
    applicationInsightsName: 'appi-cvc-${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    runsContainerName: runsContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    hostKeysContainerName: hostKeysContainerName
    hostLeasesContainerName: hostLeasesContainerName
    deploymentContainerName: deploymentContainerName
    matricesContainerName: matricesContainerName
    dynamicsContainerName: dynamicsContainerName
    deadLetterContainerName: deadLetterContainerName
    eventGridPrincipalId: events.outputs.principalId
    appPrincipalId: identity.outputs.principalId
    uploaderPrincipalId: principalId
    uploaderPrincipalType: !empty(principalType) ? principalType : 'User'
  }
}

module dashboard 'app/dashboard.bicep' = {
  name: 'dashboard'
  scope: rg
  params: {
    name: 'stapp-cvc-${resourceToken}'
    location: !empty(dashboardLocation) ? dashboardLocation : 'westeurope'
    tags: tags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-cvc-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    dashboardOrigin: dashboard.outputs.origin
    authClientId: authClientId
    apiKeySha256: apiKeySha256
    logAnalyticsId: monitoring.outputs.logAnalyticsId
    sweepSchedule: !empty(sweepSchedule) ? sweepSchedule : '0 */5 * * * *'
  }
  // The app must not start before its identity may reach storage.
  dependsOn: [
    rbac
  ]
}

module events 'app/events.bicep' = {
  name: 'events'
  scope: rg
  params: {
    name: 'evgt-cvc-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

module blobEvents 'app/blob-events.bicep' = if (subscribeBlobEvents) {
  name: 'blob-events'
  scope: rg
  params: {
    systemTopicName: events.outputs.name
    functionAppName: api.outputs.name
    functionName: ingestFunctionName
    containerName: runsContainerName
    storageAccountId: storage.outputs.id
    deadLetterContainerName: deadLetterContainerName
  }
  // Dead-lettering writes with the topic's identity: its role must exist first.
  dependsOn: [
    rbac
  ]
}

// The three URLs a user needs.
output DASHBOARD_URL string = dashboard.outputs.origin
output API_URL string = 'https://${api.outputs.defaultHostName}/api'
output UPLOAD_CONTAINER_URL string = '${storage.outputs.blobEndpoint}${runsContainerName}'

// For the azd hooks and the dashboard's config.json.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output RUNS_CONTAINER_NAME string = runsContainerName
output AUTH_CLIENT_ID string = authClientId
output AUTH_MODE string = empty(authClientId) ? 'key' : 'entra'
output BLOB_EVENTS_SUBSCRIBED bool = subscribeBlobEvents
