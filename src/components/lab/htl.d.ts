// Hypertext Literal ships no type declarations; the lab pages' components use its `html` tagged template.
declare module "htl";
