/** One shared tooltip that follows the pointer; views pass HTML they escaped. */
let el: HTMLDivElement | null = null;

function element(): HTMLDivElement {
  if (!el) {
    el = document.createElement("div");
    el.className = "tooltip";
    el.setAttribute("role", "tooltip");
    document.body.append(el);
  }
  return el;
}

export function showTooltip(html: string, clientX: number, clientY: number): void {
  const t = element();
  t.innerHTML = html;
  t.style.display = "block";
  const { width, height } = t.getBoundingClientRect();
  // Keep it on screen: flip to the left/top of the pointer near the edges.
  const x = clientX + 14 + width > window.innerWidth ? clientX - width - 14 : clientX + 14;
  const y = clientY + 14 + height > window.innerHeight ? clientY - height - 14 : clientY + 14;
  t.style.left = `${Math.max(4, x)}px`;
  t.style.top = `${Math.max(4, y)}px`;
}

export function hideTooltip(): void {
  if (el) el.style.display = "none";
}
