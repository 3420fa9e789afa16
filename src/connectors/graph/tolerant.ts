/**
 * Reading Graph JSON without trusting its spelling: Microsoft's own samples mix `status: "Active"`
 * with `"active"` and `name` with `Name`, so fields are looked up case-insensitively and enum
 * values are matched case-insensitively to Warden's camelCase spelling.
 */
export type GraphObject = Record<string, unknown>;

/** The value of `name` in any casing; an exact match wins. */
export function field(object: GraphObject | undefined, name: string): unknown {
  if (object === undefined) return undefined;
  if (name in object) return object[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : object[key];
}

export function text(object: GraphObject | undefined, name: string): string | undefined {
  const value = field(object, name);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function textOr(object: GraphObject | undefined, name: string, fallback: string): string {
  return text(object, name) ?? fallback;
}

export function numberOr(object: GraphObject | undefined, name: string, fallback: number): number {
  const value = field(object, name);
  const parsed = typeof value === 'string' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : fallback;
}

export function bool(object: GraphObject | undefined, name: string): boolean | undefined {
  const value = field(object, name);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === 'true';
  }
  return undefined;
}

export function child(object: GraphObject | undefined, name: string): GraphObject | undefined {
  const value = field(object, name);
  return isGraphObject(value) ? value : undefined;
}

export function children(object: GraphObject | undefined, name: string): GraphObject[] {
  const value = field(object, name);
  return Array.isArray(value) ? value.filter(isGraphObject) : [];
}

export function texts(object: GraphObject | undefined, name: string): string[] {
  const value = field(object, name);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `"Active"`, `"ACTIVE"` and `"active"` all read as `active`; anything else as `fallback`. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  if (typeof value !== 'string') return fallback;
  const wanted = value.trim().toLowerCase();
  return allowed.find((option) => option.toLowerCase() === wanted) ?? fallback;
}

export function isGraphObject(value: unknown): value is GraphObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
