// Browser stand-in for Node's `util`: natural's classifiers only need these two,
// and npm's `util` package breaks the dev server (`process is not defined`).
export function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export function format(...args: unknown[]): string {
  return args.map(String).join(' ');
}

export default { inherits, format };
