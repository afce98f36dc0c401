/**
 * Where the dataset comes from: the bundled one under `data/`, or a named one
 * under `datasets/<name>/` chosen with `?dataset=<name>` (the benchmark serves
 * synthetic corpora that way). Names are restricted to a safe slug.
 */
export function datasetBaseUrl(search = typeof window === 'undefined' ? '' : window.location.search): string {
  const name = new URLSearchParams(search).get('dataset');
  const base = import.meta.env.BASE_URL;
  return name && /^[a-z0-9][a-z0-9-]{0,40}$/.test(name) ? `${base}datasets/${name}/` : `${base}data/`;
}
