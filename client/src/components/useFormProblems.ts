import { useCallback, useMemo, useState } from 'react';
import { toApiError, type ApiError } from '../api/ApiError';
import type { SummaryItem } from './ErrorSummary';

/** What ties a field to its path in the form: its id, its name (the path) and its problem. */
export interface BoundField {
  id: string;
  name: string;
  error: string | undefined;
}

export interface FormProblems<Path extends string = string> {
  /** The message to show next to a field, by the server's path for it (`email`). */
  fieldError(path: string): string | undefined;
  /** The id, name and problem of the field for `path`, to spread on it: `<TextField {...problems.field('email')} />`. */
  field(path: Path): BoundField;
  /** Everything for the error summary: field problems as links, the rest as plain words. */
  summary: SummaryItem[];
  show(error: unknown): void;
  clear(): void;
}

const lastPart = (path: string) => path.split('.').pop() ?? path;

/** Sort a failed request's problems into "next to this field" and "at the top of the form". */
export function useFormProblems<Path extends string>(fieldIds: Record<Path, string>): FormProblems<Path> {
  const [error, setError] = useState<ApiError | null>(null);

  const byField = useMemo(() => {
    const found = new Map<string, string>();
    for (const f of error?.fields ?? []) {
      const path = f.path in fieldIds ? f.path : lastPart(f.path);
      if (path in fieldIds && !found.has(path)) found.set(path, f.message);
    }
    return found;
  }, [error, fieldIds]);

  const summary = useMemo<SummaryItem[]>(() => {
    if (!error) return [];
    const items: SummaryItem[] = [];
    // In the order the fields appear on the page, so the summary reads top to bottom like the form.
    for (const [path, fieldId] of Object.entries<string>(fieldIds)) {
      const message = byField.get(path);
      if (message) items.push({ message, fieldId });
    }
    for (const f of error.fields) {
      const path = f.path in fieldIds ? f.path : lastPart(f.path);
      if (!(path in fieldIds)) items.push({ message: f.message });
    }
    return items.length > 0 ? items : [{ message: error.message }];
  }, [error, byField, fieldIds]);

  const show = useCallback((e: unknown) => setError(toApiError(e)), []);
  const clear = useCallback(() => setError(null), []);
  const fieldError = useCallback((path: string) => byField.get(path), [byField]);
  const field = useCallback(
    (path: Path) => ({ id: fieldIds[path], name: path, error: byField.get(path) }),
    [fieldIds, byField],
  );

  return { fieldError, field, summary, show, clear };
}
