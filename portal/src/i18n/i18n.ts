/** The portal's language: the browser's choice first, then whatever the person picks. */
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, type Problem } from '../api/client.ts';
import { CognitoError } from '../auth/cognito.ts';
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import { fieldWords, problemWords, statusWords } from './problems.ts';

export type Language = 'en' | 'es';
export const LANGUAGES: Language[] = ['en', 'es'];
const STORAGE_KEY = 'portico.language';
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, es };

const initial = (): Language => {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'es') return saved;
  const preferred = navigator.languages.find((l) => /^(en|es)\b/.test(l));
  return preferred?.startsWith('es') ? 'es' : 'en';
};

let current: Language = initial();
const listeners = new Set<() => void>();

export const setLanguage = (language: Language): void => {
  current = language;
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  for (const listener of listeners) listener();
};

const fill = (text: string, vars: Record<string, unknown> = {}) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));

export interface Translator {
  language: Language;
  t(key: MessageKey, vars?: Record<string, unknown>): string;
  /** A failure in the portal's words: from the problem type, else its status; never its detail. */
  failure(error: unknown): string;
  problem(problem: Problem): string;
  field(code: string, vars?: Record<string, unknown>): string;
}

const problemText = (language: Language, problem: Problem): string =>
  problemWords[language][problem.type.split('/').pop() ?? ''] ??
  statusWords[language][String(problem.status)] ??
  statusWords[language]['500'] ??
  '';

export const translator = (language: Language): Translator => ({
  language,
  t: (key, vars) => fill(dictionaries[language][key], vars),
  problem: (problem) => problemText(language, problem),
  failure: (error) => {
    if (error instanceof ApiProblem) return problemText(language, error.problem);
    if (error instanceof CognitoError) {
      const key = `cognito.${error.code}` as MessageKey;
      return fill(dictionaries[language][key] ?? dictionaries[language]['cognito.other']);
    }
    return statusWords[language]['500'] ?? '';
  },
  field: (code, vars) =>
    fill(fieldWords[language][code] ?? fieldWords[language].invalid ?? '', vars),
});

/** The current translator; components re-render when the language changes. */
export const useI18n = (): Translator => {
  const [language, setState] = useState(current);
  useEffect(() => {
    const listener = () => setState(current);
    listeners.add(listener);
    document.documentElement.lang = current;
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return translator(language);
};
