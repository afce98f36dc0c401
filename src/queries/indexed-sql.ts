/**
 * Positions of partnerships, themes, reviews and briefings in id order: the
 * filter index's numbering, shared by every query that speaks in positions.
 */
export const INDEXED = `
p_idx AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS i FROM partnerships),
t_idx AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS i FROM themes),
r_idx AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS i FROM review_facts),
b_idx AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS i FROM briefings)`;
