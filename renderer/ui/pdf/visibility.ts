// Owns one IntersectionObserver per scroll pane, shared by all its pages/thumbnails, so only elements near the view render.
export class VisibilityWatcher {
  private readonly observer: IntersectionObserver;
  private readonly callbacks = new Map<Element, (visible: boolean) => void>();

  constructor(root: Element, margin: string) {
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) this.callbacks.get(entry.target)?.(entry.isIntersecting);
      },
      { root, rootMargin: margin },
    );
  }

  watch(element: Element, onChange: (visible: boolean) => void): () => void {
    this.callbacks.set(element, onChange);
    this.observer.observe(element);
    return () => {
      this.observer.unobserve(element);
      this.callbacks.delete(element);
    };
  }

  disconnect(): void {
    this.observer.disconnect();
    this.callbacks.clear();
  }
}
