/** One `T` for each store, made when first asked for: a tab's (tests render two tabs, two stores, in one document). */
export function perStore<T>(make: () => T): (store: object) => T {
  const byStore = new WeakMap<object, T>();
  return (store) => {
    let value = byStore.get(store);
    if (value === undefined) {
      value = make();
      byStore.set(store, value);
    }
    return value;
  };
}
