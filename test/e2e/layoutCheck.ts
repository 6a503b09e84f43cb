/**
 * What a planner sees as broken layout, measured in the page from the boxes the browser laid
 * out (not from screenshots): text that overlaps other text, text cut off or spilling out of
 * its box or the pane, words squeezed to a character or two per line, inputs too narrow to type
 * in. `layoutProblems` runs inside the page (page.evaluate): it must not use anything from
 * outside its own body.
 */

export interface LayoutProblem {
  kind: 'overlap' | 'cut-off' | 'outside-pane' | 'squeezed' | 'narrow-input';
  /** The text (or the input's label) concerned, and the other text for an overlap. */
  text: string;
  other?: string;
  detail: string;
}

export interface LayoutOptions {
  /** Only elements inside this selector are checked (default: the whole body). */
  root?: string;
  /** The narrowest a number field and a text field may be, in px. */
  minNumberWidth: number;
  minTextWidth: number;
}

export function layoutProblems(options: LayoutOptions): LayoutProblem[] {
  const root = options.root ? document.querySelector(options.root) : document.body;
  if (!root) return [{ kind: 'outside-pane', text: options.root ?? 'body', detail: 'root not found' }];
  const paneWidth = document.documentElement.clientWidth;
  const problems: LayoutProblem[] = [];

  const visible = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
      if (e.getAttribute('aria-hidden') === 'true' && e.hasAttribute('data-tabster-dummy')) return false;
    }
    return true;
  };
  const short = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);

  // What of an element can be seen: its ancestors that clip (overflow other than visible)
  // cut its boxes down; a scrolled-away row or a visually hidden label (1 px, clipped) is not seen.
  const clipOf = (el: Element): { left: number; top: number; right: number; bottom: number } => {
    const clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const clipsX = s.overflowX !== 'visible';
      const clipsY = s.overflowY !== 'visible';
      if (!clipsX && !clipsY && s.clipPath === 'none' && s.clip === 'auto') continue;
      const r = e.getBoundingClientRect();
      if (clipsX || s.clipPath !== 'none' || s.clip !== 'auto') {
        clip.left = Math.max(clip.left, r.left);
        clip.right = Math.min(clip.right, r.right);
      }
      if (clipsY || s.clipPath !== 'none' || s.clip !== 'auto') {
        clip.top = Math.max(clip.top, r.top);
        clip.bottom = Math.min(clip.bottom, r.bottom);
      }
      if (s.clip !== 'auto' && /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(s.clip)) clip.right = clip.left;
    }
    return clip;
  };
  const seenPart = (r: DOMRect, c: ReturnType<typeof clipOf>): DOMRect | null => {
    const left = Math.max(r.left, c.left);
    const right = Math.min(r.right, c.right);
    const top = Math.max(r.top, c.top);
    const bottom = Math.min(r.bottom, c.bottom);
    return right - left > 1.5 && bottom - top > 1.5 ? new DOMRect(left, top, right - left, bottom - top) : null;
  };

  // Each text node's laid-out line boxes, through a Range (an element's box is not its text's).
  interface TextBox {
    el: Element;
    text: string;
    /** The line boxes as seen (cut to what clips them), and as laid out. */
    rects: DOMRect[];
    laid: DOMRect[];
  }
  const boxes: TextBox[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const el = node.parentElement;
    if (!text || !el || !visible(el)) continue;
    if (el.closest('svg, script, style, [role="tooltip"]')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const laid = Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0.5);
    // A visually hidden label (screen readers only) is laid out in a clipped 1 px box: not seen.
    const box = el.getBoundingClientRect();
    if (laid.length === 0 || box.width <= 1 || box.height <= 1) continue;
    const clip = clipOf(el);
    const rects = laid.map((r) => seenPart(r, clip)).filter((r): r is DOMRect => r !== null);
    // Text wider than a clipping box is reported as cut off below; what is seen of it counts here.
    if (rects.length) boxes.push({ el, text, rects, laid });
  }

  for (const b of boxes) {
    // Outside the pane: the planner would have to scroll sideways to read it.
    const right = Math.max(...b.laid.map((r) => r.right));
    const left = Math.min(...b.laid.map((r) => r.left));
    if (right > paneWidth + 1 || left < -1) problems.push({ kind: 'outside-pane', text: short(b.text), detail: `spans ${Math.round(left)}–${Math.round(right)} px in a ${paneWidth} px pane` });

    // Squeezed: fewer than three characters a line (a city name stacked a character or two a
    // line); a two-word header on two lines ("No / class") is fine.
    const lines = new Set(b.laid.map((r) => Math.round(r.top))).size;
    const chars = Array.from(b.text.replace(/\s+/g, '')).length;
    if (lines >= 2 && chars / lines < 3) problems.push({ kind: 'squeezed', text: short(b.text), detail: `${chars} characters on ${lines} lines` });
  }

  // Cut off: an element whose own content is wider (or taller) than its box while it clips.
  const seen = new Set<Element>();
  for (const b of boxes) {
    for (let e: Element | null = b.el; e && e !== root.parentElement; e = e.parentElement) {
      if (seen.has(e)) break;
      seen.add(e);
      const s = getComputedStyle(e);
      const clipsX = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis';
      if (clipsX && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) {
        problems.push({ kind: 'cut-off', text: short((e.textContent ?? '').trim()), detail: `${e.scrollWidth} px of text in a ${e.clientWidth} px box` });
      }
    }
  }

  // Overlap: line boxes of two different texts that cross by more than a pixel each way.
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.el === b.el) continue;
      let crossed: string | null = null;
      for (const ra of a.rects) {
        for (const rb of b.rects) {
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 1 && h > 2) crossed = `${Math.round(w)}×${Math.round(h)} px`;
        }
      }
      if (crossed) problems.push({ kind: 'overlap', text: short(a.text), other: short(b.text), detail: crossed });
    }
  }

  for (const input of Array.from(root.querySelectorAll('input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox]), textarea'))) {
    if (!visible(input)) continue;
    const w = input.getBoundingClientRect().width;
    // A number field holds a few digits; a text field (a city name, a search) needs more room.
    const numeric = /^(decimal|numeric)$/.test(input.getAttribute('inputmode') ?? '') || input.getAttribute('type') === 'number';
    const min = numeric ? options.minNumberWidth : options.minTextWidth;
    const label = input.getAttribute('aria-label') ?? (input.id ? document.querySelector(`label[for="${input.id}"]`)?.textContent : null) ?? input.getAttribute('data-path') ?? 'input';
    if (w < min) problems.push({ kind: 'narrow-input', text: short(label ?? ''), detail: `${Math.round(w)} px wide` });
  }
  return problems;
}
