// Answers written from their response schema by a compiled serializer (fast-json-stringify, what
// Fastify itself uses for JSON Schema routes) instead of zod encoding every answer and then
// JSON.stringify: a results page of 50 villages spent a tenth of the server's time in zod walking
// each row (every id through the uuid pattern) before the string was even built.
//
// What the compiled one keeps: only the schema's properties are written (anything else a handler
// returns, a password hash or an internal column, is left out, as zod's stripping did), and a
// missing required property is an error (500), not a silently short answer. What it does not do
// is check each value against its type: the handlers are typed from the same schemas, and every
// API test runs both serializers on every answer and fails on any difference (FIVESTAR_CHECK_RESPONSES,
// set for the test runs in vitest.config.ts). A schema that cannot be written as JSON Schema, or
// that fast-json-stringify refuses, keeps the zod serializer.
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { isDeepStrictEqual } from 'node:util';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type CompilerInput = Parameters<typeof zodSerializerCompiler>[0];
type Serialize = (data: unknown) => string;

const checking = process.env.FIVESTAR_CHECK_RESPONSES === '1';

/** The compiled serializer of a response schema, or null when it keeps zod's. */
export function compiledSerializer(schema: unknown): Serialize | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    // io 'input': the zod serializer encodes, so what it writes has the schema's input shape.
    const json = nullableAsTypeList(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', target: 'draft-7' }));
    // Unions are written by fast-json-stringify after validating the value against each branch
    // (slower than zod, and strict where zod's encoder is not): those answers keep zod's.
    if (/"(anyOf|oneOf|allOf|not|if)":/.test(JSON.stringify(json))) return null;
    return fastJson(json as Parameters<typeof fastJson>[0]) as Serialize;
  } catch {
    return null;
  }
}

/**
 * `anyOf: [X, {type: 'null'}]` (zod's nullable) as `type: [X's type, 'null']`: fast-json-stringify
 * writes a type list directly, while for anyOf it validates each value against each branch.
 */
function nullableAsTypeList(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsTypeList);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = nullableAsTypeList(v);
  const anyOf = out.anyOf as Record<string, unknown>[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullAt = anyOf.findIndex((b) => b.type === 'null' && Object.keys(b).length === 1);
    const other = anyOf[1 - nullAt];
    if (nullAt !== -1 && other && typeof other.type === 'string' && other.type !== 'null') {
      delete out.anyOf;
      const merged: Record<string, unknown> = { ...out, ...other, type: [other.type, 'null'] };
      // An enum or a constant must also admit null, or a null would not match its own schema.
      if (Array.isArray(other.enum)) merged.enum = [...other.enum, null];
      if ('const' in other) {
        delete merged.const;
        merged.enum = [other.const, null];
      }
      return merged;
    }
  }
  return out;
}

export function responseSerializerCompiler(input: CompilerInput): Serialize {
  const viaZod = zodSerializerCompiler(input) as Serialize;
  const fast = compiledSerializer(input.schema);
  if (!fast) return viaZod;
  if (!checking) return fast;
  return (data) => {
    const expected = viaZod(data);
    const actual = fast(data);
    if (!isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) {
      throw new Error(`the compiled serializer of ${input.method} ${input.url} disagrees with zod:\n${actual.slice(0, 2000)}\n${expected.slice(0, 2000)}`);
    }
    return actual;
  };
}
