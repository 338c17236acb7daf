/**
 * The probe report for a person: per target what answered, how it authenticates, the build and
 * its precision, NTLM names, TLS, certificate and SMTP, then what was sent to whom.
 */
import type { CertificateResult, NotAssessed, ProbeReport, TargetResult } from './model.js';

export function renderProbeText(report: ProbeReport): string {
  const lines = [
    `exzt probe from ${report.vantage} (${report.startedAt} to ${report.finishedAt})`,
    '',
  ];
  for (const result of report.targets) lines.push(...targetLines(result), '');
  lines.push('Sent:');
  for (const result of report.targets) {
    const { host, port, service } = result.target;
    lines.push(
      `  ${service}://${host}:${port} (${result.addresses.join(', ') || 'unresolved'}): ${result.sent.requests} HTTP requests, ${result.sent.connections} connections`,
    );
  }
  if (report.deadlineReached)
    lines.push(
      '',
      `The ${report.settings.deadlineS} s deadline ended the run; unfinished checks are not assessed.`,
    );
  return `${lines.join('\n')}\n`;
}

function targetLines(result: TargetResult): string[] {
  const { host, port, service } = result.target;
  const head = `${service}://${host}:${port}`;
  if (result.status === 'not-assessed')
    return [`${head}: not assessed: ${result.reason ?? 'no reason recorded'}`];

  const lines = [`${head}:`];
  const https = result.https;
  if (result.httpsReason !== undefined) lines.push(`  HTTP: no answer (${result.httpsReason})`);
  if (https !== undefined) {
    for (const endpoint of https.endpoints) {
      const answer = endpoint.reachable ? `${endpoint.status}` : `no answer (${endpoint.reason})`;
      const auth = endpoint.auth.length > 0 ? ` auth ${endpoint.auth.join(', ')}` : '';
      const redirect =
        endpoint.redirect === undefined
          ? ''
          : ` -> ${endpoint.redirect.location}${endpoint.redirect.offHost ? ' (other host, not followed)' : ''}`;
      lines.push(`  ${endpoint.endpoint.padEnd(18)} ${answer}${auth}${redirect}`);
    }
    for (const build of https.builds)
      lines.push(
        `  build ${build.version} (${build.precision} precision, ${build.source} at ${build.path})`,
      );
    if (https.ntlm !== undefined) {
      const names = Object.entries(https.ntlm).filter(([key]) => key !== 'endpoint');
      const told = names.map(([key, value]) => `${key} ${value}`).join(', ');
      lines.push(`  NTLM (${https.ntlm.endpoint}) discloses ${told}`);
    }
    lines.push(
      `  intermediary: ${https.intermediary.verdict}${https.intermediary.signs.length > 0 ? ` (${https.intermediary.signs.join('; ')})` : ''}`,
    );
    lines.push(`  HSTS: ${https.hsts ?? 'not sent'}`);
  }
  if (result.smtp !== undefined) {
    lines.push(`  banner: ${result.smtp.banner}`);
    lines.push(
      `  STARTTLS: ${result.smtp.starttls ? 'offered' : 'not offered'}; AUTH before TLS: ${result.smtp.authBeforeTls.join(' ') || 'none'}; after: ${result.smtp.authAfterTls.join(' ') || 'none'}`,
    );
  }
  if (result.tls !== undefined) {
    const versions = result.tls.versions.map(
      (v) =>
        `${v.version} ${v.accepted ? 'accepted' : v.reason === undefined ? 'refused' : `unknown (${v.reason})`}`,
    );
    lines.push(`  TLS: ${versions.join('; ')}`);
    if (result.tls.weakSuites.length > 0)
      lines.push(
        `  weak suites: ${result.tls.weakSuites.map((w) => `${w.suite} (${w.version})`).join(', ')}`,
      );
  }
  if (result.certificate !== undefined)
    lines.push(`  certificate: ${certificateLine(result.certificate)}`);
  return lines;
}

function certificateLine(certificate: CertificateResult | NotAssessed): string {
  if ('reason' in certificate) return `not read: ${certificate.reason}`;
  const trust =
    certificate.chainError === null ? 'trusted' : `untrusted (${certificate.chainError})`;
  const name = certificate.nameMatches
    ? 'name matches'
    : `does not cover ${certificate.checkedName}`;
  return `${certificate.subject}; valid to ${certificate.validTo}; ${trust}; ${name}; ${certificate.keyType} ${certificate.keyBits ?? '?'} bits; ${certificate.signatureAlgorithm}`;
}
