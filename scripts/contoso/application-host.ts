/**
 * applicationHost.config of a Contoso Mailbox server, reduced to the two Exchange sites and the
 * per-location settings exzt reads: SSL flags and Extended Protection (windowsAuthentication/
 * extendedProtection@tokenChecking) as the Exchange Extended Protection script leaves them
 * (reference/healthchecker-checks.md §5). Written as Get-Content -Raw gives it: UTF-8 with BOM.
 */
import { storyOf } from './server-stories.js';
import type { ContosoServer } from './servers.js';

type TokenChecking = 'None' | 'Allow' | 'Require';

/** [virtual directory, Default Web Site value, Exchange Back End value]; undefined = absent. */
const LOCATIONS: [string, TokenChecking | undefined, TokenChecking | undefined][] = [
  ['API', 'Require', 'Require'],
  ['Autodiscover', 'None', 'None'],
  ['ecp', 'Require', 'Require'],
  ['EWS', 'Allow', 'Require'],
  ['Microsoft-Server-ActiveSync', 'Allow', 'Require'],
  ['Microsoft-Server-ActiveSync/Proxy', 'Allow', 'Require'],
  ['OAB', 'Allow', 'Require'],
  ['PowerShell', 'None', 'Require'],
  ['owa', 'Require', 'Require'],
  ['Rpc', 'Require', 'Require'],
  ['mapi', 'Require', undefined],
  ['PushNotifications', undefined, 'Require'],
  ['RpcWithCert', undefined, 'Require'],
  ['mapi/emsmdb', undefined, 'Require'],
  ['mapi/nspi', undefined, 'Require'],
];

function location(path: string, tokenChecking: TokenChecking): string[] {
  return [
    `    <location path="${path}" overrideMode="Allow">`,
    '        <system.webServer>',
    '            <security>',
    '                <access sslFlags="Ssl, Ssl128" />',
    '                <authentication>',
    '                    <windowsAuthentication enabled="true">',
    `                        <extendedProtection tokenChecking="${tokenChecking}" />`,
    '                    </windowsAuthentication>',
    '                </authentication>',
    '            </security>',
    '        </system.webServer>',
    '    </location>',
  ];
}

function sites(): string[] {
  return [
    '    <system.applicationHost>',
    '        <sites>',
    '            <site name="Default Web Site" id="1" serverAutoStart="true">',
    '                <bindings>',
    '                    <binding protocol="http" bindingInformation="*:80:" />',
    '                    <binding protocol="https" bindingInformation="*:443:" />',
    '                </bindings>',
    '            </site>',
    '            <site name="Exchange Back End" id="2" serverAutoStart="true">',
    '                <bindings>',
    '                    <binding protocol="http" bindingInformation="*:81:" />',
    '                    <binding protocol="https" bindingInformation="*:444:" />',
    '                </bindings>',
    '            </site>',
    '        </sites>',
    '    </system.applicationHost>',
  ];
}

/** The config text; without Extended Protection every location says None, as setup leaves it. */
export function applicationHostConfig(server: ContosoServer): string {
  const configured = storyOf(server.name).extendedProtection;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<configuration>', ...sites()];
  for (const [directory, front, back] of LOCATIONS) {
    if (server.product === 'Exchange2013' && directory === 'API') continue;
    for (const [site, value] of [
      ['Default Web Site', front],
      ['Exchange Back End', back],
    ] as const) {
      if (value === undefined) continue;
      lines.push(...location(`${site}/${directory}`, configured ? value : 'None'));
    }
  }
  lines.push('</configuration>', '');
  return lines.join('\r\n');
}
