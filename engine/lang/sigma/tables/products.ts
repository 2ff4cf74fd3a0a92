/** Every non-Windows Sigma log source table, in lookup order. */
import { APPLICATION_SOURCES } from './application.ts';
import { CLOUD_SOURCES } from './cloud.ts';
import { IDENTITY_SOURCES } from './identity.ts';
import { LINUX_SOURCES } from './linux.ts';
import { MACOS_SOURCES } from './macos.ts';
import { NETWORK_SOURCES } from './network.ts';
import type { SourceSpec } from './source-spec.ts';
import { ZEEK_SOURCES } from './zeek.ts';

export const PRODUCT_SOURCES: readonly SourceSpec[] = [
  ...LINUX_SOURCES, ...MACOS_SOURCES, ...ZEEK_SOURCES, ...NETWORK_SOURCES, ...CLOUD_SOURCES, ...IDENTITY_SOURCES, ...APPLICATION_SOURCES,
];
