import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { receiveConnectorTls } from '../../../src/controls/data/receive-connector-tls.js';
import { sendConnectorTls } from '../../../src/controls/data/send-connector-tls.js';
import {
  importReceiveConnectors,
  type ReceiveConnector,
} from '../../../src/evidence/importers/receive-connectors.js';
import {
  importSendConnectors,
  type SendConnector,
} from '../../../src/evidence/importers/send-connectors.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusValue } from './corpus.js';

const receive = (overrides: Partial<ReceiveConnector> = {}): ReceiveConnector => ({
  name: 'Client Frontend EX01',
  enabled: true,
  bindings: ['0.0.0.0:587'],
  authMechanism: ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS'],
  permissionGroups: ['ExchangeUsers'],
  remoteIpRanges: ['0.0.0.0-255.255.255.255'],
  requireTls: true,
  domainSecureEnabled: false,
  ...overrides,
});
const send = (overrides: Partial<SendConnector> = {}): SendConnector => ({
  name: 'To Exchange Online',
  enabled: true,
  requireTls: true,
  tlsAuthLevel: 'DomainValidation',
  tlsDomain: 'mail.protection.outlook.com',
  ignoreStartTls: false,
  smartHosts: ['contoso-com.mail.protection.outlook.com'],
  addressSpaces: ['SMTP:*;1'],
  dnsRoutingEnabled: false,
  cloudServicesMailEnabled: true,
  domainSecureEnabled: false,
  sourceTransportServers: [],
  ...overrides,
});

const runReceive = (connectors: ReceiveConnector[] | ReturnType<typeof factState>, policy = {}) =>
  onlyResult(
    runControl(
      receiveConnectorTls,
      { servers: { EX01: { 'exchange.receive-connectors': connectors as ReceiveConnector[] } } },
      { policy },
    ),
  );
const runSend = (connectors: SendConnector[] | ReturnType<typeof factState>, policy = {}) =>
  onlyResult(
    runControl(
      sendConnectorTls,
      { organization: { 'exchange.send-connectors': connectors as SendConnector[] } },
      { policy },
    ),
  );

describe('EXZT.DAT.3 receive connectors offer and require TLS', () => {
  it('passes with TLS required on the client connector and offered on the anonymous one', () => {
    const anonymous = receive({
      name: 'Default Frontend EX01',
      permissionGroups: ['AnonymousUsers', 'ExchangeServers'],
      requireTls: false,
    });
    assert.equal(runReceive([receive(), anonymous]).outcome, 'pass');
  });

  it('fails when STARTTLS is not offered and Basic is accepted before TLS', () => {
    const result = runReceive([receive({ authMechanism: ['BasicAuth'] })]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['STARTTLS is not offered', 'Basic authentication is accepted before TLS'],
    );
  });

  it('on the E19 corpus: authenticated connectors without RequireTLS fail; opportunistic policy passes', () => {
    const connectors = corpusValue('E19/Exchange/GetReceiveConnector.xml', importReceiveConnectors);
    const required = runReceive(connectors);
    assert.equal(required.outcome, 'fail');
    assert.equal(required.findings.length, 4);
    assert.equal(runReceive(connectors, { data: { smtpTls: 'opportunistic' } }).outcome, 'pass');
  });

  it('skips disabled connectors, and is not applicable when none is enabled', () => {
    const result = runReceive([receive({ enabled: false, authMechanism: [] })]);
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed when Get-ReceiveConnector failed', () => {
    assert.equal(runReceive(factState('collection-failed')).outcome, 'not-assessed');
  });
});

describe('EXZT.DAT.4 send connectors require validated TLS to known destinations', () => {
  it('passes for an Exchange Online connector with RequireTLS and DomainValidation', () => {
    assert.equal(runSend([send()]).outcome, 'pass');
  });

  it('reproduces HealthChecker on E19: the EXO connector lacks a TlsAuthLevel (EXO Connector Present)', () => {
    const result = runSend(corpusValue('E19/Exchange/GetSendConnector.xml', importSendConnectors));
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        'known destination, yet RequireTLS is off',
        'TlsAuthLevel is not set: the certificate is not validated',
      ],
    );
  });

  it('fails IgnoreSTARTTLS even on an opportunistic DNS connector', () => {
    const dns = send({
      smartHosts: [],
      dnsRoutingEnabled: true,
      requireTls: false,
      ignoreStartTls: true,
    });
    const result = runSend([dns], { data: { smtpTls: 'opportunistic' } });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /IgnoreSTARTTLS/);
  });

  it('lets a DNS connector to "*" be opportunistic, but not one to a partner domain', () => {
    const internet = send({ smartHosts: [], dnsRoutingEnabled: true, requireTls: false });
    delete internet.tlsAuthLevel;
    assert.equal(runSend([internet]).outcome, 'pass');
    const partner = { ...internet, name: 'To Fabrikam', addressSpaces: ['SMTP:fabrikam.com;1'] };
    assert.equal(runSend([partner]).outcome, 'fail');
  });

  it('is not applicable without enabled send connectors and not assessed without the export', () => {
    assert.equal(runSend([send({ enabled: false })]).outcome, 'not-applicable');
    const result = onlyResult(runControl(sendConnectorTls, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
  });
});
