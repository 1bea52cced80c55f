// fast-check generators shared by the 2007 model's property tests: the shape of a plain cell (C pF, k nS/mV,
// vr mV, the gap vt − vr in mV, a 1/ms, b nS) over the ranges the book's cells span and a little beyond.
import fc from "fast-check";

export function plainCellShape2007({maxGap}: {maxGap: number}) {
  return {
    C: fc.double({min: 10, max: 300, noNaN: true}),
    k: fc.double({min: 0.1, max: 3, noNaN: true}),
    vr: fc.double({min: -80, max: -50, noNaN: true}),
    gap: fc.double({min: 5, max: maxGap, noNaN: true}),
    a: fc.double({min: 0.005, max: 0.3, noNaN: true}),
    b: fc.double({min: -5, max: 20, noNaN: true})
  };
}
