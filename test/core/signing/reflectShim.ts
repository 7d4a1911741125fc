// Test-only Reflect metadata shim: @peculiar/x509 (via tsyringe) needs `reflect-metadata`, which is not installed. Import before @peculiar/x509.
type Key = string | symbol | undefined;
const metadata = new WeakMap<object, Map<Key, Map<unknown, unknown>>>();

function own(target: object, prop: Key, create: boolean): Map<unknown, unknown> | undefined {
  let byProp = metadata.get(target);
  if (!byProp && create) metadata.set(target, (byProp = new Map()));
  let values = byProp?.get(prop);
  if (!values && create && byProp) byProp.set(prop, (values = new Map()));
  return values;
}

const R = Reflect as unknown as Record<string, unknown>;
if (typeof R.getMetadata !== 'function') {
  const defineMetadata = (key: unknown, value: unknown, target: object, prop?: Key) => void own(target, prop, true)!.set(key, value);
  const getOwnMetadata = (key: unknown, target: object, prop?: Key) => own(target, prop, false)?.get(key);
  const getMetadata = (key: unknown, target: object, prop?: Key): unknown => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const values = own(t, prop, false);
      if (values?.has(key)) return values.get(key);
    }
    return undefined;
  };
  Object.assign(R, {
    defineMetadata,
    getOwnMetadata,
    getMetadata,
    hasMetadata: (key: unknown, target: object, prop?: Key) => getMetadata(key, target, prop) !== undefined,
    hasOwnMetadata: (key: unknown, target: object, prop?: Key) => own(target, prop, false)?.has(key) ?? false,
    metadata: (key: unknown, value: unknown) => (target: object, prop?: Key) => defineMetadata(key, value, target, prop),
  });
}
