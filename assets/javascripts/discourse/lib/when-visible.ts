// `{{whenVisible this.loadMore}}`: calls back each time the element scrolls into view, so a
// long timeline loads its next page as the reader reaches the end. Written against Ember's own
// modifier manager API (no ember-modifier in the plugin's dependencies).
import { capabilities, setModifierManager } from "@ember/modifier";
import type { ModifierLike } from "@glint/template";

interface State {
  observer: IntersectionObserver | null;
  callback: () => void;
  seen: boolean;
}

interface ModifierArgs {
  positional: readonly unknown[];
}

export type WhenVisibleSignature = {
  Element: Element;
  Args: { Positional: [callback: () => void] };
};

const whenVisible = setModifierManager(
  () => ({
    capabilities: capabilities("3.22"),
    createModifier(_factory: unknown, args: ModifierArgs): State {
      return {
        observer: null,
        callback: args.positional[0] as () => void,
        seen: false,
      };
    },
    installModifier(state: State, element: Element): void {
      // No IntersectionObserver (an old browser): the "Load more" button still works.
      if (typeof IntersectionObserver === "undefined") {
        return;
      }
      // The first report only says where the element is now; loading starts when scrolling
      // brings it into view (a short page shows the "Load more" button instead).
      state.observer = new IntersectionObserver((records) => {
        const first = !state.seen;
        state.seen = true;
        if (!first && records.some((record) => record.isIntersecting)) {
          state.callback();
        }
      });
      state.observer.observe(element);
    },
    updateModifier(state: State, args: ModifierArgs): void {
      state.callback = args.positional[0] as () => void;
    },
    destroyModifier(state: State): void {
      state.observer?.disconnect();
    },
  }),
  {}
) as unknown as ModifierLike<WhenVisibleSignature>;

export default whenVisible;
