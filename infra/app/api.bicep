// The Functions app: Flex Consumption, .NET 10 isolated worker, user-assigned identity, every
// storage connection identity-based (no account key or SAS in any setting), CORS limited to the
// dashboard, HTTPS only, logs to Log Analytics. Who may read the API is decided in the worker
// (src/Functions/Http/ApiAuthMiddleware.cs) by the Auth__* settings below: Entra ID access tokens
// with the app role, when an app registration is given, and keys whose SHA-256 hashes are set.
// The host's own key check is off for the HTTP functions (see docs/deploy.md, "Sign-in"), and
// App Service Authentication is not used: it cannot check an app role, answer with the API's
// JSON errors, or run in the tests.

param name string
param planName string
param location string
param tags object = {}

@description('Resource id and client id of the app\'s user-assigned identity.')
param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string

@description('The dashboard\'s origin (https://host), the only origin CORS allows.')
param dashboardOrigin string

@description('Client id of a Microsoft Entra ID app registration for the API; empty: keys only.')
param authClientId string = ''

@description('SHA-256 hashes (hex, ";"-separated) of the keys the API accepts; required without authClientId.')
param apiKeySha256 string = ''

@description('The app role a token needs to read the API.')
param authRole string = 'ClassVisCloud.Read'

@description('Log Analytics workspace that receives the app\'s logs.')
param logAnalyticsId string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minLength(1)
@description('NCRONTAB schedule (six fields, UTC) of the SweepRunsContainer timer: its trigger reads %SweepSchedule%, and the host does not index a timer whose setting is missing.')
param sweepSchedule string = '0 */5 * * * *'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: [
          dashboardOrigin
        ]
        // The dashboard sends a bearer token or a key in a header: no cookie, so no credentials.
        supportCredentials: false
      }
      // Names only: the values are endpoints and an identity's client id, never a secret.
      // Flex Consumption sets the worker runtime itself (functionAppConfig.runtime) and runs
      // timers in UTC; FUNCTIONS_WORKER_RUNTIME, WEBSITE_RUN_FROM_PACKAGE and WEBSITE_TIME_ZONE
      // are not allowed here.
      appSettings: [
        // Host storage (keys, leases, timer schedule monitor, blob receipts).
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        // RunsStorage: the runs container (blob trigger, Event Grid source: queue for poison
        // messages) and the app's tables.
        {
          name: 'RunsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'RunsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'RunsStorage__blobServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'RunsStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'RunsStorage__tableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        // The sweep's schedule (SweepRunsContainer: [TimerTrigger("%SweepSchedule%")]).
        {
          name: 'SweepSchedule'
          value: sweepSchedule
        }
        // The API's sign-in (ApiAuthMiddleware): entra with an app registration, else key.
        {
          name: 'Auth__Mode'
          value: empty(authClientId) ? 'key' : 'entra'
        }
        {
          name: 'Auth__Authority'
          value: empty(authClientId) ? '' : '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        {
          name: 'Auth__Audience'
          value: empty(authClientId) ? '' : 'api://${authClientId};${authClientId}'
        }
        {
          name: 'Auth__Role'
          value: authRole
        }
        // Hashes, not keys: nothing here opens the API.
        {
          name: 'Auth__KeySha256'
          value: apiKeySha256
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
      ]
    }
  }
}

// No FTP and no basic-auth deployments: code arrives through azd / OneDeploy with Entra ID.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// Function executions and host logs, and the platform's metrics, in Log Analytics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: app
  properties: {
    workspaceId: logAnalyticsId
    logs: [
      {
        category: 'FunctionAppLogs'
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

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
