import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  evaluateLifecycle,
  identifyBuild,
  nextStep,
  securityUpdateLag,
  type BuildIdentity,
} from '../../src/knowledge/index.js';

function identity(build: string): BuildIdentity {
  const found = identifyBuild(build);
  assert.ok(found, build);
  return found;
}

function verdictOf(build: string, asOf: string) {
  const server = identity(build);
  const lag = securityUpdateLag(server.cu, server.version);
  const verdict = evaluateLifecycle(server, lag, asOf);
  assert.ok(verdict);
  return { server, lag, verdict, step: nextStep(server, lag, verdict) };
}

test('SE on the newest SU is supported with nothing to do', () => {
  const { verdict, lag, step } = verdictOf('15.2.2562.57', '2026-12-03');
  assert.equal(verdict.status, 'supported');
  assert.equal(lag.securityUpdatesBehind, 0);
  assert.match(step, /^none/);
});

test('SE on Feb26SU is 7 SUs behind (HUs not counted) since the Jun26SU release', () => {
  const { verdict, lag, step } = verdictOf('15.2.2562.37', '2026-12-03');
  assert.equal(verdict.status, 'out-of-date');
  assert.equal(lag.securityUpdatesBehind, 7);
  assert.equal(lag.updatesBehind, 8);
  assert.equal(lag.oldestMissingReleaseDate, '2026-06-09');
  assert.equal(step, 'install the latest SU for RTM (Nov26SU, 15.2.2562.57)');
});

test('Exchange 2019 CU14 inside ESU period 2 is out of date but not end of life', () => {
  const { verdict } = verdictOf('15.2.1544.39', '2026-06-01');
  assert.equal(verdict.status, 'out-of-date');
  assert.equal(verdict.esu?.period, 2);
});

test('Exchange 2019 after the last ESU period is end of life: move to SE', () => {
  const { verdict, step } = verdictOf('15.2.1544.50', '2026-12-03');
  assert.equal(verdict.status, 'end-of-life');
  assert.equal(step, 'move to Exchange Server SE');
});

test('an unsupported CU is told to install the newest CU, then its latest SU', () => {
  const { step } = verdictOf('15.2.1118.25', '2025-01-15');
  assert.equal(step, 'install Exchange 2019 CU15, then the latest SU (Oct26SU)');
});
