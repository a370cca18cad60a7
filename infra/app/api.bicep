// The Functions app: Flex Consumption, .NET 10 isolated worker, user-assigned identity, every
// storage connection identity-based (no account key or SAS in any setting), CORS limited to the
// dashboard, HTTPS only. HTTP functions use function keys (AuthorizationLevel.Function); when an
// Entra ID app registration is given, App Service Authentication is required in front of them too.

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

@description('Client id of a Microsoft Entra ID app registration for the API; empty: function keys only.')
param authClientId string = ''

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
        // Only for the Entra ID sign-in, whose session is a cookie the dashboard sends along.
        supportCredentials: !empty(authClientId)
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

// App Service Authentication with Microsoft Entra ID, when an app registration is given.
// The blob extension's webhook stays reachable for Event Grid: it has its own key
// (blobs_extension) and Event Grid cannot present an Entra token to it.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(authClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: [
        '/runtime/webhooks/blobs'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    login: {
      // After signing in on the API's host, the browser may only return to the dashboard.
      allowedExternalRedirectUrls: [
        dashboardOrigin
      ]
      tokenStore: {
        enabled: true
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
        }
      }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
