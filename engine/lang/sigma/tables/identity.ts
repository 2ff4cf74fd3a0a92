/**
 * Sigma's identity-provider log sources (Okta, OneLogin, Cisco Duo) → the Elastic integrations'
 * data streams and field names (Okta: the legacy sigma ecs-okta configuration's layout).
 */
import { datasetPrefix, datasets, type SourceSpec } from './source-spec.ts';

export const IDENTITY_SOURCES: readonly SourceSpec[] = [
  {
    product: 'okta', service: 'okta', select: datasets('okta.system'),
    fields: {
      eventType: 'event.action', legacyEventType: 'okta.legacy_event_type', displayMessage: 'okta.display_message',
      'outcome.result': 'okta.outcome.result', 'outcome.reason': 'okta.outcome.reason', 'actor.alternateId': 'okta.actor.alternate_id',
      'actor.displayName': 'okta.actor.display_name', 'actor.id': 'okta.actor.id', 'target.displayName': 'okta.target.display_name',
      'target.alternateId': 'okta.target.alternate_id', 'securityContext.isProxy': 'okta.security_context.is_proxy',
      'debugContext.debugData.requestUri': 'okta.debug_context.debug_data.request_uri',
      'debugContext.debugData.behaviors': 'okta.debug_context.debug_data.risk_behaviors',
      'debugContext.debugData.logOnlySecurityData': 'okta.debug_context.debug_data.log_only_security_data',
      'client.ipAddress': 'okta.client.ip', 'client.userAgent.rawUserAgent': 'okta.client.user_agent.raw_user_agent',
    },
    fallbackPrefix: 'okta.', source: 'sigma ecs-okta; Elastic Okta integration',
  },
  { product: 'okta', select: datasetPrefix('okta'), fields: {}, fallbackPrefix: 'okta.', source: 'Elastic Okta integration' },
  { product: 'onelogin', service: 'onelogin.events', select: datasetPrefix('onelogin'), fields: { event_type_id: 'onelogin.event.type' }, fallbackPrefix: 'onelogin.event.', source: 'Elastic OneLogin integration' },
  { product: 'onelogin', select: datasetPrefix('onelogin'), fields: {}, fallbackPrefix: 'onelogin.event.', source: 'Elastic OneLogin integration' },
  { product: 'cisco', service: 'duo', select: datasetPrefix('cisco_duo'), fields: { event_type: 'cisco_duo.auth.event_type', reason: 'cisco_duo.auth.reason' }, fallbackPrefix: 'cisco_duo.', source: 'Elastic Cisco Duo integration' },
];
