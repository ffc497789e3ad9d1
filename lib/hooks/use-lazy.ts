import { useEffect, useState } from 'preact/hooks';

/** Loads a component the first time it is `wanted`, then keeps it; undefined until loaded. */
export function useLazy<T>(wanted: boolean, load: () => Promise<T>): T | undefined {
  const [loaded, setLoaded] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    if (wanted && !loaded) void load().then((value) => setLoaded({ value }));
    // `load` is a fresh closure each render; loading once is the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, loaded]);
  return loaded?.value;
}
