// The dashboard's hosting: Azure Static Web Apps (Free). Unlike a storage static website it is
// created entirely by Bicep (no deployment script, no post-provision step), its origin is known
// at deployment time for the API's CORS, and the run storage account serves nothing anonymously.
// azd deploys src/Dashboard/dist to it (service `dashboard`). The static files hold no data and
// no key: the API behind them asks for a function key or an Entra ID sign-in.

param name string

@description('Static Web Apps (Free) is offered in a few regions only.')
@allowed(['westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia'])
param location string
param tags object = {}

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'dashboard' })
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output origin string = 'https://${site.properties.defaultHostname}'
