/**
 * What Swagger UI's components give no option for, fixed in the DOM it renders (docs/architecture.md,
 * "The API reference page"): a parameter's input or select in "Try it out" has no label, only the parameter's
 * name in the cell beside it (axe "label", "select-name"); a code block that scrolls cannot be
 * reached by keyboard (axe "scrollable-region-focusable").
 */
export function patchSwaggerDom(root: ParentNode) {
  for (const row of Array.from(root.querySelectorAll<HTMLElement>("tr[data-param-name]"))) {
    const name = row.dataset.paramName ?? "";
    for (const control of Array.from(row.querySelectorAll<HTMLElement>("input, select, textarea"))) {
      if (!control.hasAttribute("aria-label") && !control.hasAttribute("aria-labelledby")) control.setAttribute("aria-label", name);
    }
  }
  for (const pre of Array.from(root.querySelectorAll<HTMLElement>(".swagger-ui pre"))) {
    if (!pre.hasAttribute("tabindex")) pre.tabIndex = 0;
  }
}

/** Applies patchSwaggerDom now and after every change Swagger UI makes under `root`, until disconnected. */
export function watchSwaggerDom(root: HTMLElement): MutationObserver {
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      patchSwaggerDom(root);
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  patchSwaggerDom(root);
  return observer;
}
