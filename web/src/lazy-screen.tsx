import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from './ui';

/**
 * A screen fetched the first time it opens (its own script file), so the first page stays
 * light for everyone who never opens it. Focus goes to its heading once it is there.
 */
export function lazyScreen<P extends object>(
  title: string,
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const [, setReady] = useState(false);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (loaded) return;
      load().then((screen) => {
        loaded = screen;
        setReady(true);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
      }, setError);
    }, []);
    if (loaded) {
      const Screen = loaded;
      return <Screen {...props} />;
    }
    return (
      <>
        <h1 tabIndex={-1}>{title}</h1>
        {error ? <ErrorNote error={error} /> : <p aria-busy="true">Loading…</p>}
      </>
    );
  };
}
