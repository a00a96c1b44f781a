// The compiled response serializer: what it writes, what it refuses, and that the answers the
// busiest routes send are compiled at all (not quietly left to zod).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiledSerializer, responseSerializerCompiler } from './response-serializer.js';
import { meSchema, sessionProbeSchema } from '../../shared/contracts/auth.js';
import { orgUnitSchema } from '../../shared/contracts/org-units.js';
import { publicNoticeSchema } from '../../shared/contracts/evaluation-results.js';
import { campaignResultsSchema } from '../../shared/contracts/campaigns.js';

const compile = (schema: z.ZodType) => responseSerializerCompiler({ schema, method: 'GET', url: '/api/test', httpStatus: '200' } as never);

describe('compiled response serializer', () => {
  it('when the busiest answers are compiled, then none of them falls back to zod', () => {
    for (const schema of [meSchema, orgUnitSchema, campaignResultsSchema, publicNoticeSchema]) {
      expect(compiledSerializer(schema)).not.toBeNull();
    }
  });

  it('when a handler returns more than the schema names, then only the schema\'s properties are written', () => {
    const serialize = compile(z.object({ id: z.uuid(), name: z.string(), note: z.string().nullable() }));
    const out = JSON.parse(serialize({ id: '5b0c3f5e-1d0b-4b7e-9a51-0c2f4a1e7d10', name: '甲村', note: null, passwordHash: 'secret' }));
    expect(out).toEqual({ id: '5b0c3f5e-1d0b-4b7e-9a51-0c2f4a1e7d10', name: '甲村', note: null });
  });

  it('when a required property is missing, then writing fails instead of sending a short answer', () => {
    const serialize = compile(z.object({ id: z.string(), stars: z.number().int() }));
    expect(() => serialize({ id: 'x' })).toThrow();
  });

  it('when a value has the wrong type, then the test runs (both serializers) refuse it as zod did', () => {
    expect(process.env.FIVESTAR_CHECK_RESPONSES).toBe('1');
    const serialize = compile(z.object({ stars: z.number().int() }));
    expect(() => serialize({ stars: 'five' })).toThrow();
    expect(() => serialize({ stars: 4.5 })).toThrow();
  });

  it('when nullable, optional, enum, record and nested values are written, then the JSON is what zod writes', () => {
    const schema = z.object({
      a: z.string().nullable(),
      b: z.number().optional(),
      c: z.enum(['x', 'y']),
      d: z.record(z.string(), z.number()),
      e: z.array(z.object({ f: z.boolean(), g: z.object({ h: z.string() }).nullable() })),
      i: z.literal('ok'),
    });
    const data = { a: null, c: 'y', d: { 甲: 1, 乙: 2.5 }, e: [{ f: true, g: null }, { f: false, g: { h: '"引号"\n' } }], i: 'ok' };
    expect(JSON.parse(compile(schema)(data))).toEqual(data);
    expect(compiledSerializer(schema)).not.toBeNull();
  });

  it('when a nullable enum or constant is null, then it is written (not refused as outside the enum)', () => {
    const schema = z.object({ pending: z.enum(['a', 'b']).nullable(), kind: z.literal('x').nullable() });
    expect(compiledSerializer(schema)).not.toBeNull();
    expect(JSON.parse(compile(schema)({ pending: null, kind: null }))).toEqual({ pending: null, kind: null });
    expect(JSON.parse(compile(schema)({ pending: 'b', kind: 'x' }))).toEqual({ pending: 'b', kind: 'x' });
  });

  it('when the answer is a union (the page-load session probe), then zod writes it, signed in or not', () => {
    expect(compiledSerializer(sessionProbeSchema)).toBeNull();
    const me = {
      id: '5b0c3f5e-1d0b-4b7e-9a51-0c2f4a1e7d10',
      username: 'orgadmin',
      displayName: '组织部管理员',
      roles: [{ role: 'orgadmin', orgUnitId: '5b0c3f5e-1d0b-4b7e-9a51-0c2f4a1e7d11', orgUnitName: '星岭市', orgLevel: 'city' }],
      permissions: ['org:read'],
      csrfToken: 'x',
      pending: null,
      totpEnabled: false,
      totpRequired: false,
      passwordReset: null,
    };
    expect(JSON.parse(compile(sessionProbeSchema)({ authenticated: true, me }))).toEqual({ authenticated: true, me });
    expect(JSON.parse(compile(sessionProbeSchema)({ authenticated: false }))).toEqual({ authenticated: false });
    expect(JSON.parse(compile(meSchema)(me))).toEqual(me);
  });
});
