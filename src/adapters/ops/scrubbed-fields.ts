import { REDACTED } from "./redact-secrets.ts";

/** Field names whose string values are credentials whatever they look like. */
const SECRET_KEYS =
  /^(authorization|password|passwd|secret|token|access_?token|refresh_?token|api_?key|signing_?secret|client_?secret|cookie|set-cookie)$/iu;

const MAX_DEPTH = 8;

/**
 * A JSON-safe copy of a log field with every string (keys, values, error messages and stacks) passed through
 * `redact`: circular references, BigInts, functions and buffers become text instead of throwing.
 */
export function scrubbed(value: unknown, redact: (text: string) => string): unknown {
  const seen = new WeakSet<object>();
  const visit = (current: unknown, depth: number): unknown => {
    switch (typeof current) {
      case "string":
        return redact(current);
      case "number":
        return Number.isFinite(current) ? current : String(current);
      case "boolean":
      case "undefined":
        return current;
      case "bigint":
        return current.toString();
      case "symbol":
        return redact(current.toString());
      case "function":
        return `[Function ${redact(current.name || "anonymous")}]`;
    }
    if (current === null) return null;
    const object = current as object;
    if (seen.has(object)) return "[Circular]";
    if (depth >= MAX_DEPTH) return "[Too deep]";
    seen.add(object);
    try {
      if (object instanceof Date)
        return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
      if (object instanceof Error) return visit(errorFields(object), depth);
      if (ArrayBuffer.isView(object)) return `[${object.byteLength} bytes]`;
      if (Array.isArray(object)) return object.map((item) => visit(item, depth + 1));
      if (object instanceof Map) return visit(Object.fromEntries(object), depth);
      if (object instanceof Set) return visit([...object], depth);
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(object)) copy[redact(key)] = visitProperty(object, key, depth);
      return copy;
    } finally {
      seen.delete(object);
    }
  };
  const visitProperty = (object: object, key: string, depth: number): unknown => {
    try {
      const item: unknown = Reflect.get(object, key);
      return SECRET_KEYS.test(key) && typeof item === "string" ? REDACTED : visit(item, depth + 1);
    } catch {
      return "[Unreadable]";
    }
  };
  try {
    return visit(value, 0);
  } catch {
    return "[Unloggable]";
  }
}

function errorFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { type: error.name, message: error.message };
  for (const [key, value] of Object.entries(error)) fields[key] = value;
  if (error.stack !== undefined) fields.stack = error.stack;
  if (error.cause !== undefined) fields.cause = error.cause;
  return fields;
}
