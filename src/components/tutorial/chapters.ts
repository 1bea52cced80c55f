/**
 * The tutorial's chapters, in reading order, and the navigation shown at the top and the foot of each
 * chapter (src/tutorial/*.md): the table of contents at /tutorial/ lists the same chapters.
 */

export interface Chapter {
  /** The page's file name in src/tutorial without ".md", which is also its clean URL: /tutorial/<slug>. */
  slug: string;
  /** The chapter's title, as its <h1> says it. */
  title: string;
  /** What the chapter is about, in one line (for the table of contents). */
  summary: string;
}

export const CHAPTERS: readonly Chapter[] = Object.freeze([
  {
    slug: "model",
    title: "The model",
    summary: "What v and u are, the reset, the units, and why 30 mV is an apex, not a threshold."
  },
  {
    slug: "recovery-rate",
    title: "a: the time scale of recovery",
    summary: "How fast u follows v, and what that does to spiking."
  },
  {
    slug: "coupling",
    title: "b: how u couples to v",
    summary: "Integrators and resonators; the rest state's stability."
  },
  {slug: "reset", title: "c: the reset of v", summary: "Where v restarts after a spike, and how bursts arise."},
  {
    slug: "adaptation",
    title: "d: the jump of u",
    summary: "How each spike slows the next: spike-frequency adaptation."
  },
  {slug: "input", title: "The input current", summary: "DC, steps, pulses, ramps and noise; rheobase and latency."},
  {
    slug: "phase-plane",
    title: "The phase plane",
    summary: "Nullclines, equilibria, the threshold separatrix and the reset, in the (v, u) plane."
  },
  {
    slug: "excitability",
    title: "Excitability",
    summary: "Class 1 and Class 2; saddle-node and Andronov–Hopf bifurcations of the rest state."
  }
]);

/** The chapter with this slug; throws for an unknown slug, so a typo fails the page at once. */
export function chapter(slug: string): Chapter {
  const found = CHAPTERS.find((c) => c.slug === slug);
  if (!found) throw new Error(`chapters: no chapter "${slug}" (known: ${CHAPTERS.map((c) => c.slug).join(", ")})`);
  return found;
}

/** Links to the previous chapter, the contents and the next chapter, as a <nav> (relative URLs). */
export function ChapterNav(slug: string): HTMLElement {
  const index = CHAPTERS.indexOf(chapter(slug));
  const nav = document.createElement("nav");
  nav.className = "chapter-nav";
  nav.setAttribute("aria-label", "Chapters");
  const link = (href: string, text: string, rel?: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (rel) a.rel = rel;
    return a;
  };
  const previous = CHAPTERS[index - 1];
  const next = CHAPTERS[index + 1];
  const cell = (child: HTMLElement | null, className: string) => {
    const span = document.createElement("span");
    span.className = className;
    if (child) span.append(child);
    return span;
  };
  nav.append(
    cell(previous ? link(`./${previous.slug}`, `← ${index}. ${previous.title}`, "prev") : null, "chapter-nav-prev"),
    cell(link("./", `Contents (chapter ${index + 1} of ${CHAPTERS.length})`), "chapter-nav-contents"),
    cell(next ? link(`./${next.slug}`, `${index + 2}. ${next.title} →`, "next") : null, "chapter-nav-next")
  );
  return nav;
}
