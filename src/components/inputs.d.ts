// Observable Inputs ships no type declarations; the explorer uses range, select and their `value`.
declare module "@observablehq/inputs";
