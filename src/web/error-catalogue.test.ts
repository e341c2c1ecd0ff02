import { createRequire } from 'node:module';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CATALOGUE, Errors, isErrorCode } from '../errors.ts';
import { localizedErrorMessage, toAppError } from './error-response.ts';

const fakeRequest = (url: string) =>
  ({ url, headers: { 'content-type': 'text/csv' }, query: {} }) as unknown as FastifyRequest;

describe('the error catalogue', () => {
  it('every code has an error status and a text in Korean and English with the same placeholders', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      const placeholders = [...entry.message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const params = Object.fromEntries(placeholders.map((p) => [p!, `<${p}>`]));
      const err = Errors.validation([]); // any AppError; only code and params matter below
      for (const locale of ['ko', 'en'] as const) {
        const text = localizedErrorMessage(Object.assign(Object.create(err), { code, params }), locale);
        expect(text, `${locale} errors.${code}`).toBeDefined();
        expect(text, `${locale} errors.${code}`).not.toMatch(/\{\w+\}/); // no placeholder the catalogue does not fill
      }
    }
  });

  it('factories take their status from the catalogue', () => {
    for (const err of [
      Errors.notFound('page'),
      Errors.rateLimited(3),
      Errors.pressExists('x'),
      Errors.urlTooLong(),
      Errors.internal(new Error('x')),
    ]) {
      expect(err).toBeInstanceOf(AppError);
      expect(err.status).toBe(ERROR_CATALOGUE[err.code].status);
    }
    expect(Errors.rateLimited(7)).toMatchObject({
      status: 429,
      message: 'Too many requests; retry in 7 s.',
      retryAfterSeconds: 7,
    });
  });

  it('only the catalogue can make an AppError', () => {
    const Ctor = AppError as unknown as new (...args: unknown[]) => AppError;
    expect(() => new Ctor(Symbol('forged'), 'NOT_FOUND', {}, {})).toThrow(TypeError);
  });

  it('maps every client-side Fastify error onto a catalogue code with its status class', () => {
    const require = createRequire(import.meta.url);
    const fastifyErrors = require('fastify/lib/errors.js') as Record<string, unknown>;
    let mapped = 0;
    for (const [name, Ctor] of Object.entries(fastifyErrors)) {
      if (!name.startsWith('FST_ERR') || typeof Ctor !== 'function') continue;
      const err = new (Ctor as new (...a: string[]) => Error & { statusCode?: number; code: string })('a', 'b', 'c');
      if (!err.statusCode || err.statusCode >= 500) continue;
      for (const url of ['/articles/1', '/api/v1/articles']) {
        const app = toAppError(err, fakeRequest(url), 1024);
        expect(isErrorCode(app.code), `${name} → ${app.code}`).toBe(true);
        expect(app.status, name).toBeGreaterThanOrEqual(400);
        expect(app.status, name).toBeLessThan(500);
        expect(app.message, name).not.toContain('FST_');
      }
      mapped++;
    }
    expect(mapped).toBeGreaterThanOrEqual(10);
  });

  it('an unexpected error is INTERNAL and keeps its cause for the log, not for the client', () => {
    const cause = new Error('SQLITE_BUSY: database is locked');
    const app = toAppError(cause, fakeRequest('/'), 1024);
    expect(app.code).toBe('INTERNAL');
    expect(app.cause).toBe(cause);
    expect(JSON.stringify(app.toJSON())).not.toContain('SQLITE_BUSY');
  });
});
