import type { Lang } from './charts';

const KEY = 'dvk.lang';

/** Interface language; Vietnamese unless the user switched. UI state only. */
class LangState {
  value = $state<Lang>(readStored());
  set(lang: Lang): void {
    this.value = lang;
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      /* private mode: the switch still works for this visit */
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

function readStored(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const lang = new LangState();

/** Pick the text of the current language. */
export const tr = (vi: string, en: string): string => (lang.value === 'en' ? en : vi);
