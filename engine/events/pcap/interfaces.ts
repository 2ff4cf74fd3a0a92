/**
 * DCE/RPC interfaces dac names, as data: abstract-syntax UUID → interface name and the operation
 * name of each opnum. Names and opnums follow Microsoft's protocol documents ([MS-TSCH], [MS-SCMR],
 * [MS-RPCE] for the endpoint mapper, [MS-RRP], [MS-SAMR], [MS-LSAT]/[MS-LSAD], [MS-DRSR], [MS-NRPC],
 * [MS-SRVS], [MS-WKST]); interface names are the short names Zeek's dce_rpc log uses, so records
 * from a capture and from Zeek compare equal. Only the main opnums of the large interfaces are
 * listed: an unlisted opnum still yields its number, just no operation name.
 *
 * To add an interface: one entry keyed by the lower-case UUID, with its spec in `spec`.
 */
export interface RpcInterface {
  readonly name: string;
  readonly spec: string;
  readonly operations: Readonly<Record<number, string>>;
}

function ops(names: readonly string[], from = 0): Record<number, string> {
  const out: Record<number, string> = {};
  names.forEach((n, i) => { if (n !== '') out[from + i] = n; });
  return out;
}

export const RPC_INTERFACES: Readonly<Record<string, RpcInterface>> = {
  '86d35949-83c9-4044-b424-db363231fd0c': {
    name: 'ITaskSchedulerService', spec: 'MS-TSCH 3.2.5.4',
    operations: ops([
      'SchRpcHighestVersion', 'SchRpcRegisterTask', 'SchRpcRetrieveTask', 'SchRpcCreateFolder',
      'SchRpcSetSecurity', 'SchRpcGetSecurity', 'SchRpcEnumFolders', 'SchRpcEnumTasks',
      'SchRpcEnumInstances', 'SchRpcGetInstanceInfo', 'SchRpcStopInstance', 'SchRpcStop',
      'SchRpcRun', 'SchRpcDelete', 'SchRpcRename', 'SchRpcScheduledRuntimes',
      'SchRpcGetLastRunInfo', 'SchRpcGetTaskInfo', 'SchRpcGetNumberOfMissedRuns', 'SchRpcEnableTask',
    ]),
  },
  '1ff70682-0a51-30e8-076d-740be8cee98b': {
    name: 'atsvc', spec: 'MS-TSCH 3.2.5.2',
    operations: ops(['NetrJobAdd', 'NetrJobDel', 'NetrJobEnum', 'NetrJobGetInfo']),
  },
  '378e52b0-c0a9-11cf-822d-00aa0051e40f': {
    name: 'sasec', spec: 'MS-TSCH 3.2.5.3',
    operations: ops(['SASetAccountInformation', 'SASetNSAccountInformation', 'SAGetNSAccountInformation', 'SAGetAccountInformation']),
  },
  '367abb81-9844-35f1-ad32-98f038001003': {
    name: 'svcctl', spec: 'MS-SCMR 3.1.4',
    operations: ops([
      'RCloseServiceHandle', 'RControlService', 'RDeleteService', 'RLockServiceDatabase',
      'RQueryServiceObjectSecurity', 'RSetServiceObjectSecurity', 'RQueryServiceStatus', 'RSetServiceStatus',
      'RUnlockServiceDatabase', 'RNotifyBootConfigStatus', '', 'RChangeServiceConfigW',
      'RCreateServiceW', 'REnumDependentServicesW', 'REnumServicesStatusW', 'ROpenSCManagerW',
      'ROpenServiceW', 'RQueryServiceConfigW', 'RQueryServiceLockStatusW', 'RStartServiceW',
      'RGetServiceDisplayNameW', 'RGetServiceKeyNameW',
    ]),
  },
  'e1af8308-5d1f-11c9-91a4-08002b14a0fa': {
    name: 'epmapper', spec: 'MS-RPCE 2.2.1.2 / C706 appendix O',
    operations: ops(['ept_insert', 'ept_delete', 'ept_lookup', 'ept_map', 'ept_lookup_handle_free', 'ept_inq_object', 'ept_mgmt_delete']),
  },
  '338cd001-2244-31f1-aaaa-900038001003': {
    name: 'winreg', spec: 'MS-RRP 3.1.5',
    operations: ops([
      'OpenClassesRoot', 'OpenCurrentUser', 'OpenLocalMachine', 'OpenPerformanceData', 'OpenUsers',
      'BaseRegCloseKey', 'BaseRegCreateKey', 'BaseRegDeleteKey', 'BaseRegDeleteValue', 'BaseRegEnumKey',
      'BaseRegEnumValue', 'BaseRegFlushKey', 'BaseRegGetKeySecurity', 'BaseRegLoadKey', '',
      'BaseRegOpenKey', 'BaseRegQueryInfoKey', 'BaseRegQueryValue', 'BaseRegReplaceKey', 'BaseRegRestoreKey',
      'BaseRegSaveKey', 'BaseRegSetKeySecurity', 'BaseRegSetValue', 'BaseRegUnLoadKey',
    ]),
  },
  '12345778-1234-abcd-ef00-0123456789ac': {
    name: 'samr', spec: 'MS-SAMR 3.1.5',
    operations: {
      ...ops(['SamrConnect', 'SamrCloseHandle', 'SamrSetSecurityObject', 'SamrQuerySecurityObject', '',
        'SamrLookupDomainInSamServer', 'SamrEnumerateDomainsInSamServer', 'SamrOpenDomain',
        'SamrQueryInformationDomain', 'SamrSetInformationDomain', 'SamrCreateGroupInDomain',
        'SamrEnumerateGroupsInDomain', 'SamrCreateUserInDomain', 'SamrEnumerateUsersInDomain',
        'SamrCreateAliasInDomain', 'SamrEnumerateAliasesInDomain', 'SamrGetAliasMembership',
        'SamrLookupNamesInDomain', 'SamrLookupIdsInDomain', 'SamrOpenGroup']),
      34: 'SamrOpenUser', 36: 'SamrQueryInformationUser', 64: 'SamrConnect5',
    },
  },
  '12345778-1234-abcd-ef00-0123456789ab': {
    name: 'lsarpc', spec: 'MS-LSAT 3.1.4 / MS-LSAD 3.1.4',
    operations: {
      0: 'LsarClose', 6: 'LsarOpenPolicy', 7: 'LsarQueryInformationPolicy', 14: 'LsarLookupNames',
      15: 'LsarLookupSids', 44: 'LsarOpenPolicy2', 45: 'LsarGetUserName', 46: 'LsarQueryInformationPolicy2',
      57: 'LsarLookupSids2', 58: 'LsarLookupNames2', 68: 'LsarLookupNames3', 76: 'LsarLookupSids3', 77: 'LsarLookupNames4',
    },
  },
  'e3514235-4b06-11d1-ab04-00c04fc2dcd2': {
    name: 'drsuapi', spec: 'MS-DRSR 4.1',
    operations: {
      ...ops(['IDL_DRSBind', 'IDL_DRSUnbind', 'IDL_DRSReplicaSync', 'IDL_DRSGetNCChanges', 'IDL_DRSUpdateRefs',
        'IDL_DRSReplicaAdd', 'IDL_DRSReplicaDel', 'IDL_DRSReplicaModify', 'IDL_DRSVerifyNames',
        'IDL_DRSGetMemberships', 'IDL_DRSInterDomainMove', 'IDL_DRSGetNT4ChangeLog', 'IDL_DRSCrackNames']),
      16: 'IDL_DRSDomainControllerInfo', 17: 'IDL_DRSAddEntry',
    },
  },
  '12345678-1234-abcd-ef00-01234567cffb': {
    name: 'netlogon', spec: 'MS-NRPC 3.5.4',
    operations: {
      2: 'NetrLogonSamLogon', 4: 'NetrServerReqChallenge', 5: 'NetrServerAuthenticate', 6: 'NetrServerPasswordSet',
      15: 'NetrServerAuthenticate2', 26: 'NetrServerAuthenticate3', 30: 'NetrServerPasswordSet2', 39: 'NetrLogonSamLogonEx',
    },
  },
  '4b324fc8-1670-01d3-1278-5a47bf6ee188': {
    name: 'srvsvc', spec: 'MS-SRVS 3.1.4',
    operations: {
      8: 'NetrConnectionEnum', 9: 'NetrFileEnum', 12: 'NetrSessionEnum', 15: 'NetrShareEnum',
      16: 'NetrShareGetInfo', 21: 'NetrServerGetInfo', 28: 'NetrRemoteTOD',
    },
  },
  '6bffd098-a112-3610-9833-46c3f87e345a': {
    name: 'wkssvc', spec: 'MS-WKST 3.2.4',
    operations: { 0: 'NetrWkstaGetInfo', 1: 'NetrWkstaSetInfo', 2: 'NetrWkstaUserEnum', 5: 'NetrWkstaTransportEnum' },
  },
};

export function lookupInterface(uuid: string): RpcInterface | undefined {
  return RPC_INTERFACES[uuid.toLowerCase()];
}

export function operationName(uuid: string | undefined, opnum: number): string | undefined {
  return uuid === undefined ? undefined : lookupInterface(uuid)?.operations[opnum];
}
