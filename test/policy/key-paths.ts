/** Every key path of a policy object (`identity.mfaRequiredFor`), sections included. */
export function policyKeyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];

  return Object.entries(value).flatMap(([key, child]) => {
    const keyPath = prefix === '' ? key : `${prefix}.${key}`;
    return [keyPath, ...policyKeyPaths(child, keyPath)];
  });
}
