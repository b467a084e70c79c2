/**
 * Pure helpers of the planner's cell layer: which demand cells of `GET /api/scenarios/{id}/cells` are drawn in the
 * before / after map mode, in which class, and what the drawn cells add up to. Weights are the demand layer's unit
 * (e.g. workers).
 *
 * Before: every cell outside every existing service circle ("gap", red), whether or not a proposed site covers it.
 * After: the cells the proposed sites newly cover ("new", green) and those still outside every circle ("gap", red).
 */

/** Fill colours of the two classes (the legend uses the same). */
export const CELL_COLORS = Object.freeze({ new: '#1e9e4a', gap: '#d93025' });

/** Fill opacity of the cells (the legend's swatches use the same). */
export const CELL_FILL_OPACITY = 0.55;

/**
 * The class a cell is drawn in: 'new', 'gap', or null (not drawn).
 * @param {{state?: string}} properties a cell feature's properties (state: covered, new or uncovered)
 * @param {'before'|'after'} mode
 */
export function cellClass(properties, mode) {
  const state = properties?.state;
  if (state === 'uncovered') {
    return 'gap';
  }
  if (state === 'new') {
    return mode === 'before' ? 'gap' : 'new';
  }
  return null;
}

/**
 * The number and summed weight of the cells drawn in each class.
 * @returns {{new: {cells: number, weight: number}, gap: {cells: number, weight: number}}}
 */
export function cellTally(collection, mode) {
  const tally = { new: { cells: 0, weight: 0 }, gap: { cells: 0, weight: 0 } };
  for (const feature of collection?.features ?? []) {
    const c = cellClass(feature.properties, mode);
    if (c) {
      tally[c].cells += 1;
      const w = feature.properties.weight;
      tally[c].weight += typeof w === 'number' && Number.isFinite(w) ? w : 0;
    }
  }
  return tally;
}
