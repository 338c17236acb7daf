/**
 * A probe of 200 loopback targets (200 fake Exchange servers on 127.0.0.1): every one assessed,
 * and never more connections open at once, counted at the servers, than --concurrency allows.
 * The wall time is printed for the closing note; it is not asserted (benchmarks live in bench/).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProbeReport } from '../../src/probe/model.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { parseTargets } from '../../src/probe/targets.js';
import {
  ConnectionCounter,
  makeCertificates,
  startFakeExchange,
  type FakeServer,
} from './fake-exchange.js';

const TARGETS = 200;
const CONCURRENCY = 16;

describe('exzt probe of 200 loopback targets', () => {
  const servers: FakeServer[] = [];
  const counter = new ConnectionCounter();
  let report: ProbeReport;

  before(async () => {
    const { valid } = makeCertificates('ec');
    for (let index = 0; index < TARGETS; index += 1) {
      servers.push(await startFakeExchange({ pem: valid, owaVersion: '15.2.1544.4' }, counter));
    }
    const started = process.hrtime.bigint();
    report = await runProbe(parseTargets(servers.map((s) => `127.0.0.1:${s.port}`)), {
      vantage: 'internet',
      concurrency: CONCURRENCY,
      ratePerSecond: 1000,
      timeoutMs: 5000,
      deadlineS: 120,
      toolVersion: 'test',
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `# probe of ${TARGETS} targets: ${seconds.toFixed(2)} s wall, ${counter.total} connections; ` +
        `bound ${CONCURRENCY}: probe peak ${report.peakConnections} open, server peak ` +
        `${counter.requestPeak} requests in flight, ${counter.peak} sockets not yet seen closed`,
    );
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('assesses every target, each with the build it leaks', () => {
    assert.equal(report.targets.length, TARGETS);
    const notAssessed = report.targets.filter((t) => t.status !== 'assessed');
    assert.deepEqual(
      notAssessed.map((t) => t.reason),
      [],
    );
    assert.ok(report.targets.every((t) => t.https?.builds[0]?.version === '15.2.1544.4'));
  });

  // The servers share this process with the probe, so a socket the probe has closed can still
  // count as open at the server for an event-loop turn (accepts are drained before EOFs are
  // read). Requests in flight at the servers have no such lag: each lies inside a probe slot.
  it('never has more requests in flight at the servers than --concurrency', () => {
    assert.ok(counter.total >= TARGETS * 15, `only ${counter.total} connections`);
    assert.ok(counter.requestPeak <= CONCURRENCY, `peak ${counter.requestPeak} > ${CONCURRENCY}`);
    assert.ok(counter.requestPeak >= 2, 'the run never overlapped requests');
  });

  it('never holds more connections open than --concurrency (the probe side, exact)', () => {
    assert.ok(report.peakConnections <= CONCURRENCY, `peak ${report.peakConnections}`);
    assert.equal(report.peakConnections, CONCURRENCY);
  });
});
