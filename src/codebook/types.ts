/** The theme set as the codebook formats see it: groups and their themes. */
export interface CodebookGroup {
  id: string;
  label: string;
}

export interface CodebookTheme {
  id: string;
  group_id: string;
  label: string;
  description: string;
  retired: boolean;
}

export interface Codebook {
  groups: CodebookGroup[];
  themes: CodebookTheme[];
}

/** A parsed codebook file and what was wrong with it (nothing is applied when `errors` is non-empty). */
export interface ParsedCodebook extends Codebook {
  errors: string[];
  warnings: string[];
  /** REFI-QDA guids of the codes, keyed by the theme/group id they map to (QDC only). */
  guids?: Record<string, string>;
}

/** A readable id from a label: lower case, words joined by hyphens. */
export function slugify(label: string): string {
  return label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'theme';
}
