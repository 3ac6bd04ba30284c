import { useState } from 'preact/hooks';
import { get, withQuery } from '../api';
import { dateTime, day } from '../format';
import type { LookupHit } from '../model';
import { href } from '../routes';
import { ErrorNote, Field, StatusBadge, useDebounced, useLoad } from '../ui';

/** "Where is my order": one box for number, name, phone or email; answers while typing. */
export function Lookup() {
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 200);
  const hits = useLoad(
    (signal) =>
      q ? get<LookupHit[]>(withQuery('/lookup', { q }), { signal }) : Promise.resolve(null),
    [q],
  );
  return (
    <>
      <h1 tabIndex={-1}>Where is my order</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Field
          label="Order number, name, phone or email"
          type="search"
          value={query}
          onValue={setQuery}
          autoFocus
          autoComplete="off"
        />
      </form>
      <ErrorNote error={hits.error} />
      <div aria-live="polite">
        {hits.data && (
          <p class="count">
            {hits.data.length === 0 ? 'No order found' : `${hits.data.length} found`}
          </p>
        )}
        <ul class="results">
          {(hits.data ?? []).map((hit) => (
            <li key={hit.backorderId} class="card">
              <a href={href('order', hit.backorderId)} class="card-title">
                {hit.number} · {hit.customerName}
              </a>
              <span>
                placed {dateTime(hit.placedAt)} · {hit.summary}
                {hit.eta ? ` · expected ${day(hit.eta)}` : ''}
              </span>
              <ul class="plain">
                {hit.lines.map((line) => (
                  <li key={line.lineId}>
                    {line.lineNumber}. {line.productName} <StatusBadge status={line.status} />
                    {line.eta ? ` ETA ${day(line.eta)}` : ''}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
