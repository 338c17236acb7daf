/**
 * The next step for a server, in words. Reboot state is not in the knowledge base: the version
 * report adds "restart to activate the installed SU" when its evidence shows a pending restart.
 */
import { PRODUCT_NAMES } from './catalogue.js';
import { latestSecurityUpdate, newestSupportedCu, type SecurityUpdateLag } from './currency.js';
import type { BuildIdentity } from './identify.js';
import type { LifecycleVerdict } from './lifecycle.js';

export function nextStep(
  identity: BuildIdentity,
  lag: SecurityUpdateLag,
  lifecycle: LifecycleVerdict,
): string {
  if (lifecycle.status === 'end-of-life') return 'move to Exchange Server SE';

  const product = PRODUCT_NAMES[identity.product];
  if (!identity.cuSupported) {
    const target = newestSupportedCu(identity.product);
    const latest =
      target === undefined ? undefined : latestSecurityUpdate(identity.product, target.name);
    const suffix = latest === undefined ? '' : `, then the latest SU (${latest.name})`;
    return `install ${product} ${target?.name ?? 'the newest CU'}${suffix}`;
  }
  if (lag.securityUpdatesBehind > 0) {
    const latest = latestSecurityUpdate(identity.product, identity.cu.name);
    return `install the latest SU for ${identity.cu.name} (${latest?.name ?? 'newest'}, ${latest?.build ?? ''})`;
  }
  if (lifecycle.esu !== undefined) return 'move to Exchange Server SE before the ESU period ends';

  return 'none: the latest SU for this CU is installed';
}
