// The Function App's user-assigned identity. User-assigned (not system-assigned) so that its
// role assignments exist before the app first starts and before the first code deployment,
// which Flex Consumption reads from the deployment container with this identity.

param name string
param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
