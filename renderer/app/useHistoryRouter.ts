// Owns screens as browser history entries: each change of screen (the bureau's list, tab or 规则配置; the expert's
// session, project, document, side-panel tab, 评审概览 or 文书) is pushed with history.pushState, and Back/Forward
// (popstate) put the stores back to that screen — in a browser tab and in the Electron window alike. The address stays
// the same: where the user was is remembered by ui.save, so a reload or a new tab opens there without ids in the URL.
import { useEffect } from 'react';
import { useBureau, type BureauTab } from '../features/bureau/store';
import { useProfiles } from '../features/bureau/profiles/store';
import { useSession, type PanelTab } from '../kernel/sessionStore';

interface ExpertPlace {
  side: 'expert';
  sessionId: string | null;
  projectId: string | null;
  documentKey: number | null;
  panelTab: PanelTab;
  overviewOpen: boolean;
  documentsOpen: boolean;
}
interface BureauPlace {
  side: 'bureau';
  profiles: boolean;
  draftId: string | null;
  sessionId: string | null;
  sessionTitle: string;
  tab: BureauTab;
}
export type Place = ExpertPlace | BureauPlace;

/** The screen the stores show now. */
export function currentPlace(): Place {
  const b = useBureau.getState();
  if (b.open) {
    const { draftId, sessionId, sessionTitle, tab } = b;
    return { side: 'bureau', profiles: useProfiles.getState().active, draftId, sessionId, sessionTitle, tab };
  }
  const { sessionId, projectId, documentKey, panelTab, overviewOpen, documentsOpen } = useSession.getState();
  return { side: 'expert', sessionId, projectId, documentKey, panelTab, overviewOpen, documentsOpen };
}

/** Two places are the same screen (a renamed session title is not a new screen). */
export function samePlace(a: Place, b: Place): boolean {
  if (a.side === 'bureau' && b.side === 'bureau') {
    return a.profiles === b.profiles && a.draftId === b.draftId && a.sessionId === b.sessionId && a.tab === b.tab;
  }
  if (a.side === 'expert' && b.side === 'expert') {
    return (
      a.sessionId === b.sessionId &&
      a.projectId === b.projectId &&
      a.documentKey === b.documentKey &&
      a.panelTab === b.panelTab &&
      a.overviewOpen === b.overviewOpen &&
      a.documentsOpen === b.documentsOpen
    );
  }
  return false;
}

/**
 * `next` only fills in what `shown` left open (the session screen choosing its first project, a document opening): the
 * same screen, made definite, so it replaces the entry — Back from it would only be filled in again.
 */
export function refines(shown: Place, next: Place): boolean {
  if (shown.side !== 'expert' || next.side !== 'expert') return false;
  return (
    shown.sessionId === next.sessionId &&
    shown.panelTab === next.panelTab &&
    shown.overviewOpen === next.overviewOpen &&
    shown.documentsOpen === next.documentsOpen &&
    (shown.projectId === null || shown.projectId === next.projectId) &&
    (shown.documentKey === null || shown.documentKey === next.documentKey)
  );
}

function isPlace(value: unknown): value is Place {
  return typeof value === 'object' && value !== null && 'side' in value && (value.side === 'expert' || value.side === 'bureau');
}

/** Puts the stores on `place` through their own actions, so each screen's invariants (loading a draft …) still hold. */
async function go(place: Place): Promise<void> {
  if (place.side === 'expert') {
    if (useBureau.getState().open) {
      useProfiles.getState().hide();
      useBureau.getState().leave();
    }
    const { sessionId, projectId, documentKey, panelTab, overviewOpen, documentsOpen } = place;
    useSession.setState((s) => ({
      ...{ sessionId, projectId, documentKey, panelTab, overviewOpen, documentsOpen },
      generation: s.sessionId === sessionId ? s.generation : s.generation + 1,
    }));
    return;
  }
  const bureau = useBureau.getState();
  if (!bureau.open) bureau.enter();
  if (place.profiles) useProfiles.getState().show();
  else useProfiles.getState().hide();
  const now = useBureau.getState();
  if (place.draftId !== null) {
    if (now.draftId !== place.draftId) await now.openDraft(place.draftId);
  } else if (place.sessionId !== null) {
    if (now.sessionId !== place.sessionId || now.draftId !== null) now.openSession(place.sessionId, place.sessionTitle);
  } else if (now.draftId !== null || now.sessionId !== null) {
    now.backToList();
  }
  useBureau.getState().setTab(place.tab);
}

export function useHistoryRouter(): void {
  useEffect(() => {
    let applying = false;
    const record = (mode: 'push' | 'replace') => {
      const place = currentPlace();
      const shown: unknown = window.history.state;
      if (mode === 'push' && isPlace(shown) && samePlace(shown, place)) return;
      if (mode === 'push' && !(isPlace(shown) && refines(shown, place))) window.history.pushState(place, '');
      else window.history.replaceState(place, '');
    };
    const show = (place: Place) => {
      applying = true;
      void go(place).finally(() => {
        applying = false;
        // A screen that could not be reached (a deleted draft) leaves the entry describing what is shown.
        record('replace');
      });
    };
    const onChange = () => {
      if (!applying && useSession.getState().restored) record('push');
    };
    const onPop = (event: PopStateEvent) => {
      if (isPlace(event.state)) show(event.state);
    };
    const onRestored = useSession.subscribe((now, before) => {
      if (!now.restored || before.restored) return;
      // A reload keeps this entry's screen (the bureau's too, which ui.restore does not know); a new tab starts where
      // ui.restore left it, replacing the entry the page loaded with.
      const entry: unknown = window.history.state;
      if (isPlace(entry)) show(entry);
      else record('replace');
    });
    const unsubscribe = [onRestored, useSession.subscribe(onChange), useBureau.subscribe(onChange), useProfiles.subscribe(onChange)];
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe.forEach((u) => u());
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
