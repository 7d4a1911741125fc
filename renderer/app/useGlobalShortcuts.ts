// Owns the app-wide shortcuts: Ctrl+O opens a package, ? and F1 toggle the help overlay.
import { useEffect } from 'react';
import { useHelp } from '../features/help/store';
import { openPackage } from '../features/import/openPackage';
import { isMod, isTyping } from '../lib/keys';

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isMod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        void openPackage(false);
      } else if (e.key === 'F1' || (e.key === '?' && !isMod(e) && !isTyping(e.target))) {
        e.preventDefault();
        useHelp.getState().toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
