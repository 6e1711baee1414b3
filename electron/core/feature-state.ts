/**
 * One area's own slice of the settings (`settings.features[name]`), read and written through that
 * area's zod schema. A slice that no longer matches its schema (written by another version, edited
 * by hand) reads as the schema's default instead of failing the whole settings file.
 */
import type { z } from 'zod';
import type { SettingsStore } from './settings';

export interface FeatureState<T> {
  get(): T;
  update(change: (current: T) => T): Promise<T>;
}

export function featureState<S extends z.ZodType>(
  settings: SettingsStore,
  name: string,
  schema: S,
  fallback: () => z.output<S>,
): FeatureState<z.output<S>> {
  const read = (raw: unknown): z.output<S> => {
    if (raw === undefined) return fallback();
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fallback();
  };
  return {
    get: () => read(settings.get().features[name]),
    async update(change) {
      let next = fallback();
      await settings.update((s) => {
        next = schema.parse(change(read(s.features[name])));
        return { ...s, features: { ...s.features, [name]: next } };
      });
      return next;
    },
  };
}
