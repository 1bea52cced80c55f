/**
 * Where the labels of the atlas's marks go, so that no two overlap (several published neurons sit close
 * together: H, TC, J and P all near c = −65 mV, d = 0). Greedy, in the order given: each label takes the
 * first candidate position (right of its mark, left, above, below, then further out) whose box overlaps no
 * label placed before it, no mark and stays inside the plot; a label with no free position is left out, and
 * the caller says so in words.
 */

/** A mark in pixels and its label. */
export interface LabelRequest {
  x: number;
  y: number;
  text: string;
}

/** A placed label: its anchor point in pixels and how the text hangs from it. */
export interface PlacedLabel {
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelLayout {
  /** The plot area in pixels, labels stay inside. */
  bounds: Box;
  fontSize: number;
  /** Mark radius (px): labels keep clear of every mark. */
  radius: number;
}

/** The width of a label in pixels: a generous estimate for bold Inter (digits and capitals are wide). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.66;
}

function boxOf(p: PlacedLabel, width: number, height: number): Box {
  const x0 = p.anchor === "start" ? p.x : p.anchor === "end" ? p.x - width : p.x - width / 2;
  return {x0, y0: p.y - height / 2, x1: x0 + width, y1: p.y + height / 2};
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Places each label or gives null where none fits; the result is parallel to `requests`. */
export function placeLabels(requests: readonly LabelRequest[], layout: LabelLayout): (PlacedLabel | null)[] {
  const {bounds, fontSize, radius} = layout;
  const height = fontSize + 2;
  const gap = radius + 3;
  const taken: Box[] = requests.map((r) => ({x0: r.x - radius, y0: r.y - radius, x1: r.x + radius, y1: r.y + radius}));
  return requests.map((r) => {
    const width = textWidth(r.text, fontSize);
    const candidates: PlacedLabel[] = [
      {x: r.x + gap, y: r.y, anchor: "start"},
      {x: r.x - gap, y: r.y, anchor: "end"},
      {x: r.x, y: r.y - gap - height / 2, anchor: "middle"},
      {x: r.x, y: r.y + gap + height / 2, anchor: "middle"}
    ];
    for (const step of [1, 2, 3])
      for (const dy of [-step * height, step * height])
        candidates.push({x: r.x + gap, y: r.y + dy, anchor: "start"}, {x: r.x - gap, y: r.y + dy, anchor: "end"});
    for (const c of candidates) {
      const box = boxOf(c, width, height);
      const inside = box.x0 >= bounds.x0 && box.x1 <= bounds.x1 && box.y0 >= bounds.y0 && box.y1 <= bounds.y1;
      if (inside && !taken.some((t) => overlaps(t, box))) {
        taken.push(box);
        return c;
      }
    }
    return null;
  });
}
