import { describe, expect, it } from 'vitest';
import { actionPlanGrid, parseCsv, readActionPlan, readDueDate, type ActionPlanRow } from './action-plan.ts';
import { toCsv } from '../lib/csv.ts';

const row = (id: string, text: string): ActionPlanRow => ({
  id, review: 'Child Rowan', partnership: 'Northshire', year: 2024, text, kind: 'Training or awareness', addressedTo: 'Partnership',
  status: 'not-started', owner: '', due_on: '', note: '',
});
const rows = [row('r1#aa', 'Train staff on bruising, "non-mobile" babies.'), row('r1#bb', 'Review the escalation policy.')];
const known = new Map(rows.map((r) => [r.id, r.text]));
const NOW = '2026-12-05T10:00:00.000Z';

function edit(grid: (string | number | null)[][], r: number, column: string, value: string | number | null) {
  grid[r]![grid[0]!.indexOf(column)] = value;
  return grid;
}

describe('action plan files', () => {
  it('round-trips through CSV: a changed status, owner and due date come back as updates; untouched rows change nothing', () => {
    const grid = actionPlanGrid(rows);
    const csv = toCsv(grid[0]!.map(String), grid.slice(1));
    const back = parseCsv(csv);
    expect(back[1]![4]).toBe('Train staff on bruising, "non-mobile" babies.');
    edit(back as (string | null)[][], 1, 'Status', 'In progress');
    edit(back as (string | null)[][], 1, 'Owner', 'Police');
    edit(back as (string | null)[][], 1, 'Due date', '31/03/2027');
    const reading = readActionPlan(back, known, new Map(), NOW);
    expect(reading.problems).toEqual([]);
    expect(reading.unchanged).toBe(1);
    expect(reading.updates).toEqual([{ rec_id: 'r1#aa', status: 'in-progress', owner: 'Police', due_on: '2027-03-31', note: '', updated_at: NOW }]);
  });

  it('names every row that does not match a known recommendation, and why, and updates nothing', () => {
    const grid = actionPlanGrid([...rows, row('other#cc', 'Something else entirely here.')]);
    edit(grid, 1, 'Status', 'Finished');
    edit(grid, 2, 'Recommendation', 'A different recommendation text.');
    edit(grid, 2, 'Due date', '31/13/2027');
    grid.push([...grid[1]!]);
    const reading = readActionPlan(grid, known, new Map(), NOW);
    expect(reading.problems).toEqual([
      { row: 2, message: 'status "Finished" is not one of Not started, In progress, Done, Impact evidenced.' },
      { row: 3, message: 'the recommendation text does not match recommendation "r1#bb"; keep the ID and text together as exported.' },
      { row: 4, message: expect.stringContaining('recommendation ID "other#cc" is not a recommendation in this workspace') },
      { row: 5, message: 'recommendation ID "r1#aa" is already on row 2.' },
    ]);
  });

  it('refuses a file without the action plan columns', () => {
    expect(readActionPlan([['Case', 'Summary'], ['x', 'y']], known, new Map(), NOW).problems[0]!.message).toMatch(/^This is not an action plan/);
  });

  it('reads due dates from ISO text, UK dates, Excel dates and serial numbers, and rejects impossible ones', () => {
    expect(readDueDate('2027-03-31')).toBe('2027-03-31');
    expect(readDueDate('1/4/2027')).toBe('2027-04-01');
    expect(readDueDate(new Date(Date.UTC(2027, 2, 31)))).toBe('2027-03-31');
    expect(readDueDate(46477)).toBe('2027-03-31');
    expect(readDueDate('')).toBe('');
    expect(readDueDate('31/02/2027')).toBeNull();
    expect(readDueDate('next week')).toBeNull();
  });
});
