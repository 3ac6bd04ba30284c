import { useEffect, useState } from 'preact/hooks';
import { currentSession, onSessionChange, type Session, signOut } from './api';
import { lazyScreen } from './lazy-screen';
import { Counter } from './pages/counter';
import { Imports } from './pages/imports';
import { LinkScreen } from './pages/link';
import { Lookup } from './pages/lookup';
import { OrderScreen } from './pages/order';
import { Purchasing } from './pages/purchasing';
import { ReceiptScreen } from './pages/receipt';
import { Receiving } from './pages/receiving';
import { ChoosePassword, SignIn } from './pages/sign-in';
import { Users } from './pages/users';
import { href, mayOpen, type Route, routeOf, SCREENS } from './routes';

// Accounting's chart and reports are read by few: their script loads when the screen opens.
const Accounting = lazyScreen('Accounting', () =>
  import('./pages/accounting').then((m) => m.Accounting),
);

function useRoute(): Route {
  const [route, setRoute] = useState(routeOf(location.hash));
  useEffect(() => {
    const changed = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

function useSession(): Session | null {
  const [session, setSession] = useState(currentSession());
  useEffect(() => onSessionChange(setSession), []);
  return session;
}

export function App() {
  const session = useSession();
  const route = useRoute();
  const allowed = session ? SCREENS.filter((s) => mayOpen(s, session.roles)) : [];
  const screen =
    allowed.find((s) => s.path === route.screen) ?? allowed.find((s) => s.inNav) ?? null;
  useEffect(() => {
    document.title = screen ? `${screen.title} · Backorder ledger` : 'Backorder ledger';
    // Focus moves to the new screen: its first field when it has one to type in (the counter's
    // customer box), else its heading, so keyboard and screen-reader users start there.
    const target =
      document.querySelector<HTMLElement>('main [autofocus]') ??
      document.querySelector<HTMLElement>('main h1');
    target?.focus();
  }, [screen?.path, route.id]);
  if (!session) return <SignIn />;
  if (session.passwordChangeRequired) return <ChoosePassword />;
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="top">
        <nav aria-label="Screens">
          <ul>
            {allowed
              .filter((s) => s.inNav)
              .map((s) => (
                <li key={s.path}>
                  <a href={href(s.path)} aria-current={s === screen ? 'page' : undefined}>
                    {s.title}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {session.username} <small>({session.roles.join(', ')})</small>
          </span>
          <button type="button" class="secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {screen ? (
          <Screen path={screen.path} id={route.id} />
        ) : (
          <h1 tabIndex={-1}>No screen for your roles</h1>
        )}
      </main>
    </>
  );
}

function Screen({ path, id }: { path: string; id: string | null }) {
  switch (path) {
    case 'counter':
      return <Counter />;
    case 'lookup':
      return <Lookup />;
    case 'order':
      return <OrderScreen id={id ?? ''} />;
    case 'link':
      return <LinkScreen />;
    case 'purchasing':
      return <Purchasing selected={id} />;
    case 'receiving':
      return <Receiving selected={id} />;
    case 'receipt':
      return <ReceiptScreen id={id ?? ''} />;
    case 'imports':
      return <Imports />;
    case 'users':
      return <Users />;
    case 'accounting':
      return <Accounting />;
    default:
      return null;
  }
}
