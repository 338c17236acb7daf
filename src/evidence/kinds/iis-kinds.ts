/**
 * IIS evidence: the cmdlet exports and the raw configuration files HealthChecker reads
 * (reference/healthchecker-checks.md §9, §14.3). HealthChecker-layout files live under
 * Exchange/IIS/.
 */
import { importApplicationHost } from '../importers/application-host.js';
import { defineKind, type EvidenceKind } from './kind.js';

const FRONT_END = { slug: 'default-web-site', file: 'DefaultWebSite', site: 'Default Web Site' };
const BACK_END = { slug: 'exchange-back-end', file: 'ExchangeBackEnd', site: 'Exchange Back End' };
type Site = typeof FRONT_END;

/** Applications with a web.config, as HealthChecker's test data names them per site. */
const FRONT_END_APPLICATIONS = [
  'AutoD',
  'EAS',
  'ECP',
  'EWS',
  'MAPI',
  'OAB',
  'OWA',
  'PowerShell',
  'RPC',
  'Rest',
];
const BACK_END_APPLICATIONS = [
  'AutoD',
  'EAS',
  'ECP',
  'EWS',
  'MapiEmsmdb',
  'MapiNspi',
  'OAB',
  'OWA',
  'PowerShell',
  'Push',
  'Rest',
  'RPC',
];

/** IIS paths of the applications behind those names. */
const APPLICATION_PATHS: Record<string, string> = {
  AutoD: 'Autodiscover',
  EAS: 'Microsoft-Server-ActiveSync',
  ECP: 'ecp',
  EWS: 'EWS',
  MAPI: 'mapi',
  MapiEmsmdb: 'mapi/emsmdb',
  MapiNspi: 'mapi/nspi',
  OAB: 'OAB',
  OWA: 'owa',
  PowerShell: 'PowerShell',
  Push: 'PushNotifications',
  RPC: 'Rpc',
  Rest: 'API',
};

function webConfigKind(site: Site, application: string): EvidenceKind {
  const iisPath = APPLICATION_PATHS[application] ?? application;
  return defineKind({
    id: `iis.web-config.${site.slug}.${application.toLowerCase()}`,
    title: `web.config of ${site.site}/${iisPath}`,
    scope: 'server',
    command: `Get-Content (Get-WebConfigFile 'IIS:\\Sites\\${site.site}\\${iisPath}').FullName -Raw`,
    format: 'xml-config',
    healthChecker: `Exchange/IIS/${site.file}-${application}_web.config`,
    // HealthChecker's tests swap the install folder's ecp web.config in for the back end's.
    ...(site === BACK_END && application === 'ECP'
      ? { healthCheckerAlternates: ['Exchange/IIS/ClientAccess/ecp/web.config'] }
      : {}),
  });
}

function siteKinds(site: Site, sharedConfigFolder: string): EvidenceKind[] {
  return [
    defineKind({
      id: `iis.web-config.${site.slug}`,
      title: `web.config of ${site.site}`,
      scope: 'server',
      command: `Get-Content (Get-WebConfigFile 'IIS:\\Sites\\${site.site}').FullName -Raw`,
      format: 'xml-config',
      // HealthChecker's test data has the front end's root web.config only.
      ...(site === FRONT_END ? { healthChecker: `Exchange/IIS/${site.file}_web.config` } : {}),
    }),
    defineKind({
      id: `iis.shared-web-config.${site.slug}`,
      title: `SharedWebConfig.config of ${site.site}`,
      scope: 'server',
      command: `Get-Content "$exinstall\\${sharedConfigFolder}\\SharedWebConfig.config" -Raw`,
      format: 'xml-config',
      healthChecker: `Exchange/IIS/${site.file}_SharedWebConfig.config`,
    }),
  ];
}

export const IIS_KINDS: readonly EvidenceKind[] = [
  defineKind({
    id: 'iis.application-host',
    title: 'applicationHost.config',
    scope: 'server',
    command: 'Get-Content "$env:windir\\System32\\inetsrv\\config\\applicationHost.config" -Raw',
    format: 'xml-config',
    healthChecker: 'Exchange/IIS/applicationHost.config',
    textImporter: importApplicationHost,
  }),
  defineKind({
    id: 'iis.web-sites',
    title: 'IIS web sites (Get-WebSite)',
    scope: 'server',
    command: 'Get-WebSite',
    healthChecker: 'Exchange/IIS/GetWebSite.xml',
  }),
  defineKind({
    id: 'iis.web-bindings',
    title: 'IIS bindings (Get-WebBinding)',
    scope: 'server',
    command: 'Get-WebBinding',
    healthChecker: 'Exchange/IIS/GetWebBinding.xml',
    looseFileRules: [
      { typeName: 'Microsoft.IIs.PowerShell.Framework.ConfigurationElement#bindings#binding' },
    ],
  }),
  defineKind({
    id: 'iis.web-applications',
    title: 'IIS applications (Get-WebApplication)',
    scope: 'server',
    command: 'Get-WebApplication',
    healthChecker: 'Exchange/IIS/GetWebApplication.xml',
    looseFileRules: [
      { typeName: 'Microsoft.IIs.PowerShell.Framework.ConfigurationElement#site#application' },
    ],
  }),
  defineKind({
    id: 'iis.token-cache-module-version',
    title: 'File version of cachtokn.dll (IIS token cache module)',
    scope: 'server',
    command: 'Get-Item "$env:windir\\System32\\inetsrv\\cachtokn.dll" | ForEach-Object VersionInfo',
    healthChecker: 'Exchange/IIS/GetVersionInformationCachTokn.xml',
    looseFileRules: [
      {
        typeName: 'System.Diagnostics.FileVersionInfo',
        member: 'FileName',
        endsWith: 'cachtokn.dll',
      },
    ],
  }),
  ...siteKinds(FRONT_END, 'FrontEnd\\HttpProxy'),
  ...FRONT_END_APPLICATIONS.map((application) => webConfigKind(FRONT_END, application)),
  ...siteKinds(BACK_END, 'ClientAccess'),
  ...BACK_END_APPLICATIONS.map((application) => webConfigKind(BACK_END, application)),
];
