/** Screens by hash (`#/counter`): the server serves one page at `/`, API paths stay the API's. */
export interface Screen {
  readonly path: string;
  readonly title: string;
  /** Any of these roles opens the screen; auditors read every screen that only reads. */
  readonly roles: readonly string[];
  readonly inNav: boolean;
}

export const SCREENS: readonly Screen[] = [
  { path: 'counter', title: 'Counter', roles: ['sales'], inNav: true },
  {
    path: 'lookup',
    title: 'Where is my order',
    roles: ['sales', 'purchasing', 'receiving', 'accounting', 'auditor'],
    inNav: true,
  },
  { path: 'link', title: 'Backorder link', roles: ['sales'], inNav: true },
  { path: 'purchasing', title: 'Purchasing', roles: ['purchasing'], inNav: true },
  { path: 'receiving', title: 'Receiving', roles: ['receiving'], inNav: true },
  { path: 'imports', title: 'Catalog imports', roles: ['purchasing'], inNav: true },
  { path: 'users', title: 'Users & API keys', roles: ['admin'], inNav: true },
  {
    path: 'accounting',
    title: 'Accounting',
    roles: ['accounting', 'auditor', 'admin'],
    inNav: true,
  },
  {
    path: 'order',
    title: 'Order',
    roles: ['sales', 'purchasing', 'receiving', 'accounting', 'auditor'],
    inNav: false,
  },
  { path: 'receipt', title: 'Receipt', roles: ['receiving', 'purchasing'], inNav: false },
];

export const mayOpen = (screen: Screen, roles: readonly string[]) =>
  screen.roles.some((role) => roles.includes(role));

export interface Route {
  readonly screen: string;
  readonly id: string | null;
}

export function routeOf(hash: string): Route {
  const [screen = '', id = null] = hash.replace(/^#\/?/, '').split('/');
  return { screen, id: id ? decodeURIComponent(id) : null };
}

export const href = (screen: string, id?: string) =>
  `#/${screen}${id ? `/${encodeURIComponent(id)}` : ''}`;

export function go(screen: string, id?: string): void {
  location.hash = href(screen, id);
}
