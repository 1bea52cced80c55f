/** The 2004 Fig. 1 panels the excitability tests use, with their closed-form bifurcation currents. */
// G (Class 1, with figure1.m's 4.1/108 quadratic), H (Class 2), P (bistable), and the regular-spiking cell.
export const G = {params: {a: 0.02, b: -0.1, c: -55, d: 6}, equation: {f: 4.1, g: 108}};
export const H = {params: {a: 0.2, b: 0.26, c: -65, d: 0}};
export const P = {params: {a: 0.1, b: 0.26, c: -60, d: 0}};
export const RS = {params: {a: 0.02, b: 0.2, c: -65, d: 8}};
export const I_SN_G = 2.25; // docs/science.md §4
export const I_AH_H = 0.4;
export const I_AH_P = 0.2625;
