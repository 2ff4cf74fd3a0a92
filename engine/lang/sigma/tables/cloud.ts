/**
 * Sigma's cloud log sources → the Elastic integration data streams that hold them, and ECS names.
 * Renames follow the legacy sigma ecs-cloudtrail / ecs-azure-* configurations and the Elastic
 * integrations' field layouts; names the tables lack keep the provider's own spelling under the
 * integration's namespace (aws.cloudtrail.*, azure.<stream>.*, o365.audit.* …), and the nested
 * request/response objects of CloudTrail under its flattened copies.
 */
import { anyOf, datasetPrefix, datasets, is, type SourceSpec } from './source-spec.ts';

const CLOUDTRAIL: Readonly<Record<string, string>> = {
  additionalEventData: 'aws.cloudtrail.additional_eventdata', apiVersion: 'aws.cloudtrail.api_version', awsRegion: 'cloud.region',
  errorCode: 'aws.cloudtrail.error_code', errorMessage: 'aws.cloudtrail.error_message', eventID: 'event.id',
  eventName: 'event.action', eventSource: 'event.provider', eventTime: '@timestamp', eventType: 'aws.cloudtrail.event_type',
  eventVersion: 'aws.cloudtrail.event_version', managementEvent: 'aws.cloudtrail.management_event', readOnly: 'aws.cloudtrail.read_only',
  requestID: 'aws.cloudtrail.request_id', requestParameters: 'aws.cloudtrail.request_parameters',
  responseElements: 'aws.cloudtrail.response_elements', serviceEventDetails: 'aws.cloudtrail.service_event_details',
  sharedEventID: 'aws.cloudtrail.shared_event_id', sourceIPAddress: 'source.address', userAgent: 'user_agent.original',
  'userIdentity.accessKeyId': 'aws.cloudtrail.user_identity.access_key_id', 'userIdentity.accountId': 'cloud.account.id',
  'userIdentity.arn': 'aws.cloudtrail.user_identity.arn', 'userIdentity.invokedBy': 'aws.cloudtrail.user_identity.invoked_by',
  'userIdentity.principalId': 'user.id', 'userIdentity.type': 'aws.cloudtrail.user_identity.type', 'userIdentity.userName': 'user.name',
  'userIdentity.sessionContext.sessionIssuer.userName': 'role.name', vpcEndpointId: 'aws.cloudtrail.vpc_endpoint_id',
};

/** CloudTrail's nested objects → the integration's flattened copies (aws.cloudtrail.flattened.*). */
export const CLOUDTRAIL_PREFIXES: readonly (readonly [string, string])[] = [
  ['requestParameters.', 'aws.cloudtrail.flattened.request_parameters.'],
  ['responseElements.', 'aws.cloudtrail.flattened.response_elements.'],
  ['additionalEventData.', 'aws.cloudtrail.flattened.additional_eventdata.'],
];

export const CLOUD_SOURCES: readonly SourceSpec[] = [
  { product: 'aws', service: 'cloudtrail', select: datasets('aws.cloudtrail'), fields: CLOUDTRAIL, prefixes: CLOUDTRAIL_PREFIXES, fallbackPrefix: 'aws.cloudtrail.', source: 'sigma ecs-cloudtrail; Elastic AWS CloudTrail integration' },
  { product: 'aws', select: datasetPrefix('aws'), fields: CLOUDTRAIL, fallbackPrefix: 'aws.', source: 'Elastic AWS integration' },
  {
    product: 'azure', service: 'activitylogs', select: datasets('azure.activitylogs'),
    fields: { 'claims.name': 'user.name', 'properties.message': 'event.action', 'properties.eventCategory': 'azure.activitylogs.event_category', 'status.value': 'event.outcome', 'resourceType.value': 'azure.resource.provider', operationName: 'azure.activitylogs.operation_name', OperationNameValue: 'azure.activitylogs.operation_name', ResourceId: 'azure.resource.id' },
    fallbackPrefix: 'azure.activitylogs.', source: 'sigma ecs-azure-activitylogs; Elastic Azure integration',
  },
  {
    product: 'azure', service: 'auditlogs', select: datasets('azure.auditlogs'),
    fields: { category: 'azure.auditlogs.properties.category', activityDisplayName: 'event.action', ActivityDisplayName: 'event.action', result: 'event.outcome', loggedByService: 'azure.auditlogs.properties.logged_by_service', 'initiatedBy.user.userPrincipalName': 'azure.auditlogs.properties.initiated_by.user.userPrincipalName' },
    fallbackPrefix: 'azure.auditlogs.properties.', source: 'sigma ecs-azure-ad_auditlogs; Elastic Azure integration',
  },
  {
    product: 'azure', service: 'signinlogs', select: datasets('azure.signinlogs'),
    fields: {
      category: 'azure.signinlogs.category', identity: 'azure.signinlogs.identity', resultSignature: 'azure.signinlogs.result_signature',
      riskDetail: 'azure.signinlogs.properties.risk_detail', riskLevelAggregated: 'azure.signinlogs.properties.risk_level_aggregated',
      riskLevelDuringSignIn: 'azure.signinlogs.properties.risk_level_during_signin', riskstate: 'azure.signinlogs.properties.risk_state',
      conditionalAccessStatus: 'azure.signinlogs.properties.conditional_access_status', resultType: 'azure.signinlogs.properties.status.error_code',
      ResultType: 'azure.signinlogs.properties.status.error_code', ipAddress: 'azure.signinlogs.properties.ip_address',
      callerIpAddress: 'azure.signinlogs.properties.ip_address', 'properties.deviceDetail.deviceId': 'azure.signinlogs.properties.device_detail.device_id',
      'properties.deviceDetail.operatingSystem': 'azure.signinlogs.properties.device_detail.operating_system',
      'properties.deviceDetail.browser': 'azure.signinlogs.properties.device_detail.browser', 'properties.clientAppUsed': 'azure.signinlogs.properties.client_app_used',
    },
    fallbackPrefix: 'azure.signinlogs.properties.', source: 'sigma ecs-azure-ad_signinlogs; Elastic Azure integration',
  },
  { product: 'azure', service: 'riskdetection', select: datasets('azure.identity_protection'), fields: { riskEventType: 'azure.identity_protection.properties.risk_event_type' }, fallbackPrefix: 'azure.identity_protection.properties.', source: 'Elastic Azure integration (identity protection)' },
  { product: 'azure', service: 'pim', select: datasets('azure.identity_protection', 'azure.auditlogs'), fields: { riskEventType: 'azure.identity_protection.properties.risk_event_type' }, fallbackPrefix: 'azure.auditlogs.properties.', source: 'Elastic Azure integration' },
  { product: 'azure', select: datasetPrefix('azure'), fields: {}, fallbackPrefix: 'azure.', source: 'Elastic Azure integration' },
  {
    product: 'gcp', service: 'gcp.audit', select: datasets('gcp.audit'),
    fields: { 'data.protoPayload.methodName': 'gcp.audit.method_name', 'data.protoPayload.serviceName': 'gcp.audit.service_name', 'data.protoPayload.resource.type': 'gcp.audit.resource_name', 'data.protoPayload.authorizationInfo.permission': 'gcp.audit.authorization_info.permission', 'data.protoPayload.authorizationInfo.granted': 'gcp.audit.authorization_info.granted', 'data.protoPayload.logName': 'log.logger' },
    source: 'Elastic GCP integration (audit)',
  },
  { product: 'gcp', service: 'google_workspace.admin', select: datasets('google_workspace.admin'), fields: { eventName: 'event.action', eventService: 'event.provider', setting_name: 'google_workspace.admin.setting.name', new_value: 'google_workspace.admin.new_value' }, fallbackPrefix: 'google_workspace.admin.', source: 'Elastic Google Workspace integration' },
  { product: 'gcp', service: 'google_workspace.login', select: datasets('google_workspace.login'), fields: { 'protoPayload.metadata.event.eventName': 'event.action', 'protoPayload.serviceName': 'event.provider', 'protoPayload.Servicename': 'event.provider' }, fallbackPrefix: 'google_workspace.login.', source: 'Elastic Google Workspace integration' },
  { product: 'gcp', select: anyOf(datasetPrefix('gcp'), datasetPrefix('google_workspace')), fields: {}, source: 'Elastic GCP integration' },
  // Microsoft 365: the o365 integration keeps the Management API's names under o365.audit.*.
  { product: 'm365', service: 'audit', select: datasets('o365.audit'), fields: { Operation: 'event.action', Workload: 'event.provider', ResultStatus: 'event.outcome' }, fallbackPrefix: 'o365.audit.', source: 'Elastic Microsoft 365 integration' },
  ...['exchange', 'threat_management', 'threat_detection'].map((service): SourceSpec => ({
    product: 'm365', service, select: datasets('o365.audit'), fields: { eventName: 'event.action', eventSource: 'event.provider', status: 'event.outcome' }, fallbackPrefix: 'o365.audit.', source: 'Elastic Microsoft 365 integration',
  })),
  { product: 'm365', select: datasetPrefix('o365'), fields: {}, fallbackPrefix: 'o365.audit.', source: 'Elastic Microsoft 365 integration' },
  { product: 'github', service: 'audit', select: datasets('github.audit'), fields: { action: 'event.action', actor: 'user.name', org: 'organization.name', repo: 'github.repo' }, fallbackPrefix: 'github.', source: 'Elastic GitHub integration' },
  { product: 'bitbucket', service: 'audit', select: datasets('bitbucket.audit'), fields: {}, fallbackPrefix: 'bitbucket.audit.', source: 'dac: bitbucket.audit (no Elastic integration; the audit log names kept)' },
  {
    product: 'kubernetes', service: 'audit', select: anyOf(datasets('kubernetes.audit_logs'), is('kubernetes.audit.kind', 'Event')),
    fields: {
      verb: 'kubernetes.audit.verb', apiGroup: 'kubernetes.audit.objectRef.apiGroup', resource: 'kubernetes.audit.objectRef.resource',
      subresource: 'kubernetes.audit.objectRef.subresource', namespace: 'kubernetes.audit.objectRef.namespace', username: 'kubernetes.audit.user.username',
      capabilities: 'kubernetes.audit.requestObject.spec.containers.securityContext.capabilities.add',
      privileged: 'kubernetes.audit.responseObject.spec.containers.securityContext.privileged', hostPath: 'kubernetes.audit.requestObject.spec.volumes.hostPath',
    },
    fallbackPrefix: 'kubernetes.audit.', source: 'pySigma ecs_kubernetes',
  },
];
