/**
 * Okabe–Ito colours: distinguishable with the common colour-vision
 * deficiencies. Charts also turn on decal patterns so colour is never the only cue.
 */
export const CATEGORY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
/** For an "everything else" series. */
export const OTHER_COLOUR = '#8C8C8C';
/** Sequential scale for heatmaps (light to dark blue), readable in greyscale. */
export const SEQUENTIAL_COLOURS = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
