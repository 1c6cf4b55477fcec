import { Decimal } from '@usha/domain';

/**
 * Runs `f` counting every Decimal created meanwhile. decimal.js gives each new instance its own
 * `constructor` property (`x.constructor = Decimal` in its constructor and in every operation's
 * result): a setter on the shared prototype sees each one. Test support only.
 */
export const countDecimals = <A>(f: () => A): { readonly result: A; readonly count: number } => {
  const proto: object = Object.getPrototypeOf(new Decimal(0));
  const original = Object.getOwnPropertyDescriptor(proto, 'constructor');
  let count = 0;
  Object.defineProperty(proto, 'constructor', {
    configurable: true,
    get: () => original?.value,
    set(this: object, v: unknown) {
      count += 1;
      Object.defineProperty(this, 'constructor',
        { value: v, writable: true, configurable: true, enumerable: true });
    },
  });
  try {
    const result = f();
    return { result, count };
  } finally {
    if (original !== undefined) Object.defineProperty(proto, 'constructor', original);
  }
};
