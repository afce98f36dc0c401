/**
 * The shapes of the Recommendations view's answers: what its SQL returns and what the
 * recommendation index computes, one definition for both.
 */
export interface KindYearRow {
  year: number;
  kind: string;
  recommendations: number;
  /** Recommendations made in reviews published that year (the base of the share). */
  total: number;
  share: number;
}

export interface KindThemeRow {
  theme_id: string;
  theme: string;
  kind: string;
  recommendations: number;
}

export interface OwnerRow {
  owner: string;
  open: number;
  overdue: number;
}

export interface RecommendationListRow {
  id: string;
  review_id: string;
  review: string;
  partnership: string;
  year: number | null;
  source: string;
  field: string;
  text: string;
  start_offset: number;
  end_offset: number;
  kind: string;
  kind_confidence: number;
  addressee: string | null;
  agency: string | null;
  themes: string[];
  status: string;
  owner: string;
  due_on: string;
  note: string;
}
