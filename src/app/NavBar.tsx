import type { MouseEvent } from 'react';
import { navigate, useLocation } from '../state/router.ts';
import { ROUTES } from './routes.tsx';

/** The main navigation: one link per view, keeping the filters (query string) across views. */
export function NavBar() {
  const { pathname, search } = useLocation();
  const follow = (e: MouseEvent<HTMLAnchorElement>, to: string) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {ROUTES.map((r) => (
          <li key={r.path}>
            <a href={r.path + search} aria-current={pathname === r.path ? 'page' : undefined} onClick={(e) => follow(e, r.path + search)}>
              {r.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
