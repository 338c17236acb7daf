/**
 * `exzt evidence verify <bundle> [--signer <thumbprint>]`: proves a bundle is what the collector
 * wrote (every file against manifest.json, the manifest against its signature) before anyone
 * relies on it. Exit 0 verified, 1 a check failed, 2 usage or input error (DESIGN.md).
 */
import { usageError } from '../../errors.js';
import { normaliseThumbprint, type SignatureCheck } from '../../evidence/signature.js';
import { verifyBundle, type BundleVerification } from '../../evidence/verify.js';
import { stringOption, type Command, type CommandContext } from '../command.js';

export const evidenceVerifyCommand: Command = {
  usage: [
    'Usage: exzt evidence verify <bundle> [--signer <thumbprint>] [--format text|json]',
    '',
    'The bundle is a folder or .zip written by collector/Collect-ExztEvidence.ps1.',
    '  --signer THUMBPRINT   require the manifest to be signed by this certificate (SHA-1',
    '                        thumbprint, as Windows shows it; spaces and colons are ignored)',
    '  --format text|json    output format (default text)',
    '',
    'Exit codes: 0 verified, 1 a check failed, 2 usage or input error.',
  ].join('\n'),
  options: { signer: { type: 'string' }, format: { type: 'string' } },
  run: runVerify,
};

async function runVerify(context: CommandContext): Promise<number> {
  const format = stringOption(context, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw usageError(`--format ${format}: expected text or json`);
  if (context.positionals.length !== 1)
    throw usageError('evidence verify needs exactly one bundle (folder or .zip); see --help');

  const signerOption = stringOption(context, 'signer');
  const signer = signerOption === undefined ? undefined : normaliseThumbprint(signerOption);
  const [bundle = ''] = context.positionals;
  const verification = await verifyBundle(bundle, signer);

  context.stdout.write(
    format === 'json'
      ? `${JSON.stringify(verification, null, 2)}\n`
      : verificationText(verification),
  );
  // 1, not 2: the bundle was read, and a check on it failed.
  return verification.verified ? 0 : 1;
}

function verificationText(verification: BundleVerification): string {
  const { tool, toolVersion, collectedAt, organization } = verification;
  const lines = [
    `Bundle ${verification.bundle}`,
    `  manifest.json SHA-256 ${verification.manifestSha256}`,
    `  ${[organization, collectedAt && `collected ${collectedAt}`, tool && `by ${tool} ${toolVersion ?? ''}`.trimEnd()].filter(Boolean).join(', ')}`,
    `Files: ${verification.listed} listed, ${verification.missing.length} missing, ${verification.extra.length} extra, ${verification.modified.length} modified`,
    ...signatureText(verification.signature),
  ];
  if (verification.pinnedSigner !== undefined)
    lines.push(
      `Expected signer ${verification.pinnedSigner.thumbprint}: ${verification.pinnedSigner.matches ? 'matches' : 'DOES NOT MATCH'}`,
    );
  if (verification.problems.length > 0)
    lines.push(
      '',
      `FAILED (${verification.problems.length})`,
      ...verification.problems.map((p) => `  ${p}`),
    );
  else lines.push('', 'VERIFIED');
  return `${lines.join('\n')}\n`;
}

function signatureText(signature: SignatureCheck): string[] {
  if (signature.status === 'unsigned')
    return ['Signature: none (not signed; confirm the manifest SHA-256 out of band)'];

  const head = signature.status === 'valid' ? 'Signature: valid' : 'Signature: INVALID';
  const { signer } = signature;
  if (signer === undefined) return [head];
  return [
    `${head} (${signer.algorithm})`,
    `  signer ${signer.subject}`,
    `  thumbprint ${signer.thumbprint}`,
    `  valid ${signer.validFrom} to ${signer.validTo}, issued by ${signer.issuer}`,
  ];
}
